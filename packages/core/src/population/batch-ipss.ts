/**
 * The Monte Carlo fast path for the ipss method: a batch of trajectories is
 * advanced together with the trajectory as the innermost index (the layout an
 * analyst's vectorised R code has), so each cell's rates are loaded once per
 * batch and the inner loops are tight. Per trajectory the arithmetic is the
 * same, in the same order, as stepFlat's.
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
  sum: Float64Array;
  neg: Uint8Array;
  tot: Float64Array;
  /** Σ over districts of each cell (len × B), accumulated while stepping; `scratch` takes the city's. */
  acc: Float64Array;
  scratch: Float64Array;
}

export function batchBuffers(F: FlatIpss, B: number): BatchBuffers {
  const size = F.areas * 2 * F.n * B;
  return {
    B,
    cur: new Float64Array(size),
    next: new Float64Array(size),
    sum: new Float64Array(B),
    neg: new Uint8Array(B),
    tot: new Float64Array(F.areas * B),
    acc: new Float64Array(2 * F.n * B),
    scratch: new Float64Array(2 * F.n * B),
  };
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
  const { B } = buf;
  const n = F.n;
  const len = 2 * n;
  const A = F.areas;
  const K = F.periods;
  const Y = K + 1;
  let cur = buf.cur;
  let next = buf.next;
  const sum = buf.sum;
  const neg = buf.neg;
  const mortAll = s.mort;
  const migAll = s.mig;
  const fertAll = s.fert;
  const deathProb = F.deathProb;
  const migration = F.migration;
  const added = F.added;
  neg.fill(0);
  for (let a = 0; a < A; a++) {
    for (let j = 0; j < len; j++)
      cur.fill(F.base[a * len + j]!, (a * len + j) * B, (a * len + j) * B + count);
  }
  rakeAndTotal(cur, A, len, B, count, sum, buf.tot);
  writeTotals(buf.tot, A, B, count, 0, Y, T, t0, out);
  for (let k = 0; k < K; k++) {
    const fo = k * B;
    const q = mortAll.subarray(fo, fo + B);
    buf.acc.fill(0);
    for (let a = 0; a < A; a++) {
      const acc = a > 0 ? buf.acc : buf.scratch;
      const r = (a * K + k) * len;
      const mo = (k * A + a) * B;
      const km = migAll.subarray(mo, mo + B);
      for (let sx = 0; sx < len; sx += n) {
        const base = (a * len + sx) * B;
        for (let i = 0; i < n - 1; i++) {
          const dS = deathProb[r + sx + i]!;
          const m = migration[r + sx + i]!;
          const ad = added[r + sx + i]!;
          const src = base + i * B;
          const dst = src + B;
          const accDst = (sx + i + 1) * B;
          const last = i === n - 2;
          for (let b = 0; b < count; b++) {
            let sv = 1 - dS * q[b]!;
            if (sv < 0) sv = 0;
            let v = cur[src + b]! * (sv + m * km[b]!) + ad;
            if (v < 0) {
              v = 0;
              neg[b] = 1;
            }
            next[dst + b] = v;
            if (!last) acc[accDst + b] = acc[accDst + b]! + v;
          }
          if (last) {
            // The open group: its own survivors join the entrants just written.
            const dS2 = deathProb[r + sx + n - 1]!;
            const m2 = migration[r + sx + n - 1]!;
            const ad2 = added[r + sx + n - 1]!;
            for (let b = 0; b < count; b++) {
              let sv = 1 - dS2 * q[b]!;
              if (sv < 0) sv = 0;
              let v = cur[dst + b]! * (sv + m2 * km[b]!) + ad2;
              if (v < 0) {
                v = 0;
                neg[b] = 1;
              }
              const open = next[dst + b]! + v;
              next[dst + b] = open;
              acc[accDst + b] = acc[accDst + b]! + open;
            }
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
        const children = fertAll[fo + b]! * cwr * women;
        const boy = children * ms;
        const girl = children - children * ms;
        next[boys + b] = boy;
        next[girls + b] = girl;
        acc[b] = acc[b]! + boy;
        acc[n * B + b] = acc[n * B + b]! + girl;
      }
    }
    rakeAndTotal(next, A, len, B, count, sum, buf.tot, buf.acc);
    writeTotals(buf.tot, A, B, count, k + 1, Y, T, t0, out);
    const tmp = cur;
    cur = next;
    next = tmp;
  }
  let guarded = 0;
  for (let b = 0; b < count; b++) guarded += neg[b]!;
  return guarded;
}

/**
 * Rakes the districts to the city cell by cell and accumulates every area's
 * total into tot[area · B + b] on the way (the city's by a plain sum; the
 * districts' while they are multiplied), so no separate pass is needed.
 */
function rakeAndTotal(
  x: Float64Array,
  A: number,
  len: number,
  B: number,
  count: number,
  sum: Float64Array,
  tot: Float64Array,
  acc?: Float64Array,
): void {
  tot.fill(0);
  for (let j = 0; j < len; j++) {
    const c = j * B;
    for (let b = 0; b < count; b++) tot[b] = tot[b]! + x[c + b]!;
  }
  if (A === 1) return;
  let rareCells = false;
  for (let j = 0; j < len; j++) {
    if (acc) sum.set(acc.subarray(j * B, j * B + count));
    else {
      sum.fill(0, 0, count);
      for (let a = 1; a < A; a++) {
        const o = (a * len + j) * B;
        for (let b = 0; b < count; b++) sum[b] = sum[b]! + x[o + b]!;
      }
    }
    // sum becomes the ratio city / Σ districts; rare cells (no district people, or an overflow) are fixed afterwards.
    const c = j * B;
    let rare = false;
    for (let b = 0; b < count; b++) {
      const r = x[c + b]! / sum[b]!;
      if (sum[b]! > 0 && Number.isFinite(r)) sum[b] = r;
      else {
        sum[b] = Number.NaN;
        rare = true;
      }
    }
    for (let a = 1; a < A; a++) {
      const o = (a * len + j) * B;
      const to = a * B;
      for (let b = 0; b < count; b++) {
        const v = x[o + b]! * sum[b]!;
        x[o + b] = v;
        tot[to + b] = tot[to + b]! + v;
      }
    }
    if (rare) {
      rareCells = true;
      for (let b = 0; b < count; b++) if (Number.isNaN(sum[b]!)) rakeOne(x, A, len, B, j, b);
    }
  }
  if (rareCells) {
    // Recount the districts' totals where a cell took the slow path (rare).
    for (let a = 1; a < A; a++) {
      for (let b = 0; b < count; b++) {
        let t = 0;
        for (let j = 0; j < len; j++) t += x[(a * len + j) * B + b]!;
        tot[a * B + b] = t;
      }
    }
  }
}

/** The slow path of one cell of one trajectory, as rakeFlat does it. */
function rakeOne(x: Float64Array, A: number, len: number, B: number, j: number, b: number): void {
  const city = x[j * B + b]!;
  // The multiplication by NaN above spoilt the cell: recompute it from the other cells' totals.
  let all = 0;
  const totals: number[] = [];
  for (let a = 1; a < A; a++) {
    let t = 0;
    for (let i = 0; i < len; i++) if (i !== j) t += x[(a * len + i) * B + b]!;
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
