/**
 * Indicators as data: the definition a plan document holds (zod-free, so the
 * plan YAML and the database can both carry it), actual values kept as
 * append-only versions, and the period an actual refers to.
 */
import type { RelationshipMark } from './relationship-facets';

/** Text in Japanese, with English where available. */
export interface IndicatorText {
  ja: string;
  en?: string;
}

export type IndicatorKind = 'statistic' | 'survey' | 'administrative';
export type IndicatorDirection = 'higher-is-better' | 'lower-is-better' | 'within-band';
/** How often a value is due; `census` = every 5 years (years divisible by 5); `irregular` is never stale. */
export type IndicatorFrequency = 'yearly' | 'quarterly' | 'census' | 'irregular';

/** A confidence interval from the survey estimator. */
export interface ConfidenceInterval {
  lower: number;
  upper: number;
  /** Confidence level, e.g. 0.95. */
  level?: number;
}

export interface IndicatorBaseline {
  value: number;
  /** Fiscal year ("2022", "令和4年度") or date (YYYY-MM, YYYY-MM-DD, 令和4年12月) the baseline refers to. */
  asOf: string;
  source: IndicatorText;
  note?: IndicatorText;
  /** Survey baselines: valid answers, response rate (0–1) and the estimator's interval. */
  sampleSize?: number;
  responseRate?: number;
  ci?: ConfidenceInterval;
}

export interface IndicatorTarget {
  fiscalYear: number;
  value: number;
  /** How the plan phrases the target; informative, the direction decides the arithmetic. */
  comparison?: 'at-least' | 'at-most' | 'equal';
}

/** A named projection series with its source (e.g. IPSS 2023). */
export interface IndicatorProjection {
  code: string;
  name: IndicatorText;
  source: IndicatorText;
  /** Calendar year -> value. */
  values: Record<string, number>;
  sample?: boolean;
}

export interface SurveyQuestion {
  question: IndicatorText;
  scale: { min: number; max: number; anchors?: Record<string, IndicatorText> };
  /** A change smaller than this (in the indicator's unit) counts as unchanged when no interval is known. */
  unchangedBand?: number;
}

export interface IndicatorDefinition {
  code: string;
  name: IndicatorText;
  unit: IndicatorText;
  kind: IndicatorKind;
  direction: IndicatorDirection;
  /** The band to keep within (direction `within-band`). */
  band?: { lower: number; upper: number };
  /** Values outside this range are rejected on import (e.g. 0–10, or min 0). */
  range?: { min?: number; max?: number };
  /** Decimal places every figure of the indicator is shown with (default: as the plan writes its baseline and targets). */
  precision?: number;
  baseline?: IndicatorBaseline;
  /** Targets per fiscal year. */
  targets: IndicatorTarget[];
  finalTarget?: IndicatorTarget;
  frequency: IndicatorFrequency;
  /** Months after a period ends until its value is due (defaults per frequency). */
  publicationLagMonths?: number;
  ownerDepartment?: string;
  /** Area codes the indicator is broken down by. */
  areas?: string[];
  /** How values by area make the city's: summed (counts), population-weighted (rates), or not at all (default). */
  areaAggregation?: 'sum' | 'weighted-mean' | 'none';
  /** Code of the plan element it serves: `plan`, a strategy, a field or a measure. */
  serves: string;
  /** Weight in the roll-up of the element it serves (default 1). */
  weight?: number;
  survey?: SurveyQuestion;
  projections?: IndicatorProjection[];
  /** Marks a relationship-population (関係人口) indicator: what it measures and where its figures come from. */
  relationshipPopulation?: RelationshipMark;
  sample?: boolean;
}

/** One version of an actual value. A correction is a new version superseding the old. */
export interface ActualVersion {
  id: string;
  indicatorCode: string;
  fiscalYear: number;
  /** The day the value refers to (census day, survey month, quarter end), ISO YYYY-MM-DD. */
  date?: string;
  /** Area code; absent for the whole city. */
  area?: string;
  value: number;
  ci?: ConfidenceInterval;
  sampleSize?: number;
  source: string;
  note?: string;
  enteredBy: string;
  /** ISO timestamp. */
  enteredAt: string;
  /** The version this one corrects. */
  supersedes?: string;
}

/** The identity of an actual: one current value per indicator, fiscal year, date and area. */
export function actualKey(a: {
  indicatorCode: string;
  fiscalYear: number;
  date?: string;
  area?: string;
}): string {
  return `${a.indicatorCode}|${a.fiscalYear}|${a.date ?? ''}|${a.area ?? ''}`;
}
