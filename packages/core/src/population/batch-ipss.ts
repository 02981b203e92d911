/**
 * The Monte Carlo fast path for the ipss method: a batch of trajectories is
 * advanced together with the trajectory as the innermost index (the layout an
 * analyst's vectorised R code has), so each cell's rates are loaded once per
 * batch and the inner loops are tight. Raking is fused into the next step:
 * district cells are kept unraked with a ratio per cell and trajectory, the
 * raked value cur·ratio is formed when it is read (and summed into that
 * year's district totals), and the district sums for the next ratios are
 * accumulated while stepping. Per trajectory the arithmetic is the same, in
 * the same order, as the one-trajectory kernel's.
 */
import type { FlatIpss } from './flat-ipss';

export interface BatchShocks {
  /** Fertility and mortality factors by period · B + trajectory. */
  fert: Float64Array;
  mort: Float64Array;
  /** Migration multipliers by (period · areas + area) · B + trajectory. */
  mig: Float64Array;
}

export interface BatchBuffers {
  B: number;
  cur: Float64Array;
  next: Float64Array;
  /** city / Σ districts per cell and trajectory (len × B). */
  ratio: Float64Array;
  /** Σ districts per cell and trajectory, accumulated while stepping (len × B). */
  acc: Float64Array;
  neg: Uint8Array;
  tot: Float64Array;
}

export function batchBuffers(F: FlatIpss, B: number): BatchBuffers {
  const size = F.areas * 2 * F.n * B;
  return {
    B,
    cur: new Float64Array(size),
    next: new Float64Array(size),
    ratio: new Float64Array(2 * F.n * B),
    acc: new Float64Array(2 * F.n * B),
    neg: new Uint8Array(B),
    tot: new Float64Array(F.areas * B),
  };
}

interface Ctx {
  B: number;
  count: number;
  q: Float64Array;
  km: Float64Array;
  neg: Uint8Array;
}

/**
 * Runs `count` ≤ B trajectories from the base year; writes their totals to
 * out[(area · years + year) · T + t0 + b]; returns how many had a guarded cell.
 */
