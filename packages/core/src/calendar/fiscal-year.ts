/**
 * The Japanese fiscal year (年度): April 1 to March 31, stored as the integer
 * year in which it starts. FY2024 = 令和6年度.
 */
import { eras, eraYearLabel, findEra } from './eras';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The fiscal year a date (in Asia/Tokyo) falls in. */
export function fiscalYearOf(date: CalendarDate): number {
  return date.month >= 4 ? date.year : date.year - 1;
}

export function fiscalYearRange(fy: number): { start: CalendarDate; end: CalendarDate } {
  return { start: { year: fy, month: 4, day: 1 }, end: { year: fy + 1, month: 3, day: 31 } };
}

/**
 * The era a fiscal year is named in. Government practice names a fiscal year by
 * the era of its starting calendar year, so FY2019 is 令和元年度 (not 平成31年度)
 * and FY1989 is 平成元年度, while FY1988 stays 昭和63年度.
 */
function eraForFiscalYear(fy: number) {
  return eras.find((e) => e.start.year <= fy && !(e.start.month === 12 && e.start.year === fy));
}

/** 令和6年度 for 2024, 令和元年度 for 2019. */
export function formatFiscalYear(fy: number): string {
  const era = eraForFiscalYear(fy);
  if (!era) return `${fy}年度`;
  return `${era.name}${eraYearLabel(fy - era.start.year + 1)}年度`;
}

/** "FY2024 (令和6年度)". */
export function formatFiscalYearBoth(fy: number): string {
  return `${formatFiscalYear(fy)}（${fy}年度）`;
}

/** A date in 和暦: 令和元年5月1日, 平成31年4月30日. */
export function formatWarekiDate(date: CalendarDate): string {
  const key = date.year * 10000 + date.month * 100 + date.day;
  const era = eras.find((e) => e.start.year * 10000 + e.start.month * 100 + e.start.day <= key);
  if (!era) return `${date.year}年${date.month}月${date.day}日`;
  return `${era.name}${eraYearLabel(date.year - era.start.year + 1)}年${date.month}月${date.day}日`;
}

/** Converts an era year to the Gregorian year (令和 6 -> 2024). */
export function eraToGregorian(eraName: string, eraYear: number): number | undefined {
  const era = findEra(eraName);
  if (!era || !Number.isInteger(eraYear) || eraYear < 1) return undefined;
  const year = era.start.year + eraYear - 1;
  // An era's years end in the year the next era began (平成31 = 2019 exists, 平成32 never did).
  const next = eras[eras.indexOf(era) - 1];
  if (next && year > next.start.year) return undefined;
  return year;
}

/** Whether a Gregorian date falls inside the era (平成31年5月1日 does not: it is 令和元年5月1日). */
export function eraContainsDate(
  eraName: string,
  date: { year: number; month: number; day: number },
): boolean {
  const era = findEra(eraName);
  if (!era) return false;
  const key = (d: { year: number; month: number; day: number }) => d.year * 10_000 + d.month * 100 + d.day;
  const next = eras[eras.indexOf(era) - 1];
  return key(date) >= key(era.start) && (!next || key(date) < key(next.start));
}
