/**
 * The scales of a line chart, pure so they can be tested: a numeric time axis
 * (years placed by their value, so 2015→2020 is five times 2031→2032) and a
 * value axis fitted to the data, its interval and rules (the target line stays
 * in view), padded and rounded to a nice step, from zero only when asked.
 */

/** Maps a domain linearly onto a range. */
export function linearScale([d0, d1]: [number, number], [r0, r1]: [number, number]): (x: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (x) => r0 + (x - d0) * k;
}

/** A nice step (1, 2 or 5 × 10^k) for about `ticks` intervals over `span`. */
export function niceStep(span: number, ticks = 5): number {
  if (!(span > 0)) return 1;
  const raw = span / ticks;
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * p;
}

export interface DomainOptions {
  /** Values that must be inside (target, baseline rules). */
  include?: (number | null | undefined)[];
  /** Start at zero (counts where the bar from zero matters); default false. */
  fromZero?: boolean;
  /** Bounds the scale may not cross (e.g. a 0–10 answer scale). */
  clamp?: [number, number];
}

/** The value axis: every finite value and every `include` inside, padded by a tenth and rounded to a nice step. */
export function valueDomain(values: (number | null | undefined)[], o: DomainOptions = {}): [number, number] {
  const all = [...values, ...(o.include ?? [])].filter(
    (v): v is number => typeof v === 'number' && Number.isFinite(v),
  );
  if (all.length === 0) return [0, 1];
  let lo = Math.min(...all);
  let hi = Math.max(...all);
  if (o.fromZero) lo = Math.min(0, lo);
  const pad = (hi - lo || Math.abs(hi) || 1) * 0.1;
  if (!o.fromZero || lo < 0) lo -= pad;
  hi += pad;
  const step = niceStep(hi - lo);
  lo = Math.floor(lo / step) * step;
  hi = Math.ceil(hi / step) * step;
  if (o.clamp) {
    lo = Math.max(o.clamp[0], lo);
    hi = Math.min(o.clamp[1], hi);
  }
  return [lo, hi];
}

/** The time axis: the first and last year (a single year gets a year either side). */
export function timeDomain(xs: number[]): [number, number] {
  const f = xs.filter(Number.isFinite);
  if (f.length === 0) return [0, 1];
  const lo = Math.min(...f);
  const hi = Math.max(...f);
  return lo === hi ? [lo - 1, hi + 1] : [lo, hi];
}

/** [x, y] pairs for a numeric axis; a missing value stays a gap. */
export const pairs = (xs: number[], values: (number | null)[]): [number, number | null][] =>
  xs.map((x, i) => [x, values[i] ?? null]);
