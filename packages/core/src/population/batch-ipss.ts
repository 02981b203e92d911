/**
 * The Monte Carlo fast path for the ipss method: eight trajectories advanced
 * together over the flat form (LANES), each lane's shocks in locals, the
 * lanes interleaved in one working array so that a cell's rates are loaded
 * once for eight trajectories and the eight dependency chains overlap. The
 * working state (2 × areas × 2n × 8 doubles, 53 KB for 11 areas) stays in L1/L2.
 * Raking is fused into the next step: district cells are kept unraked with a
 * ratio per cell and lane (city / Σ districts); the raked value cur·ratio is
 * formed when it is read (and summed into that year's district total), and
 * the district sums for the next ratios are taken in the ratio pass. Per
 * trajectory the arithmetic is the one-trajectory kernel's, in the same
 * order, so the totals do not depend on how trajectories are grouped.
 */
import type { FlatIpss } from './flat-ipss';

/** Trajectories advanced together by runLanes. */
export const LANES = 8;
const L = LANES;

/** Shocks of one group of LANES trajectories. */
export interface LaneShocks {
  /** Fertility and mortality factors by period · LANES + lane. */
  fert: Float64Array;
  mort: Float64Array;
  /** Migration multipliers by (period · areas + area) · LANES + lane. */
  mig: Float64Array;
}

export interface LaneBuffers {
  /** 1 − S, m and added migrants interleaved: index 3 · (((area · periods) + period) · 2n + cell) + 0, 1, 2. */
  rates: Float64Array;
  /**
   * The working state in one array, lane innermost: two states of areas × 2n
   * cells + 1 padding cell (now and next, swapped by offset), then 2n cells of
   * ones (the city's ratio), then the ratio city / Σ districts per cell.
   */
  w: Float64Array;
}

export function laneBuffers(F: FlatIpss): LaneBuffers {
  const len = 2 * F.n;
  const cells = F.areas * F.periods * len;
  const rates = new Float64Array(3 * cells);
  for (let i = 0; i < cells; i++) {
    rates[3 * i] = F.deathProb[i]!;
    rates[3 * i + 1] = F.migration[i]!;
    rates[3 * i + 2] = F.added[i]!;
  }
  const w = new Float64Array(2 * (F.areas * len + 1) * L + 2 * len * L);
  w.fill(1, 2 * (F.areas * len + 1) * L, 2 * (F.areas * len + 1) * L + len * L);
  return { rates, w };
}

export function laneShocks(F: FlatIpss): LaneShocks {
  return {
    fert: new Float64Array(F.periods * L),
    mort: new Float64Array(F.periods * L),
    mig: new Float64Array(F.periods * F.areas * L),
  };
}

/** x·((1 − dS·q) + m·km) + ad with the survival kept ≥ 0 (the caller guards the result). */
function cell(x: number, dS: number, m: number, ad: number, q: number, km: number): number {
  let sv = 1 - dS * q;
  if (sv < 0) sv = 0;
  return x * (sv + m * km) + ad;
}

/**
 * Runs `count` ≤ LANES trajectories t0, t0 + 1, … from the base year (lanes
 * past `count` are computed on whatever shocks they hold and not written);
 * writes their totals to out[(area · years + year) · T + t0 + lane]. Returns
 * how many of them had a cell guarded from going negative.
 */
