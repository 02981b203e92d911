/**
 * The data each page is rendered from. The read models the app already
 * defines come from it (through the API package's type exports); the others
 * are the pages' own shapes, built by the server's composition root (the
 * compiler checks that they match). The same object is embedded in the page
 * for hydration.
 */
import type {
  ActualsGrid,
  ApiToken,
  AreaListView,
  AreaView,
  BrandView,
  Catalogue,
  DistrictsView,
  EvaluationSheetView,
  GoalTile,
  HappinessView,
  IndicatorDetail,
  IndicatorSummary,
  NotificationAnswer,
  OutboxView,
  PartnerView,
  PlanProgress,
  PopulationView,
  PublicUser,
  PublishedRound,
  RelationshipPopulationView,
  ReportView,
  RoundStatus,
  SectoralCheckView,
  VoiceView,
  WorkshopView,
} from '@mirai/api';

export type { PartnerView, RelationshipPopulationView, ReportView, VoiceView, WorkshopView };

/** Co-creation on a measure's public page: accepted partner reports, residents' voices, the workshops that shaped it. */
export interface MeasureCocreationView {
  reports: ReportView[];
  voices: VoiceView[];
  workshops?: Pick<WorkshopView, 'code' | 'title' | 'heldOn' | 'sample'>[];
}

import type {
  DistrictSetSpec,
  MeasureFilter,
  MediumTermReview,
  MunicipalityContact,
  PlanDocument,
  PlanTree,
  SheetCheckContext,
  TemplateSet,
  Text,
} from '@mirai/core';
import type { Lang } from './i18n/lang';

/** A catalogued problem as a page shows it. */
export interface PageProblem {
  code: string;
  message: { ja: string; en: string };
}

import type { WorkbenchResult } from './staff/workbench-engine';
import type { SiteInfo } from './ui/site';

export type { SiteInfo };

export type PlanTreeView = PlanTree & { version: number };

export type StatusView = IndicatorSummary['status'];

export type GoalTileView = GoalTile;

export type IndicatorSummaryView = IndicatorSummary;

export type IndicatorDetailView = IndicatorDetail;

export type RollupView = PlanProgress['figures'][string];

export type ProgressView = PlanProgress;

export interface Bilingual {
  ja: string;
  en: string;
}

export type PopulationPageView = PopulationView;

export type DistrictsPageView = DistrictsView;

export type HappinessPageView = HappinessView;

export interface CalendarPageYear {
  fiscalYear: number;
  phase: number | null;
  events: string[];
}

/** One axe run of the site (e2e/accessibility.test.ts writes them to docs/accessibility/axe-results.json). */
export interface AxeReport {
  /** Japan time. */
  testedAt: string;
  axeVersion: string;
  /** The axe rule tags run, e.g. wcag2a, wcag2aa, wcag21aa, best-practice. */
  tags: string[];
  viewports: { width: number; height: number }[];
  languages: ('ja' | 'en')[];
  /** Every page × language × viewport tried, with its counts. */
  runs: {
    path: string;
    lang: 'ja' | 'en';
    width: number;
    violations: number;
    passes: number;
    incomplete: number;
  }[];
  /** Rules: those that applied somewhere and passed everywhere, and those violated somewhere. */
  rules: { id: string; passed: number; violated: number; incomplete: number }[];
  violations: {
    path: string;
    lang: 'ja' | 'en';
    width: number;
    id: string;
    impact: string | null;
    nodes: number;
  }[];
}

export interface OpenDataFile {
  href: string;
  name: Text;
  format: string;
  source: string;
  sample: boolean;
}

export type PublishedRoundView = PublishedRound;

export interface PlanVersionView {
  version: number;
  createdAt: string;
  /** Who stored the version: staff pages only; the public page names no account. */
  actor?: string;
  note: string | null;
}

/** The signed-in staff member, as the pages show them. */
export interface StaffUser {
  login: string;
  displayName: string;
  role: string;
  roleName: Text;
  /** A one-time password is in use: the workspace asks for a new one first. */
  mustChangePassword: boolean;
}

