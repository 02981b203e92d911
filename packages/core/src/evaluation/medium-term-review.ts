/**
 * The medium-term review (FY2026, FY2029, FY2032): from the yearly round
 * digests of one phase, per measure the achievement trend, ratings and
 * directions per year, its projects' directions, and the links found broken;
 * with an empty place per measure for the review's conclusion.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import type { MeasureYear, RoundDigest } from './round-digest';
import { theoryProblems as T } from './theory-problems';
import type { Finding } from './theory-types';

export interface PhaseSpan {
  number: number;
  startFiscalYear: number;
  endFiscalYear: number;
}

export type Trend = 'improving' | 'declining' | 'flat' | 'insufficient-data';

export interface ReviewConclusion {
  measureCode: string;
  /** What the next phase does with the measure. */
  proposal: 'continue' | 'revise' | 'merge' | 'end';
  /** For `merge`: the current measure it merges into. */
  mergeInto?: string;
  assessment: string;
}

export interface MeasureReview {
  measureCode: string;
  name: string;
  fieldCode: string;
  years: {
    fiscalYear: number;
    overallRating: string | null;
    direction: string | null;
    meanAchievement: number | null;
  }[];
  achievementTrend: Trend;
  /** Slope of the mean achievement per year (least squares), or null. */
  achievementSlope: number | null;
  indicators: { code: string; achievements: (number | null)[]; trend: Trend }[];
  projectDirections: { fiscalYear: number; counts: Record<string, number> }[];
  /** Links found not held or partly held in any year, with every year's finding. */
  brokenLinks: { linkId: string; findings: { fiscalYear: number; finding: Finding }[]; latest: Finding }[];
  conclusion: ReviewConclusion | null;
}

export interface MediumTermReview {
  phase: PhaseSpan;
  fiscalYears: number[];
  missingYears: number[];
  measures: MeasureReview[];
}

/** Least-squares slope per year over the non-null points, with `tolerance` (per year) counted as flat. */
export function trendOf(
  points: { x: number; y: number | null }[],
  tolerance = 0.02,
): { trend: Trend; slope: number | null } {
  const known = points.filter((p): p is { x: number; y: number } => p.y !== null && Number.isFinite(p.y));
  if (known.length < 2) return { trend: 'insufficient-data', slope: null };
  const mx = known.reduce((s, p) => s + p.x, 0) / known.length;
  const my = known.reduce((s, p) => s + p.y, 0) / known.length;
  const sxx = known.reduce((s, p) => s + (p.x - mx) ** 2, 0);
  const slope = known.reduce((s, p) => s + (p.x - mx) * (p.y - my), 0) / sxx;
  return { trend: Math.abs(slope) <= tolerance ? 'flat' : slope > 0 ? 'improving' : 'declining', slope };
}

export function buildMediumTermReview(
  phase: PhaseSpan,
  digests: readonly RoundDigest[],
  options: { conclusions?: readonly ReviewConclusion[]; tolerance?: number } = {},
): Result<MediumTermReview> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const byYear = new Map<number, RoundDigest>();
  digests.forEach((d, index) => {
    const where = { path: `digests[${index}]`, index };
    if (d.fiscalYear < phase.startFiscalYear || d.fiscalYear > phase.endFiscalYear) {
      problems.push(
        T.reviewYearOutsidePhase.create(
          { fiscalYear: d.fiscalYear, start: phase.startFiscalYear, end: phase.endFiscalYear },
          where,
        ),
      );
    } else if (byYear.has(d.fiscalYear))
      problems.push(T.reviewYearDuplicate.create({ fiscalYear: d.fiscalYear }, where));
    else byYear.set(d.fiscalYear, d);
  });
  const years: number[] = [];
  for (let fy = phase.startFiscalYear; fy <= phase.endFiscalYear; fy++) years.push(fy);
  const missingYears = years.filter((fy) => !byYear.has(fy));
  // A review held in the phase's last year cannot have that year's round yet: said, not refused.
  for (const fy of missingYears)
    warnings.push(T.reviewYearMissing.create({ fiscalYear: fy }, { field: 'digests' }, 'warning'));
  const codes = new Set<string>();
  for (const d of byYear.values()) for (const m of d.measures) codes.add(m.measureCode);
  (options.conclusions ?? []).forEach((c, index) => {
    if (!codes.has(c.measureCode))
      problems.push(
        T.conclusionUnknownMeasure.create({ code: c.measureCode }, { path: `conclusions[${index}]`, index }),
      );
  });
  if (problems.length > 0) return fail(problems);
  const measures = [...codes].sort().map((code) => reviewMeasure(code, years, byYear, options));
  return ok({ phase: { ...phase }, fiscalYears: years, missingYears, measures }, warnings);
}

function reviewMeasure(
  code: string,
  years: number[],
  byYear: ReadonlyMap<number, RoundDigest>,
  options: { conclusions?: readonly ReviewConclusion[]; tolerance?: number },
): MeasureReview {
  const perYear = years.map((fy) => ({
    fy,
    m: byYear.get(fy)?.measures.find((x) => x.measureCode === code),
  }));
  const latest = [...perYear].reverse().find((p) => p.m)?.m as MeasureYear;
  const { trend, slope } = trendOf(
    perYear.map((p) => ({ x: p.fy, y: p.m?.meanAchievement ?? null })),
    options.tolerance,
  );
  const indicatorCodes = [
    ...new Set(perYear.flatMap((p) => p.m?.indicators.map((i) => i.code) ?? [])),
  ].sort();
  const indicators = indicatorCodes.map((ic) => {
    const achievements = perYear.map((p) => p.m?.indicators.find((i) => i.code === ic)?.achievement ?? null);
    return {
      code: ic,
      achievements,
      trend: trendOf(
        achievements.map((y, k) => ({ x: years[k]!, y })),
        options.tolerance,
      ).trend,
    };
  });
  const projectDirections = years.map((fy) => {
    const counts: Record<string, number> = {};
    for (const p of byYear.get(fy)?.projects ?? []) {
      if (p.measureCode !== code) continue;
      const key = p.direction ?? 'none';
      counts[key] = (counts[key] ?? 0) + 1;
    }
    return { fiscalYear: fy, counts };
  });
  const linkIds = [...new Set(perYear.flatMap((p) => p.m?.findings.map((f) => f.linkId) ?? []))].sort();
  const brokenLinks = linkIds.flatMap((linkId) => {
    const findings = perYear.flatMap((p) => {
      const f = p.m?.findings.find((x) => x.linkId === linkId);
      return f ? [{ fiscalYear: p.fy, finding: f.finding }] : [];
    });
    const broken = findings.some((f) => f.finding === 'not-held' || f.finding === 'partly');
    return broken ? [{ linkId, findings, latest: findings[findings.length - 1]!.finding }] : [];
  });
  return {
    measureCode: code,
    name: latest.name,
    fieldCode: latest.fieldCode,
    years: perYear.map((p) => ({
      fiscalYear: p.fy,
      overallRating: p.m?.overallRating ?? null,
      direction: p.m?.direction ?? null,
      meanAchievement: p.m?.meanAchievement ?? null,
    })),
    achievementTrend: trend,
    achievementSlope: slope,
    indicators,
    projectDirections,
    brokenLinks,
    conclusion: options.conclusions?.find((c) => c.measureCode === code) ?? null,
  };
}
