/**
 * Comparing survey waves and reporting response: the change between two
 * independent waves with its standard error, and response rates by stratum
 * when invitation counts are known.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { type Estimate, waldInterval } from './estimate';
import { surveyProblems as P } from './survey-problems';

export interface WaveDifference {
  /** Later wave minus earlier wave. */
  estimate: number;
  se: number;
  ci: [number, number];
}

/** Difference of two independent samples: SE = √(se₁² + se₂²) (no covariance between waves). */
export function waveDifference(earlier: Estimate, later: Estimate, level = 0.95): WaveDifference {
  const estimate = later.estimate - earlier.estimate;
  const se = Math.sqrt(earlier.se ** 2 + later.se ** 2);
  return { estimate, se, ci: waldInterval(estimate, se, level) };
}

export interface ResponseRate {
  stratum: string;
  invited: number;
  responded: number;
  rate: number;
}

/** Response rate (responses / invitations) per stratum and overall. */
export function responseRates(
  invited: Readonly<Record<string, number>>,
  responded: Readonly<Record<string, number>>,
): Result<{ strata: ResponseRate[]; overall: ResponseRate }> {
  const problems: Problem[] = [];
  const strata: ResponseRate[] = [];
  for (const s of Object.keys(responded))
    if (!(s in invited))
      problems.push(
        P.invitationsInvalid.create({ stratum: s, invited: 0, responded: responded[s] ?? 0 }, { field: s }),
      );
  let ti = 0;
  let tr = 0;
  for (const [stratum, inv] of Object.entries(invited)) {
    const r = responded[stratum] ?? 0;
    if (!(inv > 0) || r > inv)
      problems.push(P.invitationsInvalid.create({ stratum, invited: inv, responded: r }, { field: stratum }));
    ti += inv;
    tr += r;
    strata.push({ stratum, invited: inv, responded: r, rate: r / inv });
  }
  if (problems.length > 0) return fail(problems);
  return ok({ strata, overall: { stratum: 'overall', invited: ti, responded: tr, rate: tr / ti } });
}