export interface StaffSession {
  user: StaffUser;
  /** Sent back in `x-csrf-token` on every write. */
  csrfToken: string | null;
}

export interface WorkbenchModel {
  set: DistrictSetSpec;
  districtCodes: Record<string, string>;
  target: { fiscalYear: number; value: number } | null;
  /** The projection with every lever neutral, computed on the server for the first render. */
  baseline: WorkbenchResult;
}

export type RoundStatusView = RoundStatus;

/** The medium-term review of a phase in the workspace (/staff/reviews/:phase). */
export interface ReviewPageModel {
  page: 'staff-review';
  session: StaffSession;
  phase: number;
  phaseName: Text;
  phases: { number: number; name: Text }[];
  review: MediumTermReview & { conclusionsVersion: number; publishedAt: string | null };
  /** The review's warnings (years without a round), as messages. */
  warnings: Text[];
  fieldNames: Record<string, Text>;
  measureLevel: Text;
  fieldLevel: Text;
  /** The current plan version (a draft included): the version the next-phase plan is made from. */
  plan: { version: number; status: string };
  /** The next phase's number when the plan has one. */
  nextPhase: number | null;
  /** Measures the current plan already has under the next phase. */
  nextPhaseMeasures: string[];
  /** May record conclusions (evaluation:manage-round). */
  canConclude: boolean;
  /** May save the next phase's draft as a plan version (plan:import too). */
  canDraftPlan: boolean;
}

/** The sheet editor's form data: the app's sheet read (getEvaluationSheet), the parts the form edits. */
export type SheetView = Pick<EvaluationSheetView, 'sheet' | 'round' | 'cost' | 'allowedActions'> & {
  /** Accepted partner reports on this item in the round's year (read-only; the sheet's "contributions by partners"). */
  partnerContributions?: ReportView[];
};

/** One in-app notification of the signed-in account (its inbox): the API's notification, as the page shows it. */
export type NotificationView = Pick<
  NotificationAnswer,
  'id' | 'kind' | 'message' | 'link' | 'createdAt' | 'read'
>;

/** A sheet of an open round that waits on the signed-in account (my sheets). */
export interface MySheetView {
  id: string;
  fiscalYear: number;
  kind: 'project' | 'measure';
  code: string;
  name: string;
  departmentCode: string;
  state: string;
  actions: string[];
  due: string | null;
}

/** What the sheet editor shows beside the form: figures, the theory check, comments, earlier years (from the app's sheet read). */
export interface SheetExtras {
  /** Every plan indicator's figures; rows are joined in the browser with the core's joinIndicatorRows. */
  figures: EvaluationSheetView['indicatorFigures'];
  /** The references the plan gives the sheet (not removable). */
  fixedIndicators: EvaluationSheetView['fixedIndicators'];
  /** Measure sheets: one row per link of the logic model, with the indicators' suggestion. */
  theory: NonNullable<EvaluationSheetView['theory']>['rows'] | null;
  threads: EvaluationSheetView['threads'];
  /** The account may comment (evaluation:comment). */
  canComment: boolean;
  earlierSheets: EvaluationSheetView['earlierSheets'];
}

export type AccountView = PublicUser;

/** An API token on the tokens page: the API's token without the owner's id. */
export type TokenView = Omit<ApiToken, 'userId'>;

