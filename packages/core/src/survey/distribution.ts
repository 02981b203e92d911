/**
 * The distribution of a categorical answer: the weighted share of each value
 * (for example 0…10) with its standard error, as `svymean(~factor(x))`, and
 * weighted counts as `svytable`.
 */
import type { SurveyDesign } from './design';
import { type EstimateOptions, standardError } from './estimate';
import type { Factor } from './factor';

export interface Share {
  value: string;
  share: number;
  se: number;
  ci: [number, number];
  /** Weighted count (svytable). */
  count: number;
  /** Respondents giving this value. */
  n: number;
}

/** Share of each level among respondents with an answer (code ≥ 0), in level order. */
export function surveyDistribution(
  design: SurveyDesign,
  answer: Factor,
  opts: EstimateOptions = {},
): Share[] {
  const { codes, levels } = answer;
  const n = codes.length;
  const w = design.weights;
  const counts = new Float64Array(levels.length);
  const ns = new Int32Array(levels.length);
  let total = 0;
  // Respondents without an answer (code -1) are out of the domain, like na.rm = TRUE.
  let domain = opts.domain;
  let missing = false;
  for (let i = 0; i < n; i++) if ((codes[i] as number) < 0) missing = true;
  if (missing) {
    domain = new Uint8Array(n);
    for (let i = 0; i < n; i++)
      domain[i] = (codes[i] as number) >= 0 && (!opts.domain || opts.domain[i] === 1) ? 1 : 0;
  }
  for (let i = 0; i < n; i++) {
    if (domain && domain[i] === 0) continue;
    const c = codes[i] as number;
    counts[c] = (counts[c] as number) + (w[i] as number);
    ns[c] = (ns[c] as number) + 1;
    total += w[i] as number;
  }
  const y = new Float64Array(n);
  return levels.map((value, g) => {
    for (let i = 0; i < n; i++) y[i] = codes[i] === g ? 1 : 0;
    const share = (counts[g] as number) / total;
    const se = standardError(design, 'mean', y, share, { ...opts, ...(domain ? { domain } : {}) });
    const z = 1.959963984540054;
    return {
      value,
      share,
      se,
      ci: [share - z * se, share + z * se],
      count: counts[g] as number,
      n: ns[g] as number,
    };
  });
}
