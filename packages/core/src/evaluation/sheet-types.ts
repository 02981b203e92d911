/**
 * The two evaluation sheets as plain data (JSON-serialisable): the project
 * sheet (事務事業評価) and the measure sheet (施策評価). Indicator rows hold
 * codes only; targets and actuals are joined in from the indicators.
 */

import type { ReviewLevel } from './sheet-edit';
import type { SheetState } from './sheet-workflow';
import type { LinkFinding } from './theory-types';

export type SheetKind = 'project' | 'measure';

export const deliveryMethods = ['direct', 'contracted', 'subsidy', 'designated-manager'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

export const deliveryMethodLabels: Record<DeliveryMethod, { ja: string; en: string }> = {
  direct: { ja: '直営', en: 'Direct' },
  contracted: { ja: '委託', en: 'Contracted' },
  subsidy: { ja: '補助', en: 'Subsidy' },
  'designated-manager': { ja: '指定管理', en: 'Designated manager' },
};

/** A reference to an indicator of the plan; values are pulled, never typed in. */
export interface IndicatorRef {
  code: string;
  role: 'activity' | 'outcome';
}

/** Funding sources of the project cost (財源内訳), in the template's money unit. */
export interface FundingSources {
  national: number;
  prefectural: number;
  bonds: number;
  other: number;
  generalRevenue: number;
}

export interface ProjectCostInput {
  /** 決算 (settled) or 予算 (budget). */
  basis: 'settlement' | 'budget';
  funding: FundingSources;
  /** The project cost as declared; when given it must equal the sum of the sources. */
  declaredProjectCost?: number;
  /** 人工: person-years spent on the project. */
  personYears: number;
  /** 平均職員費: average cost of one person-year. */
  averageStaffCost: number;
  /** The quantity the unit cost divides by (e.g. participants), with its unit. */
  unitQuantity?: { value: number; unit: string };
}

interface CommonContent {
  name: string;
  departmentCode: string;
  fieldCode: string;
  indicators: IndicatorRef[];
  /** Rating key (from the template) → level code. */
  ratings: Record<string, string>;
  overallRating?: string;
  direction?: string;
  issues?: string;
  improvements?: string;
  /** Comments by review level (所属長, 企画担当課, 委員会). */
  comments: Partial<Record<ReviewLevel, string>>;
}

export interface ProjectSheetContent extends CommonContent {
  kind: 'project';
  projectCode: string;
  number?: string;
  measureCode: string;
  legalBasis?: string;
  period?: { startFiscalYear: number; endFiscalYear?: number };
  delivery: DeliveryMethod[];
  /** 対象 / 意図 / 手段. */
  purpose: { target: string; intent: string; means: string };
  cost: ProjectCostInput;
}

export interface ContributingProject {
  projectCode: string;
  /** 貢献度 in percent; the weights of a sheet add up to 100. */
  weight: number;
}

export interface MeasureSheetContent extends CommonContent {
  kind: 'measure';
  measureCode: string;
  /** 施策の目指す姿. */
  desiredState: string;
  contributingProjects: ContributingProject[];
  /** 市民実感度: optionally a survey indicator, and a note. */
  citizenPerception?: { indicatorCode?: string; note: string };
  /** The theory-of-change check: a finding per link of the measure's logic model. */
  theoryFindings: LinkFinding[];
}

export type SheetContent = ProjectSheetContent | MeasureSheetContent;

/** A sheet as stored: identity, workflow state, optimistic-lock version, content. */
export interface EvaluationSheet<C extends SheetContent = SheetContent> {
  id: string;
  roundId: string;
  fiscalYear: number;
  kind: C['kind'];
  /** The project or measure code. */
  code: string;
  departmentCode: string;
  state: SheetState;
  version: number;
  content: C;
}
