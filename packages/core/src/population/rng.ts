/**
 * A small seeded PRNG: xoshiro128** (Blackman & Vigna) seeded through
 * splitmix32, with uniform and standard normal draws (Marsaglia's polar
 * method). Each Monte Carlo trajectory gets its own stream from
 * (seed, trajectory), so results do not depend on how work is split.
 */

function splitmix32(state: number): [number, number] {
  const s = (state + 0x9e3779b9) | 0;
  let z = s;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [s, (z ^ (z >>> 16)) >>> 0];
}

export class Xoshiro128 {
  private a = 0;
  private b = 0;
  private c = 0;
  private d = 0;
  private spare = Number.NaN;

  constructor(seed: number, stream = 0) {
    this.reseed(seed, stream);
  }

  /** Restarts the generator on the stream (seed, stream). */
  reseed(seed: number, stream = 0): void {
    let s = (seed ^ Math.imul(stream + 1, 0x27d4eb2d)) | 0;
    [s, this.a] = splitmix32(s);
    [s, this.b] = splitmix32(s);
    [s, this.c] = splitmix32(s);
    [s, this.d] = splitmix32(s);
    if ((this.a | this.b | this.c | this.d) === 0) this.a = 1;
    this.spare = Number.NaN;
  }

  /** Next 32-bit unsigned integer. */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.b, 5), 7), 9) >>> 0;
    const t = this.b << 9;
    this.c ^= this.a;
    this.d ^= this.b;
    this.b ^= this.c;
    this.a ^= this.d;
    this.c ^= t;
    this.d = rotl(this.d, 11);
    return result;
  }

  /** Uniform on [0, 1). */
  uniform(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Standard normal. */
  normal(): number {
    if (!Number.isNaN(this.spare)) {
      const v = this.spare;
      this.spare = Number.NaN;
      return v;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * this.uniform() - 1;
      v = 2 * this.uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    this.spare = v * f;
    return u * f;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/**
 * The p-quantile of the values (R's default, type 7: linear between order
 * statistics at h = (N−1)p). Reorders `values` in place (quickselect).
 */
export function quantileInPlace(values: Float64Array, p: number): number {
  const n = values.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const lo = Math.floor(h);
  const a = select(values, lo, 0, n - 1);
  if (lo + 1 >= n || h === lo) return a;
  // The next order statistic is the minimum of the part right of lo.
  let b = Number.POSITIVE_INFINITY;
  for (let i = lo + 1; i < n; i++) if (values[i]! < b) b = values[i]!;
  return a + (h - lo) * (b - a);
}

/**
 * Several type-7 quantiles at once (probabilities in any order), into out.
 * Each order statistic needed is selected within the part left by the
 * previous selections, so five quantiles cost little more than one.
 * Reorders `values` in place.
 */
export function quantilesInPlace(
  values: Float64Array,
  probs: readonly number[],
  out: Float64Array,
  outOffset = 0,
): void {
  const n = values.length;
  if (n === 0) {
    for (let i = 0; i < probs.length; i++) out[outOffset + i] = Number.NaN;
    return;
  }
  const ranks = new Set<number>();
  for (const p of probs) {
    const lo = Math.floor((n - 1) * p);
    ranks.add(lo);
    if (lo + 1 < n) ranks.add(lo + 1);
  }
  selectMany(
    values,
    [...ranks].sort((a, b) => a - b),
    0,
    n - 1,
  );
  probs.forEach((p, i) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = values[lo]!;
    out[outOffset + i] = lo + 1 >= n || h === lo ? a : a + (h - lo) * (values[lo + 1]! - a);
  });
}

function selectMany(x: Float64Array, ranks: number[], left: number, right: number): void {
  if (ranks.length === 0 || left > right) return;
  const mid = ranks.length >> 1;
  const k = ranks[mid]!;
  select(x, k, left, right);
  selectMany(x, ranks.slice(0, mid), left, k - 1);
  selectMany(x, ranks.slice(mid + 1), k + 1, right);
}

/** Hoare quickselect: puts the k-th smallest at k with smaller values left of it. */
function select(x: Float64Array, k: number, left: number, right: number): number {
  let l = left;
  let r = right;
  while (r > l) {
    const pivot = x[(l + r) >> 1]!;
    let i = l;
    let j = r;
    while (i <= j) {
      while (x[i]! < pivot) i++;
      while (x[j]! > pivot) j--;
      if (i <= j) {
        const t = x[i]!;
        x[i] = x[j]!;
        x[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) r = j;
    else if (k >= i) l = i;
    else break;
  }
  return x[k]!;
}