/** Every page and its data, keyed by `page`. */
export type PageModel =
  | {
      page: 'home';
      tree: PlanTreeView;
      progress: ProgressView | null;
      goals: GoalTileView[];
    }
  | {
      page: 'strategy';
      tree: PlanTreeView;
      code: string;
      indicators: IndicatorSummaryView[];
      progress: ProgressView | null;
    }
  | {
      page: 'field';
      tree: PlanTreeView;
      code: string;
      indicators: IndicatorSummaryView[];
      progress: ProgressView | null;
      /** The measures list's filter (?area=&period=). */
      filter: MeasureFilter;
    }
  | {
      page: 'measures';
      tree: PlanTreeView;
      progress: ProgressView | null;
      filter: MeasureFilter;
    }
  | {
      page: 'measure';
      tree: PlanTreeView;
      code: string;
      indicators: IndicatorSummaryView[];
      progress: ProgressView | null;
      cocreation?: MeasureCocreationView;
    }
  | { page: 'indicator'; tree: PlanTreeView; indicator: IndicatorDetailView }
  | { page: 'happiness'; view: HappinessPageView }
  | { page: 'population'; view: PopulationPageView; districts: { code: string; name: Text }[] }
  | { page: 'district'; view: DistrictsPageView; code: string }
  | {
      page: 'calendar';
      planTitle: Text;
      years: CalendarPageYear[];
      /** The plan's phases with their own names (前期基本計画…), where given. */
      phases?: { number: number; name?: Text }[];
    }
  | { page: 'contact'; municipality: Text; contact: MunicipalityContact | null }
  | { page: 'accessibility'; report: AxeReport | null }
  | {
      page: 'open-data';
      files: OpenDataFile[];
      catalogue: Catalogue;
      history: PlanVersionView[];
      /** As on /evaluation: with the state of the PDF rendered at publication. */
      evaluations: (PublishedRoundView & { pdf: 'ready' | 'pending' })[];
    }
  | {
      page: 'evaluation';
      /** `pdf`: the annual report PDF rendered at publication is stored ('ready') or still being made. */
      evaluations: (PublishedRoundView & { pdf: 'ready' | 'pending' })[];
      /** Published medium-term reviews (decision 0149), by phase. */
      reviews: PublishedReviewView[];
    }
  | { page: 'areas'; view: AreaListView }
  | {
      page: 'area';
      view: AreaView;
      areas: { code: string; name: Text }[];
      /** The measures list's filter (the area is the page's own; ?period=). */
      filter: MeasureFilter;
    }
  | { page: 'brand'; brand: BrandView }
  | { page: 'sectoral-plans'; check: SectoralCheckView; departments: { code: string; name: Text }[] }
  | { page: 'partners'; partners: PartnerView[] }
  | { page: 'workshops'; workshops: WorkshopView[] }
  | { page: 'workshop'; workshop: WorkshopView }
  | { page: 'relationship-population'; view: RelationshipPopulationView }
  | { page: 'partner'; partner: PartnerView; reports: ReportView[] }
  | { page: 'not-found'; path: string }
  | { page: 'forbidden'; path: string }
  /** A page whose data could not be read: the catalogued problem in words (never a JSON body). */
  | { page: 'problem'; path: string; problems: PageProblem[] }
  | { page: 'staff-login'; next: string }
  | { page: 'staff-password'; session: StaffSession }
  | { page: 'staff-inbox'; session: StaffSession; notifications: NotificationView[]; allDepartments: boolean }
  | { page: 'staff-my-sheets'; session: StaffSession; sheets: MySheetView[] }
  | {
      page: 'staff-home';
      session: StaffSession;
      links: { href: string; label: Text; available: boolean; note?: Text }[];
    }
  | { page: 'staff-scenarios'; session: StaffSession; workbench: WorkbenchModel }
  | {
      page: 'staff-population-data';
      session: StaffSession;
      datasets: {
        code: string;
        kind: string;
        title: { ja: string; en?: string };
        source: string;
        sample: boolean;
        version: number;
        rows: number;
        createdAt: string;
      }[];
      /** The account may import (population:import-data). */
      canImport: boolean;
    }
  /** A workspace page that cannot show its subject yet (e.g. no population data): why, and what to do. */
  | {
      page: 'staff-notice';
      session: StaffSession;
      heading: { ja: string; en: string };
      problem: PageProblem;
      /** Where to do what the notice asks, when the account may. */
      action?: { href: string; label: { ja: string; en: string } };
    }
  | { page: 'staff-survey-import'; session: StaffSession; surveyIndicators: { code: string; name: Text }[] }
  | { page: 'staff-survey-waves'; session: StaffSession; waves: StaffSurveyWave[] }
  | {
      page: 'staff-indicators';
      session: StaffSession;
      /** The fiscal year × indicator grid: what this account may record, the values stored now. */
      grid: ActualsGrid;
      /** Status and latest value per indicator (the grid's rows link to each indicator's page). */
      indicators: IndicatorSummaryView[];
    }
  | {
      page: 'staff-indicator';
      session: StaffSession;
      indicator: IndicatorDetailView;
      /** The plan's fiscal years (the only ones the server accepts) and the one to start in. */
      fiscalYears: number[];
      defaultYear: number;
    }
  | {
      page: 'staff-users';
      session: StaffSession;
      users: AccountView[];
      roles: { code: string; name: Text }[];
      departments: { code: string; name: Text }[];
    }
  | { page: 'staff-tokens'; session: StaffSession; tokens: TokenView[]; knownScopes: string[] }
  | {
      page: 'staff-workshops';
      session: StaffSession;
      workshops: WorkshopView[];
      /** The desired states (fields) and measures a workshop may have shaped. */
      shapeable: { code: string; name: Text }[];
    }
  | {
      page: 'staff-workshop';
      session: StaffSession;
      workshop: WorkshopView;
      shapeable: { code: string; name: Text }[];
    }
  | {
      page: 'staff-outbox';
      session: StaffSession;
      outbox: OutboxView;
      /** The filters in use (status, kind of message), from the query string. */
      filter: { status: string | null; kind: string | null };
    }
  | {
      page: 'staff-sectoral-plans';
      session: StaffSession;
      /** Every sectoral plan (drafts too) checked against the current plan version. */
      check: SectoralCheckView;
      departments: { code: string; name: Text }[];
      fields: { code: string; name: Text }[];
      measures: { code: string; name: Text }[];
      indicators: { code: string; name: Text }[];
      /** Whether this account may add, edit and publish (sectoral:manage). */
      canManage: boolean;
    }
  | {
      page: 'staff-cocreation';
      session: StaffSession;
      /** A partner account files reports; staff review them and moderate voices. */
      mode: 'partner' | 'staff';
      items: { code: string; kind: string; name: Text }[];
      /** Staff: the plan's measures, to link a proposal to when answering it. */
      measures?: { code: string; name: Text }[];
      reports: ReportView[];
      voices: VoiceView[];
    }
  | {
      page: 'staff-plan';
      session: StaffSession;
      /** The current version's document (drafts included) and its version number. */
      document: PlanDocument;
      version: number;
      history: PlanVersionView[];
      /** The account may save the plan (plan:import): the page is an editor. */
      canEdit: boolean;
    }
  | {
      page: 'staff-rounds';
      session: StaffSession;
      rounds: RoundStatusView[];
      /** The account may open, close, publish and lock rounds (evaluation:manage-round). */
      canManage: boolean;
      /** Fiscal years of the plan without a round yet that may be opened now. */
      openableYears: number[];
      /** When none may be opened now: the plan's next year without a round (opened once it has ended). */
      nextOpenable?: number | null;
    }
  | {
      page: 'staff-round';
      session: StaffSession;
      status: RoundStatusView;
      canManage: boolean;
      /** The departments with sheets in the round (for their workbooks), with names. */
      departments: { code: string; name: string }[];
    }
  | ReviewPageModel
  | {
      page: 'staff-sheet';
      session: StaffSession;
      view: SheetView;
      templates: TemplateSet;
      checks: SheetCheckContext;
      extras: SheetExtras;
    };

export interface PageEnvelope {
  lang: Lang;
  path: string;
  model: PageModel;
  /** The plan's title, municipality and level names (a neutral default when no plan is stored). */
  site?: SiteInfo;
  /** Set when the page shows the current plan version and that version is an unpublished draft. */
  drafts?: { version: number };
}

/** A survey wave on the staff waves page (drafts included). */
export interface StaffSurveyWave {
  code: string;
  title: string;
  fieldworkStart: string | null;
  responses: number;
  questions: number;
  status: string;
  version: number;
}

/** A published medium-term review, as the public evaluation page lists it. */
export interface PublishedReviewView {
  phase: number;
  name: Text;
  startFiscalYear: number;
  endFiscalYear: number;
  publishedAt: string;
}