export function runLanes(
  F: FlatIpss,
  sh: LaneShocks,
  buf: LaneBuffers,
  count: number,
  t0: number,
  T: number,
  out: Float64Array,
): number {
  const { rates: R, w } = buf;
  const n = F.n;
  const len = 2 * n;
  const A = F.areas;
  const K = F.periods;
  const Y = K + 1;
  // Each state has one padding cell after its last area (see the open groups below).
  const size = (A * len + 1) * L;
  const ONES = 2 * size;
  const RA = ONES + len * L;
  let cur = 0;
  let next = size;
  let g0 = 0;
  let g1 = 0;
  let g2 = 0;
  let g3 = 0;
  let g4 = 0;
  let g5 = 0;
  let g6 = 0;
  let g7 = 0;
  for (let i = 0; i < A * len; i++) {
    const v = F.base[i]!;
    w[L * i] = v;
    w[L * i + 1] = v;
    w[L * i + 2] = v;
    w[L * i + 3] = v;
    w[L * i + 4] = v;
    w[L * i + 5] = v;
    w[L * i + 6] = v;
    w[L * i + 7] = v;
  }
  if (A > 1) makeRatios(w, cur, A, len, RA);
  for (let k = 0; k < K; k++) {
    const q0 = sh.mort[k * L]!;
    const q1 = sh.mort[k * L + 1]!;
    const q2 = sh.mort[k * L + 2]!;
    const q3 = sh.mort[k * L + 3]!;
    const q4 = sh.mort[k * L + 4]!;
    const q5 = sh.mort[k * L + 5]!;
    const q6 = sh.mort[k * L + 6]!;
    const q7 = sh.mort[k * L + 7]!;
    for (let a = 0; a < A; a++) {
      const mo = (k * A + a) * L;
      const k0 = sh.mig[mo]!;
      const k1 = sh.mig[mo + 1]!;
      const k2 = sh.mig[mo + 2]!;
      const k3 = sh.mig[mo + 3]!;
      const k4 = sh.mig[mo + 4]!;
      const k5 = sh.mig[mo + 5]!;
      const k6 = sh.mig[mo + 6]!;
      const k7 = sh.mig[mo + 7]!;
      const r = 3 * (a * K + k) * len;
      const c = cur + a * len * L;
      const d = next + a * len * L;
      // District cells are read raked (× ratio); the city's "ratio" is a block of ones.
      const ra = a > 0 ? RA : ONES;
      let s0 = 0;
      let s1 = 0;
      let s2 = 0;
      let s3 = 0;
      let s4 = 0;
      let s5 = 0;
      let s6 = 0;
      let s7 = 0;
      // Every cell goes into the next age group: a sex's open group into the cell after it (the
      // females' 0-4, or the next area's or the padding cell), added to the open group below.
      for (let j = 0; j < len; j++) {
        const e = r + 3 * j;
        const dS = R[e]!;
        const m = R[e + 1]!;
        const ad = R[e + 2]!;
        const src = c + j * L;
        const rj = ra + j * L;
        const x0 = w[src]! * w[rj]!;
        const x1 = w[src + 1]! * w[rj + 1]!;
        const x2 = w[src + 2]! * w[rj + 2]!;
        const x3 = w[src + 3]! * w[rj + 3]!;
        const x4 = w[src + 4]! * w[rj + 4]!;
        const x5 = w[src + 5]! * w[rj + 5]!;
        const x6 = w[src + 6]! * w[rj + 6]!;
        const x7 = w[src + 7]! * w[rj + 7]!;
        s0 += x0;
        s1 += x1;
        s2 += x2;
        s3 += x3;
        s4 += x4;
        s5 += x5;
        s6 += x6;
        s7 += x7;
        let v0 = cell(x0, dS, m, ad, q0, k0);
        let v1 = cell(x1, dS, m, ad, q1, k1);
        let v2 = cell(x2, dS, m, ad, q2, k2);
        let v3 = cell(x3, dS, m, ad, q3, k3);
        let v4 = cell(x4, dS, m, ad, q4, k4);
        let v5 = cell(x5, dS, m, ad, q5, k5);
        let v6 = cell(x6, dS, m, ad, q6, k6);
        let v7 = cell(x7, dS, m, ad, q7, k7);
        if (v0 < 0) {
          v0 = 0;
          g0 = 1;
        }
        if (v1 < 0) {
          v1 = 0;
          g1 = 1;
        }
        if (v2 < 0) {
          v2 = 0;
          g2 = 1;
        }
        if (v3 < 0) {
          v3 = 0;
          g3 = 1;
        }
        if (v4 < 0) {
          v4 = 0;
          g4 = 1;
        }
        if (v5 < 0) {
          v5 = 0;
          g5 = 1;
        }
        if (v6 < 0) {
          v6 = 0;
          g6 = 1;
        }
        if (v7 < 0) {
          v7 = 0;
          g7 = 1;
        }
        const dst = d + (j + 1) * L;
        w[dst] = v0;
        w[dst + 1] = v1;
        w[dst + 2] = v2;
        w[dst + 3] = v3;
        w[dst + 4] = v4;
        w[dst + 5] = v5;
        w[dst + 6] = v6;
        w[dst + 7] = v7;
      }
      // The open groups: entrants + stayers.
      for (let b = 0; b < L; b++) {
        w[d + (n - 1) * L + b] = w[d + (n - 1) * L + b]! + w[d + n * L + b]!;
        w[d + (len - 1) * L + b] = w[d + (len - 1) * L + b]! + w[d + len * L + b]!;
      }
      births(F, sh, w, d, k, n, a);
      writeLanes(out, (a * Y + k) * T + t0, count, s0, s1, s2, s3, s4, s5, s6, s7);
    }
    if (A > 1) makeRatios(w, next, A, len, RA);
    const tmp = cur;
    cur = next;
    next = tmp;
  }
  // Totals of the last year.
  for (let a = 0; a < A; a++) {
    const c = cur + a * len * L;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    let s5 = 0;
    let s6 = 0;
    let s7 = 0;
    const ra = a > 0 ? RA : ONES;
    for (let j = 0; j < len; j++) {
      const o = c + j * L;
      const rj = ra + j * L;
      s0 += w[o]! * w[rj]!;
      s1 += w[o + 1]! * w[rj + 1]!;
      s2 += w[o + 2]! * w[rj + 2]!;
      s3 += w[o + 3]! * w[rj + 3]!;
      s4 += w[o + 4]! * w[rj + 4]!;
      s5 += w[o + 5]! * w[rj + 5]!;
      s6 += w[o + 6]! * w[rj + 6]!;
      s7 += w[o + 7]! * w[rj + 7]!;
    }
    writeLanes(out, (a * Y + K) * T + t0, count, s0, s1, s2, s3, s4, s5, s6, s7);
  }
  const gs = [g0, g1, g2, g3, g4, g5, g6, g7];
  let guarded = 0;
  for (let b = 0; b < count; b++) guarded += gs[b]!;
  return guarded;
}

