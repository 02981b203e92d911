/**
 * One 5-year step of each method on typed arrays (males 0..n-1, females
 * n..2n-1). Pure arithmetic, no allocation: the deterministic projection,
 * back-casting and Monte Carlo all call these.
 */
import type { CompiledPeriod } from './compiled';

/** Called for each cell that came out negative before it was set to 0. */
export type NegativeSink = (cell: number, value: number) => void;

/**
 * IPSS municipal method: P(x+5,t+5) = P(x,t)·(S + m) (+ added migrants, moved
 * with their cohort); the open group keeps its own survivors; ages 0-4 are the
 * child-woman ratio × women 15-49 at t+5, split by the 0-4 sex ratio.
 */
export function stepIpss(
  pop: Float64Array,
  p: CompiledPeriod,
  n: number,
  out: Float64Array,
  onNegative?: NegativeSink,
): void {
  const S = p.survival;
  const m = p.migrationRate;
  const a = p.migrants;
  for (let s = 0; s < 2; s++) {
    const o = s * n;
    for (let i = 0; i < n - 2; i++) {
      out[o + i + 1] = pop[o + i]! * (S[o + i]! + m[o + i]!) + a[o + i]!;
    }
    out[o + n - 1] =
      pop[o + n - 2]! * (S[o + n - 2]! + m[o + n - 2]!) +
      pop[o + n - 1]! * (S[o + n - 1]! + m[o + n - 1]!) +
      a[o + n - 2]! +
      a[o + n - 1]!;
  }
  guard(out, 1, n, onNegative);
  guard(out, n + 1, 2 * n, onNegative);
  let women = 0;
  for (let i = n + 3; i < n + 10; i++) women += out[i]!;
  const children = p.cwr * women;
  out[0] = (children * p.sexRatio0to4) / (1 + p.sexRatio0to4);
  out[n] = children / (1 + p.sexRatio0to4);
}

/**
 * Cohort-component method (Preston et al. 2001, ch. 6): survival ratios,
 * births B = 5·Σ f(x)·[W(x,t) + W(x,t+5)]/2 split by the sex ratio at birth and
 * survived to 0-4, net migrants half at the start and half at the end ("even")
 * or all at the end ("end").
 */
export function stepCcmpp(
  pop: Float64Array,
  p: CompiledPeriod,
  n: number,
  even: boolean,
  start: Float64Array,
  out: Float64Array,
  onNegative?: NegativeSink,
): void {
  const S = p.survival;
  const N = p.migrants;
  const h = even ? 0.5 : 0;
  for (let i = 0; i < 2 * n; i++) start[i] = pop[i]! + h * N[i]!;
  guard(start, 0, 2 * n, onNegative);
  for (let s = 0; s < 2; s++) {
    const o = s * n;
    for (let i = 0; i < n - 2; i++) out[o + i + 1] = S[o + i]! * start[o + i]! + h * N[o + i + 1]!;
    out[o + n - 1] =
      S[o + n - 2]! * start[o + n - 2]! + S[o + n - 1]! * start[o + n - 1]! + h * N[o + n - 1]!;
  }
  let births = 0;
  for (let i = 1; i < n; i++) births += p.asfr[i]! * (start[n + i]! + out[n + i]!);
  births *= 2.5;
  const girls = births / (1 + p.srb);
  out[0] = (births - girls) * p.birthSurvivalMale + h * N[0]!;
  out[n] = girls * p.birthSurvivalFemale + h * N[n]!;
  if (!even) for (let i = 0; i < 2 * n; i++) out[i] = out[i]! + N[i]!;
  guard(out, 0, 2 * n, onNegative);
}

function guard(a: Float64Array, from: number, to: number, onNegative?: NegativeSink): void {
  for (let i = from; i < to; i++) {
    const v = a[i]!;
    if (v < 0) {
      onNegative?.(i, v);
      a[i] = 0;
    }
  }
}
