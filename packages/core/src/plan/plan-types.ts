/**
 * The comprehensive plan as data: the types of the plan document that
 * `data/<municipality>/plan.yaml` holds and the database stores per version.
 */
import type {
  IndicatorBaseline,
  IndicatorDefinition,
  IndicatorProjection,
  IndicatorTarget,
} from '../indicators/indicator-types';
import type { ProgressConfig } from '../indicators/plan-progress';

/** Text in Japanese, with English where available. */
export interface Text {
  ja: string;
  en?: string;
}

export type PlanStatus = 'draft' | 'approved' | 'revised';
export type AreaLayer = 'region' | 'city' | 'district' | 'school-district';
export type PromotionPeriod = 'short' | 'long';

/** Where citizens reach the office that runs the plan (the contact page). */
export interface MunicipalityContact {
  office?: Text;
  postalCode?: string;
  address?: Text;
  phone?: string;
  fax?: string;
  email?: string;
  url?: string;
  hours?: Text;
}

export interface Municipality {
  code: string;
  name: Text;
  prefecture?: Text;
  contact?: MunicipalityContact;
}

/** The open data's licence when it is not CC BY 4.0. */
export interface OpenDataSettings {
  license?: { id: string; title: Text; url: string };
}

export interface Revision {
  date: string;
  summary: Text;
}

export interface Vision {
  slogan: Text;
  summary?: Text;
  aims?: Text[];
  approaches?: Text[];
  meanings?: { word: string; summary: Text }[];
}

export interface BrandPhilosophy {
  vision: Text;
  /** 約束する価値: the value promised to citizens. */
  value: Text;
  /** 地域らしさ. */
  identity: Text;
  /** パーパス; null where the statement is not in the source. */
  purpose: Text | null;
  assets: BrandAsset[];
  note?: Text;
}

/** A brand asset (ブランド資産) and the plan elements that strengthen or show it. */
export interface BrandAsset extends Text {
  code?: string;
  fields?: string[];
  measures?: string[];
  indicators?: string[];
}

export interface Administration {
  mission: Text;
  principles: { code: string; name: Text; points: Text[] }[];
}

export interface Area {
  code: string;
  layer: AreaLayer;
  name: Text;
  parent?: string;
  /** School districts: the districts they lie in, each with its share (summing to 1). */
  shares?: { area: string; share: number }[];
  /** Position on the schematic tile map of the districts (generated where absent). */
  tile?: { col: number; row: number };
  sample?: boolean;
}

export interface Partner {
  code: string;
  name: Text;
  /** Inside or outside the city (関係人口・連繋人口 are outside). */
  location: 'inside' | 'outside';
  kind: string;
  areas?: string[];
  sample?: boolean;
}

export interface Department {
  code: string;
  name: Text;
  sample?: boolean;
}

/** Indicator definitions are the indicators module's types (one definition, no copy). */
export type Baseline = IndicatorBaseline;
export type Target = IndicatorTarget;
export type ProjectionSeries = IndicatorProjection;
export type { IndicatorDefinition };

export interface LogicModel {
  inputs: Text[];
  activities: Text[];
  outputs: Text[];
  outcomes: Text[];
}

export interface Measure {
  code: string;
  field: string;
  phase: number;
  name: Text;
  summary?: Text;
  /** 短期・長期の推進期間, where the plan sorts its measures so. */
  promotionPeriod?: PromotionPeriod;
  /** Area codes; defaults to none (the whole municipality). */
  targetAreas: string[];
  logicModel?: LogicModel;
  partners?: string[];
  derivedFrom?: string;
  sample?: boolean;
}

export interface Phase {
  /** 1, 2, …; defaults to the phase's position in the file. */
  number: number;
  /** The phase's own name, e.g. 前期基本計画; shown instead of "<phase level> <number>". */
  name?: Text;
  startFiscalYear: number;
  endFiscalYear: number;
  goals?: Text[];
}

export interface Project {
  code: string;
  measure: string;
  name: Text;
  department: string;
  budget?: { amount: number; currency: 'JPY' };
  schedule?: Text;
  sample?: boolean;
}

export interface ImplementationPlan {
  fiscalYear: number;
  projects: Project[];
}

export interface Field {
  code: string;
  /** The strategy (A, B, C) the field belongs to. */
  strategy: string;
  /** 1, 2, … across the plan; defaults to the field's position in the file. */
  number: number;
  name: Text;
  desiredState?: Text;
  /** Named most often in the citizen survey as where to invest first. */
  investFirst?: boolean;
  /** Among the fields that most affect satisfaction with daily life. */
  affectsSatisfaction?: boolean;
}

export interface Strategy {
  code: string;
  name: Text;
  /** What the strategy promises citizens (ありたい姿). */
  promise?: Text;
  surroundings?: Text[];
}

/** The name a plan gives one of its levels, e.g. { ja: '基本目標', en: 'Basic goal' }. */
export interface LevelName {
  ja: string;
  en?: string;
}

/** The plan's own names for its levels, used on every page, sheet, report and CLI output. */
export interface LevelNames {
  strategy: LevelName;
  field: LevelName;
  phase: LevelName;
  measure: LevelName;
  project: LevelName;
}

export interface Plan {
  code: string;
  /** 第N次: the plan's ordinal among the municipality's plans. */
  ordinal?: number;
  title: Text;
  subtitle?: Text;
  startFiscalYear: number;
  endFiscalYear: number;
  status: PlanStatus;
  adopted?: string;
  revisions?: Revision[];
}

export interface PlanDocument {
  formatVersion: 1;
  municipality: Municipality;
  plan: Plan;
  /** The levels' names; absent levels take the classic names (levelNamesOf). */
  levelNames?: Partial<LevelNames>;
  vision?: Vision;
  brand?: BrandPhilosophy;
  administration?: Administration;
  topIndicators: string[];
  strategies: Strategy[];
  fields: Field[];
  phases: Phase[];
  measures: Measure[];
  implementationPlans: ImplementationPlan[];
  indicators: IndicatorDefinition[];
  areas: Area[];
  partners: Partner[];
  departments: Department[];
  /** How progress is judged and rolled up (default: four status levels, weighted mean). */
  progress?: ProgressConfig;
  /** Free notes on provenance: where the data comes from and what is sample. */
  provenance?: Text[];
  openData?: OpenDataSettings;
}
