/**
 * Status bands configured per plan: which achievement figure they read
 * (progress from baseline to target, or share of target reached), the bands
 * from best to worst, and the labels for "no data yet" and "stale".
 *
 * The thresholds of the two shipped schemes are defaults chosen by Mirai (the
 * plan document does not publish any); a plan sets its own.
 */
import type { Problem } from '../errors';
import { indicatorProblems as P } from './indicator-problems';
import type { IndicatorText } from './indicator-types';

export interface StatusBand {
  key: string;
  label: IndicatorText;
  /** The band holds achievement ≥ min; the last band has no min and catches the rest. */
  min?: number;
}

export interface StatusScheme {
  code: string;
  name: IndicatorText;
  basis: 'progress' | 'share';
  /** Best first. */
  bands: StatusBand[];
  noData: { key: string; label: IndicatorText };
  stale: { key: string; label: IndicatorText };
  /** When achievement cannot be computed (no target, zero target). */
  notComputable: { key: string; label: IndicatorText };
  /** A survey value whose confidence interval holds the target: the sample cannot tell (default 判別できない). */
  cannotTell?: { key: string; label: IndicatorText };
  /** A level where most inputs (by weight) have no figure (default データ不足). */
  insufficient?: { key: string; label: IndicatorText };
}

/** The two statuses a plan's own scheme may leave out, with Mirai's defaults. */
export const defaultCannotTell = {
  key: 'cannot-tell',
  label: { ja: '判別できない（目標が誤差の範囲内）', en: 'Cannot tell (target within the margin of error)' },
};
export const defaultInsufficient = {
  key: 'insufficient-data',
  label: { ja: 'データ不足', en: 'Insufficient data' },
};
export const cannotTellOf = (s: StatusScheme) => s.cannotTell ?? defaultCannotTell;
export const insufficientOf = (s: StatusScheme) => s.insufficient ?? defaultInsufficient;

const common = {
  noData: { key: 'no-data', label: { ja: 'データなし', en: 'No data yet' } },
  stale: { key: 'stale', label: { ja: '更新遅れ', en: 'Stale' } },
  notComputable: { key: 'not-computable', label: { ja: '判定不能', en: 'Cannot be judged' } },
};

/** Four levels (順調/概ね順調/やや遅れ/遅れ) on progress toward the year's target. */
export const fourLevelStatusScheme: StatusScheme = {
  code: 'four-level',
  name: { ja: '4段階（順調〜遅れ）', en: 'Four levels (on track to behind)' },
  basis: 'progress',
  bands: [
    { key: 'on-track', label: { ja: '順調', en: 'On track' }, min: 1 },
    { key: 'mostly-on-track', label: { ja: '概ね順調', en: 'Mostly on track' }, min: 0.8 },
    { key: 'slightly-behind', label: { ja: 'やや遅れ', en: 'Slightly behind' }, min: 0.5 },
    { key: 'behind', label: { ja: '遅れ', en: 'Behind' } },
  ],
  ...common,
};

/** Five grades S/A/B/C/D on the share of the year's target reached (達成率). */
export const gradeStatusScheme: StatusScheme = {
  code: 'grades-sabcd',
  name: { ja: '5段階（S/A/B/C/D）', en: 'Five grades (S/A/B/C/D)' },
  basis: 'share',
  bands: [
    { key: 'S', label: { ja: 'S（目標超過）', en: 'S (beyond target)' }, min: 1.1 },
    { key: 'A', label: { ja: 'A（目標達成）', en: 'A (target reached)' }, min: 1 },
    { key: 'B', label: { ja: 'B（概ね達成）', en: 'B (mostly reached)' }, min: 0.8 },
    { key: 'C', label: { ja: 'C（やや不足）', en: 'C (somewhat short)' }, min: 0.6 },
    { key: 'D', label: { ja: 'D（不足）', en: 'D (short)' } },
  ],
  ...common,
};

/** Bands best first with strictly falling thresholds, only the last without one, unique keys. */
export function validateStatusScheme(scheme: StatusScheme, path = 'statusScheme'): Problem[] {
  const problems: Problem[] = [];
  const bad = (reason: string, where: string) =>
    problems.push(P.schemeInvalid.create({ reason }, { path: where }));
  if (scheme.bands.length === 0) bad('no bands', `${path}.bands`);
  const keys = new Set<string>();
  let previous = Number.POSITIVE_INFINITY;
  scheme.bands.forEach((b, i) => {
    const where = `${path}.bands[${i}]`;
    if (keys.has(b.key)) bad(`duplicate key "${b.key}"`, where);
    keys.add(b.key);
    const last = i === scheme.bands.length - 1;
    if (b.min === undefined) {
      if (!last) bad(`band "${b.key}" has no threshold but is not the last`, where);
    } else {
      if (!Number.isFinite(b.min)) bad(`band "${b.key}" has a threshold that is not a number`, where);
      if (b.min >= previous) bad(`band "${b.key}" threshold ${b.min} is not below the previous one`, where);
      previous = b.min;
    }
  });
  for (const [name, s] of [
    ['noData', scheme.noData],
    ['stale', scheme.stale],
    ['notComputable', scheme.notComputable],
    ['cannotTell', cannotTellOf(scheme)],
    ['insufficient', insufficientOf(scheme)],
  ] as const) {
    if (keys.has(s.key)) bad(`"${name}" reuses the band key "${s.key}"`, `${path}.${name}`);
    keys.add(s.key);
  }
  return problems;
}

/** The band an achievement falls in (the last band catches everything below). */
export function bandFor(scheme: StatusScheme, achievement: number): StatusBand {
  for (const b of scheme.bands) if (b.min === undefined || achievement >= b.min) return b;
  return scheme.bands[scheme.bands.length - 1]!;
}

/** Rank of a status key: 0 = best band; no-data, not-computable and stale are not ranked. */
export function bandRank(scheme: StatusScheme, key: string): number | undefined {
  const i = scheme.bands.findIndex((b) => b.key === key);
  return i < 0 ? undefined : i;
}
