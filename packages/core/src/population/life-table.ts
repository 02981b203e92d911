/**
 * A model life table for when no official one is at hand: Gompertz mortality
 * μ(x) = α·e^{βx} with β fixed (0.1 per year) and α solved so that life
 * expectancy at birth equals e0. It yields plausible 5-year survival ratios
 * for separating survival from net migration; it is an assumption, not data,
 * and is labelled as such wherever it is used.
 */

export interface ModelLifeTable {
  /** 5Lx by group, radix 1; the last entry is T of the open group. */
  nLx: number[];
  e0: number;
}

const BETA = 0.1;
const STEP = 0.05;
const OMEGA = 130;

function lx(alpha: number, x: number): number {
  return Math.exp((-alpha / BETA) * (Math.exp(BETA * x) - 1));
}

function integrate(alpha: number, from: number, to: number): number {
  // Simpson's rule on a fine grid; lx is smooth.
  const n = Math.max(2, Math.ceil((to - from) / STEP / 2) * 2);
  const h = (to - from) / n;
  let s = lx(alpha, from) + lx(alpha, to);
  for (let i = 1; i < n; i++) s += (i % 2 ? 4 : 2) * lx(alpha, from + i * h);
  return (s * h) / 3;
}

/** Gompertz life table with the given e0 and an open group starting at `openStart`. */
export function gompertzLifeTable(e0: number, openStart = 90): ModelLifeTable {
  const alpha = gompertzAlpha(e0);
  const nLx: number[] = [];
  for (let a = 0; a < openStart; a += 5) nLx.push(integrate(alpha, a, a + 5));
  nLx.push(integrate(alpha, openStart, OMEGA));
  return { nLx, e0: integrate(alpha, 0, OMEGA) };
}

/**
 * Survival ratios in the spec's convention from nLx (last = T of the open
 * group): S(i) = L(i+1)/L(i) for the closed groups; the last closed group
 * entering and the open group staying share the combined ratio T(A)/(L(A-5)+T(A)).
 */
export function survivalRatios(nLx: number[]): number[] {
  const n = nLx.length;
  const out: number[] = [];
  for (let i = 0; i < n - 2; i++) out.push((nLx[i + 1] ?? 0) / (nLx[i] ?? 1));
  const open = (nLx[n - 1] ?? 0) / ((nLx[n - 2] ?? 0) + (nLx[n - 1] ?? 0));
  out.push(open, open);
  return out;
}

/**
 * The mortality multiplier q (on the probability of dying, as in scenarios)
 * that adds `gain` years to life expectancy at birth under the Gompertz model:
 * scaling μ by q scales α by q, so q = α(e0 + gain) / α(e0). An approximation
 * for "longer lives" scenarios when no official life-table projection is at hand.
 */
export function mortalityMultiplierForGain(e0: number, gain: number): number {
  return gompertzAlpha(e0 + gain) / gompertzAlpha(e0);
}

function gompertzAlpha(e0: number): number {
  let lo = 1e-9;
  let hi = 1;
  for (let i = 0; i < 200; i++) {
    const mid = Math.sqrt(lo * hi);
    if (integrate(mid, 0, OMEGA) > e0) lo = mid;
    else hi = mid;
  }
  return Math.sqrt(lo * hi);
}