export function runBatch(
  F: FlatIpss,
  s: BatchShocks,
  buf: BatchBuffers,
  count: number,
  t0: number,
  T: number,
  out: Float64Array,
): number {
  const { B, ratio, acc, neg, tot } = buf;
  const n = F.n;
  const len = 2 * n;
  const A = F.areas;
  const K = F.periods;
  const Y = K + 1;
  let cur = buf.cur;
  let next = buf.next;
  neg.fill(0);
  for (let a = 0; a < A; a++) {
    for (let j = 0; j < len; j++)
      cur.fill(F.base[a * len + j]!, (a * len + j) * B, (a * len + j) * B + count);
  }
  if (A > 1) {
    acc.fill(0);
    for (let a = 1; a < A; a++) {
      for (let j = 0; j < len; j++) {
        const o = (a * len + j) * B;
        for (let b = 0; b < count; b++) acc[j * B + b] = acc[j * B + b]! + cur[o + b]!;
      }
    }
    makeRatios(cur, A, len, B, count, acc, ratio);
  }
  const ctx: Ctx = { B, count, q: s.mort, km: s.mig, neg };
  for (let k = 0; k < K; k++) {
    const fo = k * B;
    ctx.q = s.mort.subarray(fo, fo + B);
    let qMax = 0;
    for (let b = 0; b < count; b++) if (ctx.q[b]! > qMax) qMax = ctx.q[b]!;
    tot.fill(0);
    acc.fill(0);
    for (let a = 0; a < A; a++) {
      const district = a > 0;
      const r = (a * K + k) * len;
      const mo = (k * A + a) * B;
      ctx.km = s.mig.subarray(mo, mo + B);
      let kmMin = Number.POSITIVE_INFINITY;
      let kmMax = Number.NEGATIVE_INFINITY;
      for (let b = 0; b < count; b++) {
        if (ctx.km[b]! < kmMin) kmMin = ctx.km[b]!;
        if (ctx.km[b]! > kmMax) kmMax = ctx.km[b]!;
      }
      const to = a * B;
      for (let sx = 0; sx < len; sx += n) {
        const base = (a * len + sx) * B;
        for (let i = 0; i < n - 1; i++) {
          const cell = r + sx + i;
          const src = base + i * B;
          const safe = isSafe(F.deathProb[cell]!, F.migration[cell]!, F.added[cell]!, qMax, kmMin, kmMax);
          const last = i === n - 2;
          // Entrants of the open group go into next without being summed yet; the stayers' call adds and sums.
          step(
            ctx,
            cur,
            next,
            src,
            src + B,
            F.deathProb[cell]!,
            F.migration[cell]!,
            F.added[cell]!,
            safe,
            false,
            district ? ratio : undefined,
            (sx + i) * B,
            district ? tot : undefined,
            to,
            district && !last ? acc : undefined,
            (sx + i + 1) * B,
          );
          if (last) {
            const open = r + sx + n - 1;
            step(
              ctx,
              cur,
              next,
              src + B,
              src + B,
              F.deathProb[open]!,
              F.migration[open]!,
              F.added[open]!,
              isSafe(F.deathProb[open]!, F.migration[open]!, F.added[open]!, qMax, kmMin, kmMax),
              true,
              district ? ratio : undefined,
              (sx + n - 1) * B,
              district ? tot : undefined,
              to,
              district ? acc : undefined,
              (sx + n - 1) * B,
            );
          }
        }
      }
      const cwr = F.cwr[a * K + k]!;
      const ms = F.maleShare[a * K + k]!;
      const w0 = (a * len + n + 3) * B;
      const boys = a * len * B;
      const girls = (a * len + n) * B;
      for (let b = 0; b < count; b++) {
        let women = 0;
        for (let i = 0; i < 7; i++) women += next[w0 + i * B + b]!;
        const children = s.fert[fo + b]! * cwr * women;
        const boy = children * ms;
        const girl = children - children * ms;
        next[boys + b] = boy;
        next[girls + b] = girl;
        if (district) {
          acc[b] = acc[b]! + boy;
          acc[n * B + b] = acc[n * B + b]! + girl;
        }
      }
    }
    // Totals of year k: the city's by a plain sum of its cells, the districts' were summed while read.
    cityTotal(cur, len, B, count, tot);
    writeTotals(tot, A, B, count, k, Y, T, t0, out);
    if (A > 1) makeRatios(next, A, len, B, count, acc, ratio);
    const tmp = cur;
    cur = next;
    next = tmp;
  }
  // Totals of the last year.
  tot.fill(0);
  cityTotal(cur, len, B, count, tot);
  for (let a = 1; a < A; a++) {
    for (let j = 0; j < len; j++) {
      const o = (a * len + j) * B;
      for (let b = 0; b < count; b++) tot[a * B + b] = tot[a * B + b]! + cur[o + b]! * ratio[j * B + b]!;
    }
  }
  writeTotals(tot, A, B, count, K, Y, T, t0, out);
  let guarded = 0;
  for (let b = 0; b < count; b++) guarded += neg[b]!;
  return guarded;
}

/** True when no trajectory of the batch can make this cell negative or its survival below 0 (no guards needed). */
function isSafe(dS: number, m: number, ad: number, qMax: number, kmMin: number, kmMax: number): boolean {
  const sv = 1 - dS * qMax;
  return ad >= 0 && sv >= 0 && sv + Math.min(m * kmMin, m * kmMax) >= 0;
}

/**
 * For the batch: x = cur[src + b] (× ratio for a district, the raked value,
 * summed into tot); v = x·((1 − dS·q_b) + m·km_b) + ad; next[dst + b] = v (or
 * += v when `add`); the cell's final value summed into acc when given. The
 * guarded loop clamps survival and the result at 0 and flags the trajectory.
 */
