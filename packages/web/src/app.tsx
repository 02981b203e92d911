/** The whole page tree for one page model: the same on the server and in the browser (hydration). */
import { LangContext } from './i18n/lang';
import { CalendarPage } from './pages/calendar-page';
import { DistrictPage } from './pages/district-page';
import { FieldPage } from './pages/field-page';
import { HappinessPage } from './pages/happiness-page';
import { HomePage } from './pages/home-page';
import { IndicatorPage } from './pages/indicator-page';
import { MeasurePage } from './pages/measure-page';
import { NotFoundPage } from './pages/not-found-page';
import { OpenDataPage } from './pages/open-data-page';
import { PopulationPage } from './pages/population-page';
import { StrategyPage } from './pages/strategy-page';
import { ActualsEntryPage, StaffIndicatorsPage } from './staff/actuals-entry-page';
import { LoginPage } from './staff/login-page';
import { PlanStructurePage } from './staff/plan-structure-page';
import { RoundPage, RoundsPage } from './staff/round-pages';
import { ScenarioWorkbenchPage } from './staff/scenario-workbench-page';
import { SheetEditorPage } from './staff/sheet-editor-page';
import { StaffBar } from './staff/staff-bar';
import { StaffHomePage } from './staff/staff-home-page';
import { SurveyImportPage } from './staff/survey-import-page';
import { TokensPage } from './staff/tokens-page';
import { UsersPage } from './staff/users-page';
import type { PageEnvelope, PageModel } from './types';
import { Layout } from './ui/layout';

function Page({ model }: { model: PageModel }) {
  switch (model.page) {
    case 'home':
      return <HomePage model={model} />;
    case 'strategy':
      return <StrategyPage model={model} />;
    case 'field':
      return <FieldPage model={model} />;
    case 'measure':
      return <MeasurePage model={model} />;
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
    case 'not-found':
      return <NotFoundPage model={model} />;
    case 'staff-login':
      return <LoginPage model={model} />;
    case 'staff-home':
      return <StaffHomePage model={model} />;
    case 'staff-scenarios':
      return <ScenarioWorkbenchPage model={model} />;
    case 'staff-survey-import':
      return <SurveyImportPage model={model} />;
    case 'staff-indicators':
      return <StaffIndicatorsPage model={model} />;
    case 'staff-indicator':
      return <ActualsEntryPage model={model} />;
    case 'staff-plan':
      return <PlanStructurePage model={model} />;
    case 'staff-users':
      return <UsersPage model={model} />;
    case 'staff-tokens':
      return <TokensPage model={model} />;
    case 'staff-rounds':
      return <RoundsPage model={model} />;
    case 'staff-round':
      return <RoundPage model={model} />;
    case 'staff-sheet':
      return <SheetEditorPage model={model} />;
  }
}

export function App({ envelope }: { envelope: PageEnvelope }) {
  return (
    <LangContext.Provider value={envelope.lang}>
      <Layout path={envelope.path}>
        {'session' in envelope.model ? (
          <StaffBar session={envelope.model.session} path={envelope.path} />
        ) : null}
        <Page model={envelope.model} />
      </Layout>
    </LangContext.Provider>
  );
}
