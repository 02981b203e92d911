/**
 * Back-casting: find the value of one lever (migration multiplier, added
 * in-migrants per year, or a constant TFR) with which the projection's annual
 * total reaches a target in a target year. Scans outward from the neutral
 * value on a fine grid, bisects the first sign change on each side and returns
 * the root nearest the neutral value; reports the closest total when no value
 * reaches the target.
 */
import { fail, ok, type Result } from '../errors';
import type { CompiledSpec } from './compiled';
import { populationProblems as P } from './population-problems';
import { runCompiled } from './project';
import { applyScenarioCompiled, type Scenario } from './scenarios';
import { sum, valueAtYear } from './summaries';

export type Lever = 'migration-multiplier' | 'added-migrants' | 'tfr';
export const LEVERS: Lever[] = ['migration-multiplier', 'added-migrants', 'tfr'];

export interface TargetAnswer {
  lever: Lever;
  value: number;
  year: number;
  total: number;
  achievedTotal: number;
}

/** The scenario that sets a lever to a value (so that the answer can be stored and re-run). */
export function leverScenario(c: CompiledSpec, lever: Lever, value: number): Scenario {
  if (lever === 'migration-multiplier') return { name: `migration × ${value}`, migrationMultiplier: value };
  if (lever === 'added-migrants') return { name: `+${value} in-migrants/year`, addedMigrantsPerYear: value };
  return { name: `TFR ${value}`, tfrPath: { points: { [String(c.baseYear + 5)]: value } } };
}

/** The neutral value of a lever: 1, 0, or the spec's TFR in the period holding the target year. */
export function neutralValue(c: CompiledSpec, lever: Lever, year: number): number | undefined {
  if (lever === 'migration-multiplier') return 1;
  if (lever === 'added-migrants') return 0;
  const p = c.periods.find((q) => q.endYear >= year) ?? c.periods[c.periods.length - 1];
  return p?.tfr;
}

/** The projected total at `year` (linear between the 5-year points) with the lever at `value`. */
export function totalWithLever(c: CompiledSpec, lever: Lever, value: number, year: number): number {
  const r = applyScenarioCompiled(c, leverScenario(c, lever, value));
  if (!r.ok) return Number.NaN;
  const totals = runCompiled(r.value).map((s) => sum(s));
  return valueAtYear([c.baseYear, ...c.years], totals, year);
}

export interface SolveOptions {
  /** Range searched (default: multiplier −10..10; added ±total base population per year; TFR 0..8). */
  range?: [number, number];
  /** Grid points per side of the neutral value (default 400). */
  steps?: number;
}

export function solveTarget(
  c: CompiledSpec,
  lever: Lever,
  year: number,
  target: number,
  o: SolveOptions = {},
): Result<TargetAnswer> {
  const last = c.years[c.years.length - 1] ?? c.baseYear;
  if (year < c.baseYear || year > last)
    return fail(P.targetYear.create({ year, from: c.baseYear, to: last }, { field: 'year' }));
  const v0 = neutralValue(c, lever, year);
  if (v0 === undefined)
    return fail(P.fieldMissing.create({ field: 'tfr', method: 'lever tfr' }, { field: 'tfr' }));
  const basePop = sum(c.base);
  const [lo, hi] =
    o.range ??
    (lever === 'migration-multiplier'
      ? [-10, 10]
      : lever === 'added-migrants'
        ? [-basePop, basePop]
        : [0, 8]);
  const f = (v: number) => totalWithLever(c, lever, v, year) - target;
  const steps = o.steps ?? 400;
  const f0 = f(v0);
  let best = { v: v0, f: f0 };
  if (f0 === 0) return ok(answer(lever, v0, year, target, f0));
  const roots: number[] = [];
  for (const [edge, dir] of [
    [hi, 1],
    [lo, -1],
  ] as const) {
    const h = Math.abs(edge - v0) / steps;
    if (!(h > 0)) continue;
    let a = v0;
    let fa = f0;
    for (let i = 1; i <= steps; i++) {
      const b = v0 + dir * i * h;
      const fb = f(b);
      if (Math.abs(fb) < Math.abs(best.f)) best = { v: b, f: fb };
      if (Math.sign(fb) !== Math.sign(fa)) {
        roots.push(bisect(f, a, fa, b));
        break;
      }
      a = b;
      fa = fb;
    }
  }
  if (roots.length === 0) {
    return fail(
      P.targetUnreachable.create(
        { lever, target, year, closest: target + best.f, value: best.v, range: `${lo}–${hi}` },
        { field: 'total' },
      ),
    );
  }
  roots.sort((x, y) => Math.abs(x - v0) - Math.abs(y - v0));
  const v = roots[0]!;
  return ok(answer(lever, v, year, target, f(v)));
}

function answer(lever: Lever, value: number, year: number, total: number, diff: number): TargetAnswer {
  return { lever, value, year, total, achievedTotal: total + diff };
}

/** Bisection on [a, b] with f(a), f(b) of opposite signs, to machine precision. */
function bisect(f: (v: number) => number, a: number, fa: number, b: number): number {
  let x = a;
  let y = b;
  let fx = fa;
  for (let i = 0; i < 200; i++) {
    const m = (x + y) / 2;
    if (m === x || m === y) break;
    const fm = f(m);
    if (fm === 0) return m;
    if (Math.sign(fm) === Math.sign(fx)) {
      x = m;
      fx = fm;
    } else y = m;
  }
  // Return the end nearer the target.
  return Math.abs(fx) <= Math.abs(f(y)) ? x : y;
}
