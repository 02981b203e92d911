/**
 * Runs a projection: validates the spec, steps through every 5-year period and
 * builds the output (population by sex and age, totals, three age groups,
 * dependency ratios, annual totals). Negative cells are set to 0 and reported
 * as warnings naming the area, year, sex and age group.
 */
import { ok, type Problem, type Result } from '../errors';
import { compileSpec } from './compile-spec';
import type { CompiledSpec } from './compiled';
import { type NegativeSink, stepCcmpp, stepIpss } from './kernel';
import { populationProblems as P } from './population-problems';
import { buildProjection } from './summaries';
import type { Projection } from './types';

/** The states at the base year and at every period end (each 2n long). */
export function runCompiled(
  c: CompiledSpec,
  onNegative?: (period: number, cell: number, value: number) => void,
): Float64Array[] {
  const states = [c.base.slice()];
  const start = new Float64Array(2 * c.n);
  c.periods.forEach((p, k) => {
    const out = new Float64Array(2 * c.n);
    const sink: NegativeSink | undefined = onNegative ? (cell, v) => onNegative(k, cell, v) : undefined;
    if (c.method === 'ipss') stepIpss(states[k]!, p, c.n, out, sink);
    else stepCcmpp(states[k]!, p, c.n, c.timing === 'even', start, out, sink);
    states.push(out);
  });
  return states;
}

/** Runs a compiled spec and reports guarded negatives as warnings. */
export function projectCompiled(c: CompiledSpec): { projection: Projection; warnings: Problem[] } {
  const warnings: Problem[] = [];
  const states = runCompiled(c, (k, cell, value) => {
    warnings.push(negativeWarning(c, c.periods[k]!.endYear, cell, value));
  });
  return { projection: buildProjection(c, states), warnings };
}

/** Validates and projects a spec (version 1). */
export function projectSpec(spec: unknown): Result<Projection> {
  const compiled = compileSpec(spec);
  if (!compiled.ok) return compiled;
  const { projection, warnings } = projectCompiled(compiled.value);
  return ok(projection, warnings);
}

export function negativeWarning(c: CompiledSpec, year: number, cell: number, value: number): Problem {
  const sex = cell < c.n ? 'male' : 'female';
  const index = cell % c.n;
  const ageGroup = c.layout.labels[index] ?? String(index);
  return P.negativeGuarded.create(
    { area: c.area, year, sex, ageGroup, value },
    { field: `population.${sex}`, path: String(year), index },
    'warning',
  );
}
