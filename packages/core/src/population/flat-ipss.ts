/**
 * A flat, allocation-free form of a city with districts under the ipss method,
 * for the fast paths: all areas' per-period arrays packed into single
 * Float64Arrays, one fused loop per area and step (survival, migration and
 * added migrants with their shocks), districts raked to the city in place.
 * Used by the Monte Carlo and by the deterministic totals-only runs.
 */
import type { CompiledDistrictSet } from './districts';

export interface FlatIpss {
  areas: number;
  periods: number;
  n: number;
  /** Base populations, area-major (areas × 2n). */
  base: Float64Array;
  /** 1 − S, m and added migrants: index ((area · periods) + period) · 2n + cell. */
  deathProb: Float64Array;
  migration: Float64Array;
  added: Float64Array;
  /** The deterministic cohort change ratio (1 − dS) + m, same index. */
  ccr: Float64Array;
  /** CWR and the male share of 0-4, SR/(1+SR), by area · periods + period. */
  cwr: Float64Array;
  maleShare: Float64Array;
}

/** Packs a compiled set whose areas all use the ipss method; undefined otherwise. */
export function flattenIpss(set: CompiledDistrictSet): FlatIpss | undefined {
  const areas = [set.city, ...set.districts];
  if (areas.some((a) => a.method !== 'ipss')) return undefined;
  const A = areas.length;
  const K = set.city.periods.length;
  const n = set.city.n;
  const len = 2 * n;
  const f: FlatIpss = {
    areas: A,
    periods: K,
    n,
    base: new Float64Array(A * len),
    deathProb: new Float64Array(A * K * len),
    ccr: new Float64Array(A * K * len),
    migration: new Float64Array(A * K * len),
    added: new Float64Array(A * K * len),
    cwr: new Float64Array(A * K),
    maleShare: new Float64Array(A * K),
  };
  areas.forEach((a, i) => {
    f.base.set(a.base, i * len);
    a.periods.forEach((p, k) => {
      const o = (i * K + k) * len;
      for (let j = 0; j < len; j++) f.deathProb[o + j] = 1 - p.survival[j]!;
      f.migration.set(p.migrationRate, o);
      for (let j = 0; j < len; j++) f.ccr[o + j] = 1 - f.deathProb[o + j]! + p.migrationRate[j]!;
      f.added.set(p.migrants, o);
      f.cwr[i * K + k] = p.cwr;
      f.maleShare[i * K + k] = p.sexRatio0to4 / (1 + p.sexRatio0to4);
    });
  });
  return f;
}

/**
 * One step of every area with shocks: fertility factor f, mortality factor q,
 * migration multipliers mig[area]. Reads `cur`, writes `next` (areas × 2n),
 * rakes the districts to the city. Returns true when a cell was guarded.
 */
export function stepFlat(
  F: FlatIpss,
  k: number,
  cur: Float64Array,
  next: Float64Array,
  f: number,
  q: number,
  mig: Float64Array,
  migOffset: number,
): boolean {
  const n = F.n;
  const len = 2 * n;
  const K = F.periods;
  const dS = F.deathProb;
  const M = F.migration;
  const AD = F.added;
  let neg = false;
  for (let a = 0; a < F.areas; a++) {
    const km = mig[migOffset + a]!;
    const r = (a * K + k) * len;
    const c = a * len;
    for (let s = 0; s < len; s += n) {
      const o = c + s;
      const ro = r + s;
      for (let i = 0; i < n - 1; i++) {
        let sv = 1 - dS[ro + i]! * q;
        if (sv < 0) sv = 0;
        let v = cur[o + i]! * (sv + M[ro + i]! * km) + AD[ro + i]!;
        if (v < 0) {
          v = 0;
          neg = true;
        }
        next[o + i + 1] = v;
      }
      let sv = 1 - dS[ro + n - 1]! * q;
      if (sv < 0) sv = 0;
      let v = cur[o + n - 1]! * (sv + M[ro + n - 1]! * km) + AD[ro + n - 1]!;
      if (v < 0) {
        v = 0;
        neg = true;
      }
      next[o + n - 1] = next[o + n - 1]! + v;
    }
    let women = 0;
    for (let i = c + n + 3; i < c + n + 10; i++) women += next[i]!;
    const children = f * F.cwr[a * K + k]! * women;
    const ms = F.maleShare[a * K + k]!;
    next[c] = children * ms;
    next[c + n] = children - children * ms;
  }
  if (F.areas > 1) rakeFlat(next, F.areas, len);
  return neg;
}

