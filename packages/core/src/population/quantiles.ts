/**
 * Type-7 quantiles (R's default: linear between the order statistics at
 * h = (N−1)p) by quickselect, in place, one or several at a time.
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
