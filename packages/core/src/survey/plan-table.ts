/**
 * The plan's happiness table (年代別の幸福度の回答比率と平均幸福度): the share
 * answering each value 0…10 by age group, the mean by age group, and the
 * overall mean corrected by the population distribution (post-stratification).
 * From published shares it recomputes each group's mean and the range that the
 * shares' rounding allows; from microdata it computes the whole table.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import type { SurveyDesign } from './design';
import { surveyDistribution } from './distribution';
import { domainMasks } from './domain';
import { type Estimate, surveyMean } from './estimate';
import type { Factor } from './factor';
import { surveyProblems as P } from './survey-problems';

export interface PublishedSharesRow {
  group: string;
  /** Percent answering each value, in value order (0…10). */
  shares: readonly number[];
  /** The mean the publication prints, if any. */
  publishedMean?: number;
}

export interface MeanFromShares {
  group: string;
  /** Σ v·share / Σ share. */
  mean: number;
  /** Smallest and largest mean consistent with shares rounded to `precision` points that add to 100. */
  lower: number;
  upper: number;
  sharesTotal: number;
  publishedMean?: number;
  /** The published mean lies within [lower, upper] widened by its own rounding. */
  consistent?: boolean;
}

/** The mean of a 0…k scale from rounded percentage shares, and the range the rounding allows. */
export function meanFromShares(
  row: PublishedSharesRow,
  opts: { precision?: number; meanDecimals?: number; values?: readonly number[] } = {},
): Result<MeanFromShares> {
  const half = (opts.precision ?? 0.1) / 2;
  const values = opts.values ?? row.shares.map((_, v) => v);
  const total = row.shares.reduce((a, b) => a + b, 0);
  const lowerBound = row.shares.map((s) => Math.max(0, s - half));
  const width = row.shares.map((s, i) => s + half - (lowerBound[i] as number));
  const rest = 100 - lowerBound.reduce((a, b) => a + b, 0);
  const room = width.reduce((a, b) => a + b, 0);
  if (rest < -1e-9 || rest > room + 1e-9)
    return fail(P.sharesInvalid.create({ total }, { field: row.group }));
  const order = values.map((v, i) => [v, i] as const).sort((a, b) => a[0] - b[0]);
  const extreme = (ascending: boolean) => {
    let left = rest;
    let sum = lowerBound.reduce((acc, p, i) => acc + p * (values[i] as number), 0);
    for (const [v, i] of ascending ? order : [...order].reverse()) {
      const add = Math.min(left, width[i] as number);
      sum += add * v;
      left -= add;
    }
    return sum / 100;
  };
  const mean = row.shares.reduce((acc, s, i) => acc + s * (values[i] as number), 0) / total;
  const result: MeanFromShares = {
    group: row.group,
    mean,
    lower: extreme(true),
    upper: extreme(false),
    sharesTotal: total,
  };
  if (row.publishedMean !== undefined) {
    const slack = 0.5 * 10 ** -(opts.meanDecimals ?? 2) + 1e-12;
    result.publishedMean = row.publishedMean;
    result.consistent =
      row.publishedMean >= result.lower - slack && row.publishedMean <= result.upper + slack;
  }
  return ok(result);
}

/** Σ N_g·m_g / Σ N_g: the overall mean corrected by the population distribution. */
export function populationWeightedMean(means: readonly number[], counts: readonly number[]): number {
  let num = 0;
  let den = 0;
  means.forEach((m, i) => {
    num += m * (counts[i] as number);
    den += counts[i] as number;
  });
  return num / den;
}

export interface PlanTableRow extends Estimate {
  group: string;
  /** Share (0–1) answering each value, in value order. */
  shares: { value: string; share: number; se: number; n: number }[];
}

export interface PlanTable {
  rows: PlanTableRow[];
  /** The whole sample with the design's weights (post-stratified when the design is). */
  overall: PlanTableRow;
}

/**
 * The table from microdata. Pass a design post-stratified by the groups to get
 * the plan's "corrected by population distribution" overall value.
 */
export function planTableFromMicrodata(
  design: SurveyDesign,
  answer: Factor,
  group: Factor,
): Result<PlanTable> {
  const problems: Problem[] = [];
  const y = new Float64Array(answer.codes.length);
  for (let i = 0; i < y.length; i++) {
    const c = answer.codes[i] as number;
    y[i] = c < 0 ? Number.NaN : Number(answer.levels[c]);
  }
  if (problems.length > 0) return fail(problems);
  const row = (label: string, domain?: Uint8Array): PlanTableRow => {
    const opts = domain ? { domain } : {};
    const mean = surveyMean(design, y, opts);
    const shares = surveyDistribution(design, answer, opts).map((s) => ({
      value: s.value,
      share: s.share,
      se: s.se,
      n: s.n,
    }));
    return { group: label, ...mean, shares };
  };
  const rows = domainMasks(group).map(({ level, mask }) => row(level, mask));
  return ok({ rows, overall: row('overall') });
}
