/**
 * The point in time a baseline or actual refers to: a fiscal year, and the
 * day within it when known. Used for staleness and for ordering values.
 */
import { type CalendarDate, fiscalYearOf, parseFiscalYear, parseJapaneseDate } from '../calendar';

export interface IndicatorPeriod {
  fiscalYear: number;
  /** The day the value refers to; absent when only the fiscal year is known. */
  date?: CalendarDate;
}

/** Reads "2022-12", "2022-12-01", "令和4年12月", "令和4年度", "FY2022", "2022"; undefined if unreadable. */
export function parsePeriod(text: string): IndicatorPeriod | undefined {
  const date = parseJapaneseDate(text);
  if (date) return { fiscalYear: fiscalYearOf(date), date };
  const fy = parseFiscalYear(text);
  return fy === undefined ? undefined : { fiscalYear: fy };
}

/** The last day a period covers: its date, or March 31 closing its fiscal year. */
export function periodEnd(p: IndicatorPeriod): CalendarDate {
  return p.date ?? { year: p.fiscalYear + 1, month: 3, day: 31 };
}

/** Days since 1970-01-01 (UTC), for comparing calendar dates. */
export function dayNumber(d: CalendarDate): number {
  return Math.floor(Date.UTC(d.year, d.month - 1, d.day) / 86_400_000);
}

/** Adds whole months, clamping the day to the month's end (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(d: CalendarDate, months: number): CalendarDate {
  const index = d.year * 12 + (d.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { year, month, day: Math.min(d.day, last) };
}

/** ISO YYYY-MM-DD. */
export function formatIsoDate(d: CalendarDate): string {
  return `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}
