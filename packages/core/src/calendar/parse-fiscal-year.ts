/**
 * Reads a fiscal year as people type it: 2024, ２０２４年度, FY2024, 令和6年度,
 * 令和元年度, R6, 平成31年度 (= 2019). Returns undefined for anything ambiguous.
 */
import { normalizeText } from '../text/normalize';
import { eraContainsDate, eraToGregorian } from './fiscal-year';

const western = /^(?:FY\s*)?(\d{4})(?:\s*年度?)?$/i;
const japanese = /^(令和|平成|昭和|大正|明治|[RHSTM])\.?\s*(元|\d{1,2})\s*(?:年度?)?$/i;

export function parseFiscalYear(text: string): number | undefined {
  const s = normalizeText(text);
  const w = western.exec(s);
  if (w) return Number(w[1]);
  const j = japanese.exec(s);
  if (j) {
    const n = j[2] === '元' ? 1 : Number(j[2]);
    return eraToGregorian(j[1]!, n);
  }
  return undefined;
}

/**
 * Reads a date: 2022-12-01, 2022/12/1, 2022年12月1日, 令和4年12月1日, R4.12.1,
 * or a month only (令和4年12月, 2022-12) as the first of that month.
 */
export function parseJapaneseDate(text: string): { year: number; month: number; day: number } | undefined {
  const s = normalizeText(text);
  const m =
    /^(\d{4})[-/.年]\s*(\d{1,2})(?:[-/.月]\s*(\d{1,2})日?|月)?$/.exec(s) ??
    /^(令和|平成|昭和|大正|明治|[RHSTM])\.?\s*(元|\d{1,2})[-/.年]\s*(\d{1,2})(?:[-/.月]\s*(\d{1,2})日?|月)?$/i.exec(
      s,
    );
  if (!m) return undefined;
  let year: number | undefined;
  let month: number;
  let day: number;
  if (/^\d{4}$/.test(m[1]!)) {
    year = Number(m[1]);
    month = Number(m[2]);
    day = m[3] ? Number(m[3]) : 1;
  } else {
    year = eraToGregorian(m[1]!, m[2] === '元' ? 1 : Number(m[2]));
    month = Number(m[3]);
    day = m[4] ? Number(m[4]) : 1;
  }
  if (year === undefined || month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > last) return undefined;
  if (!/^\d{4}$/.test(m[1]!) && !eraContainsDate(m[1]!, { year, month, day })) return undefined;
  return { year, month, day };
}
