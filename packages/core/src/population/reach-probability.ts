/**
 * The probabilistic projection of one area with the chance of reaching a
 * figure: runs the Monte Carlo (monte-carlo.ts) and, before the totals are
 * summarised, counts the trajectories whose total at the year (linear between
 * the projection's years, as the deterministic annual totals are) is at least
 * the threshold. The share is the probability, with its Monte Carlo standard
 * error √(p(1−p)/T).
 */
import { fail, ok, type Result } from '../errors';
import {
  allocateTotals,
  compileForSimulation,
  type MonteCarloOptions,
  type MonteCarloResult,
  simulateInto,
  summarise,
} from './monte-carlo';
import { populationProblems as P } from './population-problems';
import { valueAtYear } from './summaries';

export interface ReachProbability {
  year: number;
  threshold: number;
  /** Trajectories whose total at `year` is at least `threshold`. */
  reached: number;
  trajectories: number;
  probability: number;
  /** Monte Carlo standard error of the probability. */
  standardError: number;
}

/** Share of trajectories of the first area (the city) at or above `threshold` in `year`. */
export function countReached(
  years: number[],
  totals: Float64Array,
  trajectories: number,
  year: number,
  threshold: number,
): ReachProbability {
  const series = new Float64Array(years.length);
  let reached = 0;
  for (let t = 0; t < trajectories; t++) {
    for (let k = 0; k < years.length; k++) series[k] = totals[k * trajectories + t]!;
    if (valueAtYear(years, series, year) >= threshold) reached++;
  }
  const p = reached / trajectories;
  return {
    year,
    threshold,
    reached,
    trajectories,
    probability: p,
    standardError: Math.sqrt((p * (1 - p)) / trajectories),
  };
}

/** Runs the simulation of a spec and says how likely the city's total reaches `threshold` in `year`. */
export function simulateWithReach(
  input: unknown,
  o: MonteCarloOptions,
  reach: { year: number; threshold: number },
): Result<{ result: MonteCarloResult; reach: ReachProbability }> {
  if (!Number.isInteger(o.trajectories) || o.trajectories < 1)
    return fail(
      P.valueOutOfRange.create(
        { field: 'trajectories', value: o.trajectories, range: 'integer ≥ 1' },
        { field: 'trajectories' },
      ),
    );
  const set = compileForSimulation(input);
  if (!set.ok) return set;
  const m = allocateTotals(set.value, o.trajectories);
  const first = m.years[0]!;
  const last = m.years[m.years.length - 1]!;
  if (!(reach.year >= first && reach.year <= last))
    return fail(
      P.valueOutOfRange.create(
        { field: 'year', value: reach.year, range: `${first}–${last}` },
        { field: 'year' },
      ),
    );
  m.guarded = simulateInto(set.value, o, 0, o.trajectories, m.totals);
  // Counted before summarise, which reorders the totals.
  const r = countReached(m.years, m.totals, o.trajectories, reach.year, reach.threshold);
  return ok({ result: summarise(set.value, m, o), reach: r });
}