function writeLanes(
  out: Float64Array,
  o: number,
  count: number,
  s0: number,
  s1: number,
  s2: number,
  s3: number,
  s4: number,
  s5: number,
  s6: number,
  s7: number,
) {
  out[o] = s0;
  if (count > 1) out[o + 1] = s1;
  if (count > 2) out[o + 2] = s2;
  if (count > 3) out[o + 3] = s3;
  if (count > 4) out[o + 4] = s4;
  if (count > 5) out[o + 5] = s5;
  if (count > 6) out[o + 6] = s6;
  if (count > 7) out[o + 7] = s7;
}

/** Ages 0-4 of area a at t+5 (its state at offset d): f · CWR × women 15-49 at t+5, split by the 0-4 sex ratio. */
function births(
  F: FlatIpss,
  sh: LaneShocks,
  w: Float64Array,
  d: number,
  k: number,
  n: number,
  a: number,
): void {
  const K = F.periods;
  const cwr = F.cwr[a * K + k]!;
  const ms = F.maleShare[a * K + k]!;
  for (let b = 0; b < L; b++) {
    let women = 0;
    for (let i = n + 3; i < n + 10; i++) women += w[d + i * L + b]!;
    const children = sh.fert[k * L + b]! * cwr * women;
    w[d + b] = children * ms;
    w[d + n * L + b] = children - children * ms;
  }
}

/**
 * ratio = city / Σ districts per cell and lane (districts summed in order).
 * Rare cells (no district people while the city has some, or an overflow)
 * are raked at once the slow way and get ratio 1, so that reading cur·ratio
 * stays right.
 */
function makeRatios(w: Float64Array, p: number, A: number, len: number, RA: number): void {
  const stride = len * L;
  // One cell × eight lanes per pass: eight independent sums, so the adds overlap.
  for (let j = 0; j < len * L; j += 8) {
    const o = p + stride + j;
    let s0 = w[o]!;
    let s1 = w[o + 1]!;
    let s2 = w[o + 2]!;
    let s3 = w[o + 3]!;
    let s4 = w[o + 4]!;
    let s5 = w[o + 5]!;
    let s6 = w[o + 6]!;
    let s7 = w[o + 7]!;
    for (let a = 2; a < A; a++) {
      const oa = p + a * stride + j;
      s0 += w[oa]!;
      s1 += w[oa + 1]!;
      s2 += w[oa + 2]!;
      s3 += w[oa + 3]!;
      s4 += w[oa + 4]!;
      s5 += w[oa + 5]!;
      s6 += w[oa + 6]!;
      s7 += w[oa + 7]!;
    }
    ratio(w, p, A, len, RA, j, s0);
    ratio(w, p, A, len, RA, j + 1, s1);
    ratio(w, p, A, len, RA, j + 2, s2);
    ratio(w, p, A, len, RA, j + 3, s3);
    ratio(w, p, A, len, RA, j + 4, s4);
    ratio(w, p, A, len, RA, j + 5, s5);
    ratio(w, p, A, len, RA, j + 6, s6);
    ratio(w, p, A, len, RA, j + 7, s7);
  }
}

function ratio(w: Float64Array, p: number, A: number, len: number, RA: number, j: number, s: number): void {
  const r = w[p + j]! / s;
  if (s > 0 && Number.isFinite(r)) w[RA + j] = r;
  else {
    w[RA + j] = 1;
    rakeOne(w, p, A, len, Math.floor(j / L), j % L, s);
  }
}

/** The slow path for one cell of one lane, as rakeFlat does it. */
function rakeOne(w: Float64Array, p: number, A: number, len: number, j: number, b: number, s: number): void {
  const at = (a: number, i: number) => p + (a * len + i) * L + b;
  const city = w[at(0, j)]!;
  if (s > 0) {
    for (let a = 1; a < A; a++) w[at(a, j)] = city * (w[at(a, j)]! / s);
    return;
  }
  if (!(city > 0)) return;
  // Split by the districts' totals (unraked cells of this year; close enough for a case that should not occur).
  let all = 0;
  const totals: number[] = [];
  for (let a = 1; a < A; a++) {
    let t = 0;
    for (let i = 0; i < len; i++) t += w[at(a, i)]!;
    totals.push(t);
    all += t;
  }
  for (let a = 1; a < A; a++) w[at(a, j)] = all > 0 ? (city * totals[a - 1]!) / all : city / (A - 1);
}
