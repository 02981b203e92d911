/**
 * Domain estimation (R's `svyby`): one estimate per level of any column (age
 * group, sex, district), each computed on the full design with weight zero
 * outside the domain, so that its variance counts every PSU. Cells with fewer
 * respondents than a publication minimum are flagged for suppression.
 */
import type { Problem } from '../errors';
import type { SurveyDesign } from './design';
import {
  type Estimate,
  type EstimateOptions,
  pointEstimate,
  type Statistic,
  standardError,
  waldInterval,
} from './estimate';
import type { Factor } from './factor';
import { surveyProblems as P } from './survey-problems';

export interface DomainEstimate extends Estimate {
  level: string;
  /** True when n is below the publication minimum; the numbers are then withheld by publishers. */
  suppressed?: boolean;
}

/** One 0/1 mask per level of the factor. */
export function domainMasks(by: Factor): { level: string; mask: Uint8Array }[] {
  const masks = by.levels.map((level) => ({ level, mask: new Uint8Array(by.codes.length) }));
  for (let i = 0; i < by.codes.length; i++) {
    const c = by.codes[i] as number;
    if (c >= 0) (masks[c] as { mask: Uint8Array }).mask[i] = 1;
  }
  return masks;
}

export function surveyBy(
  design: SurveyDesign,
  stat: Statistic,
  y: Float64Array,
  by: Factor,
  opts: EstimateOptions & { x?: Float64Array; minCell?: number } = {},
): { rows: DomainEstimate[]; warnings: Problem[] } {
  const warnings: Problem[] = [];
  const rows = domainMasks(by).map(({ level, mask }) => {
    const domain = opts.domain ? mask.map((v, i) => v & (opts.domain as Uint8Array)[i]!) : mask;
    const estimate = pointEstimate(stat, design.weights, y, opts.x, domain);
    const se = standardError(design, stat, y, estimate, { ...opts, domain });
    let n = 0;
    for (let i = 0; i < y.length; i++) if (domain[i] === 1 && !Number.isNaN(y[i] as number)) n++;
    const row: DomainEstimate = { level, estimate, se, ci: waldInterval(estimate, se, opts.level), n };
    if (opts.minCell !== undefined && n < opts.minCell) {
      row.suppressed = true;
      warnings.push(P.domainTooSmall.create({ level, n, min: opts.minCell }, { field: level }, 'warning'));
    }
    return row;
  });
  return { rows, warnings };
}
