/**
 * Japanese eras (元号) from 明治. Formatted by hand: `Intl`'s era output differs
 * between engines and ICU versions.
 */

export interface Era {
  /** Name, e.g. 令和. */
  name: string;
  /** One-letter romanised initial used in offices (R, H, S, T, M). */
  initial: string;
  /** First day of the era (Gregorian). */
  start: { year: number; month: number; day: number };
}

/** Newest first. */
export const eras: readonly Era[] = [
  { name: '令和', initial: 'R', start: { year: 2019, month: 5, day: 1 } },
  { name: '平成', initial: 'H', start: { year: 1989, month: 1, day: 8 } },
  { name: '昭和', initial: 'S', start: { year: 1926, month: 12, day: 25 } },
  { name: '大正', initial: 'T', start: { year: 1912, month: 7, day: 30 } },
  { name: '明治', initial: 'M', start: { year: 1868, month: 1, day: 25 } },
];

export function findEra(nameOrInitial: string): Era | undefined {
  const key = nameOrInitial.trim();
  return eras.find((e) => e.name === key || e.initial === key.toUpperCase());
}

/** Year number within an era, rendered 元 for the first year. */
export function eraYearLabel(n: number): string {
  return n === 1 ? '元' : String(n);
}
