/**
 * Age groups: parse and check a list of contiguous 5-year groups starting at 0
 * with an open last group ("0-4", "5-9", …, "90+"), and aggregate to the
 * three groups 0-14, 15-64 and 65+.
 */
import type { Problem } from '../errors';
import { populationProblems as P } from './population-problems';

export interface AgeGroupLayout {
  labels: string[];
  /** Start age of each group. */
  starts: number[];
  /** Start age of the open last group. */
  openStart: number;
}

/** Standard labels up to an open group starting at `openStart` (a multiple of 5). */
export function standardAgeGroups(openStart = 90): string[] {
  const labels: string[] = [];
  for (let a = 0; a < openStart; a += 5) labels.push(`${a}-${a + 4}`);
  labels.push(`${openStart}+`);
  return labels;
}

/** Checks the labels; returns the layout or one problem per bad label. */
export function parseAgeGroups(labels: unknown): { layout?: AgeGroupLayout; problems: Problem[] } {
  if (!Array.isArray(labels) || labels.length < 2) {
    return {
      problems: [
        P.fieldType.create({ field: 'ageGroups', expected: 'array of ≥ 2 labels' }, { field: 'ageGroups' }),
      ],
    };
  }
  const problems: Problem[] = [];
  const starts: number[] = [];
  labels.forEach((label, i) => {
    const start = i * 5;
    const last = i === labels.length - 1;
    const expected = last ? `${start}+` : `${start}-${start + 4}`;
    const text = typeof label === 'string' ? label.replace(/\s/g, '') : String(label);
    const ok = last ? text === expected || text === `${start}-` : text === expected;
    if (!ok) problems.push(P.ageGroups.create({ label: text, expected }, { field: 'ageGroups', index: i }));
    starts.push(start);
  });
  if (problems.length > 0) return { problems };
  return {
    layout: { labels: labels as string[], starts, openStart: starts[starts.length - 1] ?? 0 },
    problems,
  };
}

/** Index range [from, to) of the groups covering ages lo..hi (inclusive, multiples of 5). */
export function groupRange(layout: AgeGroupLayout, lo: number, hi: number): [number, number] {
  return [Math.floor(lo / 5), Math.min(layout.starts.length, Math.floor(hi / 5) + 1)];
}

/** Sums both sexes into 0-14, 15-64 and 65+ (the last group must start at 65 or later). */
export function threeGroups(
  male: ArrayLike<number>,
  female: ArrayLike<number>,
): {
  '0-14': number;
  '15-64': number;
  '65+': number;
} {
  let young = 0;
  let working = 0;
  let old = 0;
  for (let i = 0; i < male.length; i++) {
    const v = (male[i] ?? 0) + (female[i] ?? 0);
    if (i < 3) young += v;
    else if (i < 13) working += v;
    else old += v;
  }
  return { '0-14': young, '15-64': working, '65+': old };
}
