/**
 * Rating scales, configurable per plan: A–D (順調…遅れ), S/A/B/C/D with
 * achievement bands, 1–5. A level may carry the lowest achievement (share of
 * the target, 1 = 100%) at which it is suggested; a level without a rank (e.g.
 * "−" 測定不能) is allowed but never suggested.
 */
import type { Problem } from '../errors';
import { sheetProblems as P } from './sheet-problems';

export interface Label {
  ja: string;
  en: string;
}

export interface RatingLevel {
  code: string;
  label: Label;
  /** Higher is better; null for levels outside the order (not measurable). */
  rank: number | null;
  /** Suggest this level from an achievement at or above this share. */
  minAchievement?: number;
}

export interface RatingScale {
  id: string;
  name: Label;
  levels: RatingLevel[];
}

/** A 順調 / B 概ね順調 / C やや遅れ / D 遅れ. */
export const scaleAtoD: RatingScale = {
  id: 'a-d',
  name: { ja: '4段階（A〜D）', en: 'Four levels (A–D)' },
  levels: [
    { code: 'A', label: { ja: '順調', en: 'On track' }, rank: 4, minAchievement: 1 },
    { code: 'B', label: { ja: '概ね順調', en: 'Mostly on track' }, rank: 3, minAchievement: 0.8 },
    { code: 'C', label: { ja: 'やや遅れ', en: 'Somewhat behind' }, rank: 2, minAchievement: 0.5 },
    { code: 'D', label: { ja: '遅れ', en: 'Behind' }, rank: 1, minAchievement: 0 },
  ],
};

/** S 目標超 / A / B / C / D with achievement bands, and − 測定不能. */
export const scaleStoD: RatingScale = {
  id: 's-d',
  name: { ja: '5段階（S〜D）', en: 'Five levels (S–D)' },
  levels: [
    { code: 'S', label: { ja: '目標を上回る', en: 'Above target' }, rank: 5, minAchievement: 1.1 },
    { code: 'A', label: { ja: '目標どおり', en: 'On target' }, rank: 4, minAchievement: 1 },
    { code: 'B', label: { ja: '概ね目標どおり', en: 'Close to target' }, rank: 3, minAchievement: 0.9 },
    { code: 'C', label: { ja: '目標を下回る', en: 'Below target' }, rank: 2, minAchievement: 0.6 },
    { code: 'D', label: { ja: '大きく下回る', en: 'Far below target' }, rank: 1, minAchievement: 0 },
    { code: '-', label: { ja: '測定不能', en: 'Not measurable' }, rank: null },
  ],
};

/** 1 (low) … 5 (high), for necessity, effectiveness and the like. */
export const scaleOneToFive: RatingScale = {
  id: '1-5',
  name: { ja: '5段階（1〜5）', en: 'Five points (1–5)' },
  levels: [5, 4, 3, 2, 1].map((n) => ({
    code: String(n),
    label: { ja: `${n}`, en: `${n}` },
    rank: n,
  })),
};

/** Level codes of a scale, for messages: "A, B, C, D". */
export function scaleCodes(scale: RatingScale): string {
  return scale.levels.map((l) => l.code).join(', ');
}

export function isOnScale(scale: RatingScale, code: string): boolean {
  return scale.levels.some((l) => l.code === code);
}

/** The best-ranked level whose band the achievement reaches; undefined if none applies. */
export function ratingFromAchievement(
  scale: RatingScale,
  achievement: number | undefined,
): string | undefined {
  if (achievement === undefined || !Number.isFinite(achievement)) return undefined;
  const banded = scale.levels
    .filter((l) => l.rank !== null && l.minAchievement !== undefined && achievement >= l.minAchievement)
    .sort((a, b) => (b.rank ?? 0) - (a.rank ?? 0));
  return banded[0]?.code;
}

/** Checks a scale: levels present, codes unique and non-empty, ranks unique, bands ordered with rank. */
export function validateRatingScale(scale: RatingScale, path = 'scale'): Problem[] {
  const problems: Problem[] = [];
  const bad = (reason: string, where = path) =>
    problems.push(P.scaleInvalid.create({ scale: scale.id, reason }, { path: where }));
  if (scale.levels.length === 0) bad('no levels');
  const codes = new Set<string>();
  const ranks = new Set<number>();
  scale.levels.forEach((l, i) => {
    const where = `${path}.levels[${i}]`;
    if (l.code.trim() === '') bad('empty level code', where);
    if (codes.has(l.code)) bad(`duplicate code ${l.code}`, where);
    codes.add(l.code);
    if (l.rank !== null) {
      if (ranks.has(l.rank)) bad(`duplicate rank ${l.rank}`, where);
      ranks.add(l.rank);
    } else if (l.minAchievement !== undefined) bad(`unranked level ${l.code} has a band`, where);
    if (l.minAchievement !== undefined && !Number.isFinite(l.minAchievement))
      bad(`band of ${l.code} is not a number`, where);
  });
  const banded = scale.levels
    .filter((l) => l.rank !== null && l.minAchievement !== undefined)
    .sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0));
  for (let i = 1; i < banded.length; i++) {
    if (banded[i]!.minAchievement! <= banded[i - 1]!.minAchievement!) {
      bad(`band of ${banded[i]!.code} must be above that of ${banded[i - 1]!.code}`);
    }
  }
  return problems;
}
