/**
 * Type-7 quantiles (R's default: linear between the order statistics at
 * h = (N−1)p), one or several at a time: by quickselect in place, or for
 * several quantiles of a long series by a histogram pass (the exact order
 * statistics are picked from the few values in the bins that hold them).
 */

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
 * Long series go through `histogramQuantiles` (values left as they are);
 * short ones, or ones it cannot bin, through quickselect, where each order
 * statistic needed is selected within the part left by the previous
 * selections, so five quantiles cost little more than one (values reordered).
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
  if (n >= HISTOGRAM_MIN && histogramQuantiles(values, probs, out, outOffset)) return;
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

/** Series at least this long use the histogram pass. */
export const HISTOGRAM_MIN = 64;
const BINS = 2048;
let binOf = new Uint16Array(0);
const counts = new Int32Array(BINS + 1);
const wanted = new Uint8Array(BINS);
let picked = new Float64Array(0);

/**
 * Type-7 quantiles without reordering: min and max, then every value's bin
 * among BINS equal-width bins (a monotone map, so bins hold consecutive
 * order statistics), counts and their running sums, then the values of only
 * the bins that hold a needed rank are copied out and sorted. Exact; returns
 * false (nothing written) when the values cannot be binned (NaN or infinite) or
 * the needed bins hold too many values (a very lopsided series).
 */
export function histogramQuantiles(
  values: Float64Array,
  probs: readonly number[],
  out: Float64Array,
  outOffset = 0,
): boolean {
  const n = values.length;
  let min = values[0]!;
  let max = min;
  for (let i = 1; i < n; i++) {
    const x = values[i]!;
    if (x < min) min = x;
    else if (x > max) max = x;
  }
  if (!(Number.isFinite(min) && Number.isFinite(max))) return false;
  if (min === max) {
    for (let i = 0; i < probs.length; i++) out[outOffset + i] = min;
    return true;
  }
  const scale = BINS / (max - min);
  if (!Number.isFinite(scale)) return false;
  if (binOf.length < n) binOf = new Uint16Array(n);
  counts.fill(0);
  for (let i = 0; i < n; i++) {
    let b = Math.floor((values[i]! - min) * scale);
    if (b > BINS - 1) b = BINS - 1;
    binOf[i] = b;
    counts[b + 1]!++;
  }
  // counts[b] becomes the number of values in bins before b.
  for (let b = 1; b <= BINS; b++) counts[b] = counts[b]! + counts[b - 1]!;
  // A NaN falls in no bin.
  if (counts[BINS] !== n) return false;
  const ranks: number[] = [];
  for (const p of probs) {
    const lo = Math.floor((n - 1) * p);
    ranks.push(lo);
    if (lo + 1 < n) ranks.push(lo + 1);
  }
  const binOfRank = (r: number): number => {
    let lo = 0;
    let hi = BINS - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (counts[mid]! <= r) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  wanted.fill(0);
  let total = 0;
  for (const r of ranks) {
    const b = binOfRank(r);
    if (wanted[b] === 0) {
      wanted[b] = 1;
      total += counts[b + 1]! - counts[b]!;
    }
  }
  if (total > n / 4) return false;
  if (picked.length < total) picked = new Float64Array(total);
  // Each wanted bin's values go to its own slice of picked, starting at its running count.
  const start = new Map<number, number>();
  let at = 0;
  for (let b = 0; b < BINS; b++) {
    if (wanted[b] === 1) {
      start.set(b, at);
      at += counts[b + 1]! - counts[b]!;
    }
  }
  const fill = new Map(start);
  for (let i = 0; i < n; i++) {
    const b = binOf[i]!;
    if (wanted[b] === 1) {
      const j = fill.get(b)!;
      picked[j] = values[i]!;
      fill.set(b, j + 1);
    }
  }
  for (const [b, from] of start) picked.subarray(from, from + counts[b + 1]! - counts[b]!).sort();
  const value = (r: number): number => {
    const b = binOfRank(r);
    return picked[start.get(b)! + r - counts[b]!]!;
  };
  probs.forEach((p, i) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    const a = value(lo);
    out[outOffset + i] = lo + 1 >= n || h === lo ? a : a + (h - lo) * (value(lo + 1) - a);
  });
  return true;
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
