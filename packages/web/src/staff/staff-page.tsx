/** The staff workspace's pages by model (the staff bundle holds these). */
import type { PageModel } from '../types';
import { ActualsEntryPage } from './actuals-entry-page';
import { ActualsGridPage } from './actuals-grid-page';
import { CocreationPage } from './cocreation-page';
import { InboxPage, MySheetsPage } from './inbox-pages';
import { LoginPage } from './login-page';
import { StaffNoticePage } from './notice-page';
import { OutboxPage } from './outbox-page';
import { PasswordPage } from './password-page';
import { PlanStructurePage } from './plan-structure-page';
import { PopulationDataPage } from './population-data-page';
import { ReviewPage } from './review-page';
import { RoundPage, RoundsPage } from './round-pages';
import { ScenarioWorkbenchPage } from './scenario-workbench-page';
import { SectoralPlansStaffPage } from './sectoral-plans-staff-page';
import { SheetEditorPage } from './sheet-editor-page';
import { StaffHomePage } from './staff-home-page';
import { SurveyImportPage } from './survey-import-page';
import { SurveyWavesPage } from './survey-waves-page';
import { TokensPage } from './tokens-page';
import { UsersPage } from './users-page';
import { StaffWorkshopPage, StaffWorkshopsPage } from './workshops-page';

export function StaffPage({ model }: { model: PageModel }) {
  switch (model.page) {
    case 'staff-login':
      return <LoginPage model={model} />;
    case 'staff-password':
      return <PasswordPage model={model} />;
    case 'staff-home':
      return <StaffHomePage model={model} />;
    case 'staff-scenarios':
      return <ScenarioWorkbenchPage model={model} />;
    case 'staff-notice':
      return <StaffNoticePage model={model} />;
    case 'staff-population-data':
      return <PopulationDataPage model={model} />;
    case 'staff-survey-import':
      return <SurveyImportPage model={model} />;
    case 'staff-survey-waves':
      return <SurveyWavesPage model={model} />;
    case 'staff-indicators':
      return <ActualsGridPage model={model} />;
    case 'staff-indicator':
      return <ActualsEntryPage model={model} />;
    case 'staff-plan':
      return <PlanStructurePage model={model} />;
    case 'staff-users':
      return <UsersPage model={model} />;
    case 'staff-tokens':
      return <TokensPage model={model} />;
    case 'staff-sectoral-plans':
      return <SectoralPlansStaffPage model={model} />;
    case 'staff-cocreation':
      return <CocreationPage model={model} />;
    case 'staff-workshops':
      return <StaffWorkshopsPage model={model} />;
    case 'staff-workshop':
      return <StaffWorkshopPage model={model} />;
    case 'staff-outbox':
      return <OutboxPage model={model} />;
    case 'staff-rounds':
      return <RoundsPage model={model} />;
    case 'staff-round':
      return <RoundPage model={model} />;
    case 'staff-review':
      return <ReviewPage model={model} />;
    case 'staff-sheet':
      return <SheetEditorPage model={model} />;
    case 'staff-inbox':
      return <InboxPage model={model} />;
    case 'staff-my-sheets':
      return <MySheetsPage model={model} />;
    default:
      return null;
  }
}