/** Rakes areas 1..A−1 so that they sum to area 0 in every cell (split by totals where they are all 0). */
export function rakeFlat(x: Float64Array, A: number, len: number): void {
  for (let j = 0; j < len; j++) {
    let s = 0;
    for (let a = 1; a < A; a++) s += x[a * len + j]!;
    const city = x[j]!;
    if (s > 0) {
      const r = city / s;
      if (Number.isFinite(r)) {
        for (let a = 1; a < A; a++) x[a * len + j] = x[a * len + j]! * r;
        continue;
      }
      for (let a = 1; a < A; a++) x[a * len + j] = city * (x[a * len + j]! / s);
    } else if (city > 0) {
      // Rare: split by the districts' totals, as rakeToCity does.
      const totals = new Float64Array(A);
      let all = 0;
      for (let a = 1; a < A; a++) {
        for (let i = a * len; i < (a + 1) * len; i++) totals[a] = totals[a]! + x[i]!;
        all += totals[a]!;
      }
      for (let a = 1; a < A; a++) x[a * len + j] = all > 0 ? (city * totals[a]!) / all : city / (A - 1);
    }
  }
}

/** The deterministic step (no shocks) with the precomputed ratios; same arithmetic as stepFlat at f = q = k = 1. */
export function stepFlatDeterministic(F: FlatIpss, k: number, cur: Float64Array, next: Float64Array): void {
  const n = F.n;
  const len = 2 * n;
  const K = F.periods;
  const C = F.ccr;
  const AD = F.added;
  for (let a = 0; a < F.areas; a++) {
    const r = (a * K + k) * len;
    const c = a * len;
    for (let s = 0; s < len; s += n) {
      const o = c + s;
      const ro = r + s;
      for (let i = 0; i < n - 1; i++) {
        const v = cur[o + i]! * C[ro + i]! + AD[ro + i]!;
        next[o + i + 1] = Math.max(v, 0);
      }
      const v = cur[o + n - 1]! * C[ro + n - 1]! + AD[ro + n - 1]!;
      next[o + n - 1] = next[o + n - 1]! + Math.max(v, 0);
    }
    let women = 0;
    for (let i = c + n + 3; i < c + n + 10; i++) women += next[i]!;
    const children = F.cwr[a * K + k]! * women;
    const ms = F.maleShare[a * K + k]!;
    next[c] = children * ms;
    next[c + n] = children - children * ms;
  }
  if (F.areas > 1) rakeFlat(next, F.areas, len);
}

/** Deterministic run writing only the totals: out[area · (periods+1) + year index]. */
export function totalsFlat(
  F: FlatIpss,
  out: Float64Array,
  cur = new Float64Array(F.base.length),
  next = new Float64Array(F.base.length),
): Float64Array {
  const len = 2 * F.n;
  const Y = F.periods + 1;
  cur.set(F.base);
  if (F.areas > 1) rakeFlat(cur, F.areas, len);
  let a = cur;
  let b = next;
  for (let k = 0; k <= F.periods; k++) {
    if (k > 0) {
      stepFlatDeterministic(F, k - 1, a, b);
      const t = a;
      a = b;
      b = t;
    }
    for (let area = 0; area < F.areas; area++) {
      let s = 0;
      for (let j = area * len; j < (area + 1) * len; j++) s += a[j]!;
      out[area * Y + k] = s;
    }
  }
  return out;
}