function step(
  c: Ctx,
  cur: Float64Array,
  next: Float64Array,
  src: number,
  dst: number,
  dS: number,
  m: number,
  ad: number,
  safe: boolean,
  add: boolean,
  ratio: Float64Array | undefined,
  rOff: number,
  tot: Float64Array | undefined,
  tOff: number,
  acc: Float64Array | undefined,
  aOff: number,
): void {
  const { count, q, km } = c;
  if (safe && !add) {
    if (ratio && tot && acc) {
      for (let b = 0; b < count; b++) {
        const x = cur[src + b]! * ratio[rOff + b]!;
        tot[tOff + b] = tot[tOff + b]! + x;
        const v = x * (1 - dS * q[b]! + m * km[b]!) + ad;
        next[dst + b] = v;
        acc[aOff + b] = acc[aOff + b]! + v;
      }
      return;
    }
    if (!ratio) {
      for (let b = 0; b < count; b++) next[dst + b] = cur[src + b]! * (1 - dS * q[b]! + m * km[b]!) + ad;
      return;
    }
  }
  for (let b = 0; b < count; b++) {
    let x = cur[src + b]!;
    if (ratio) x *= ratio[rOff + b]!;
    if (tot) tot[tOff + b] = tot[tOff + b]! + x;
    let sv = 1 - dS * q[b]!;
    if (sv < 0) sv = 0;
    let v = x * (sv + m * km[b]!) + ad;
    if (v < 0) {
      v = 0;
      c.neg[b] = 1;
    }
    const value = add ? next[dst + b]! + v : v;
    next[dst + b] = value;
    if (acc) acc[aOff + b] = acc[aOff + b]! + value;
  }
}

function cityTotal(x: Float64Array, len: number, B: number, count: number, tot: Float64Array): void {
  for (let b = 0; b < count; b++) tot[b] = 0;
  for (let j = 0; j < len; j++) {
    const c = j * B;
    for (let b = 0; b < count; b++) tot[b] = tot[b]! + x[c + b]!;
  }
}

/**
 * ratio = city / Σ districts per cell and trajectory. Rare cells (no district
 * people while the city has some, or an overflow) are raked at once the slow
 * way and get ratio 1, so that reading cur·ratio stays right.
 */
function makeRatios(
  x: Float64Array,
  A: number,
  len: number,
  B: number,
  count: number,
  acc: Float64Array,
  ratio: Float64Array,
): void {
  for (let j = 0; j < len; j++) {
    const c = j * B;
    for (let b = 0; b < count; b++) {
      const s = acc[c + b]!;
      const r = x[c + b]! / s;
      if (s > 0 && Number.isFinite(r)) ratio[c + b] = r;
      else {
        ratio[c + b] = 1;
        rakeOne(x, A, len, B, j, b, s);
      }
    }
  }
}

/** The slow path for one cell of one trajectory, as rakeFlat does it. */
function rakeOne(x: Float64Array, A: number, len: number, B: number, j: number, b: number, s: number): void {
  const city = x[j * B + b]!;
  if (s > 0) {
    for (let a = 1; a < A; a++) x[(a * len + j) * B + b] = city * (x[(a * len + j) * B + b]! / s);
    return;
  }
  if (!(city > 0)) return;
  // Split by the districts' totals (unraked cells of this year; close enough for a case that should not occur).
  let all = 0;
  const totals: number[] = [];
  for (let a = 1; a < A; a++) {
    let t = 0;
    for (let i = 0; i < len; i++) t += x[(a * len + i) * B + b]!;
    totals.push(t);
    all += t;
  }
  for (let a = 1; a < A; a++)
    x[(a * len + j) * B + b] = all > 0 ? (city * totals[a - 1]!) / all : city / (A - 1);
}

function writeTotals(
  tot: Float64Array,
  A: number,
  B: number,
  count: number,
  k: number,
  Y: number,
  T: number,
  t0: number,
  out: Float64Array,
): void {
  for (let a = 0; a < A; a++) {
    const o = (a * Y + k) * T + t0;
    for (let b = 0; b < count; b++) out[o + b] = tot[a * B + b]!;
  }
}
