/** The public pages by model (the public bundle holds only these). */
import type { PageModel } from '../types';
import { AccessibilityPage } from './accessibility-page';
import { AreaPage } from './area-page';
import { AreasPage } from './areas-page';
import { BrandPage } from './brand-page';
import { CalendarPage } from './calendar-page';
import { ContactPage } from './contact-page';
import { DistrictPage } from './district-page';
import { EvaluationPage } from './evaluation-page';
import { FieldPage } from './field-page';
import { ForbiddenPage } from './forbidden-page';
import { HappinessPage } from './happiness-page';
import { HomePage } from './home-page';
import { IndicatorPage } from './indicator-page';
import { MeasurePage } from './measure-page';
import { MeasuresPage } from './measures-page';
import { NotFoundPage } from './not-found-page';
import { OpenDataPage } from './open-data-page';
import { PartnerPage, PartnersPage } from './partner-pages';
import { PopulationPage } from './population-page';
import { ProblemPage } from './problem-page';
import { RelationshipPopulationPage } from './relationship-population-page';
import { SectoralPlansPage } from './sectoral-plans-page';
import { StrategyPage } from './strategy-page';
import { WorkshopPage, WorkshopsPage } from './workshop-pages';

export function PublicPage({ model }: { model: PageModel }) {
  switch (model.page) {
    case 'home':
      return <HomePage model={model} />;
    case 'strategy':
      return <StrategyPage model={model} />;
    case 'field':
      return <FieldPage model={model} />;
    case 'measure':
      return <MeasurePage model={model} />;
    case 'measures':
      return <MeasuresPage model={model} />;
    case 'indicator':
      return <IndicatorPage model={model} />;
    case 'happiness':
      return <HappinessPage model={model} />;
    case 'population':
      return <PopulationPage model={model} />;
    case 'district':
      return <DistrictPage model={model} />;
    case 'calendar':
      return <CalendarPage model={model} />;
    case 'open-data':
      return <OpenDataPage model={model} />;
    case 'evaluation':
      return <EvaluationPage model={model} />;
    case 'contact':
      return <ContactPage model={model} />;
    case 'accessibility':
      return <AccessibilityPage model={model} />;
    case 'areas':
      return <AreasPage model={model} />;
    case 'area':
      return <AreaPage model={model} />;
    case 'brand':
      return <BrandPage model={model} />;
    case 'sectoral-plans':
      return <SectoralPlansPage model={model} />;
    case 'partners':
      return <PartnersPage model={model} />;
    case 'partner':
      return <PartnerPage model={model} />;
    case 'workshops':
      return <WorkshopsPage model={model} />;
    case 'workshop':
      return <WorkshopPage model={model} />;
    case 'relationship-population':
      return <RelationshipPopulationPage model={model} />;
    case 'not-found':
      return <NotFoundPage model={model} />;
    case 'forbidden':
      return <ForbiddenPage model={model} />;
    case 'problem':
      return <ProblemPage model={model} />;
    default:
      return null;
  }
}
