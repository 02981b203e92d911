/** Reading option values as people type them (和暦 years, dates, full-width digits), with one named problem. */
import {
  type CalendarDate,
  ProblemError,
  parseFiscalYear,
  parseJapaneseDate,
  parseLooseNumber,
} from '@mirai/core';

export const optionProblem = (option: string, text: string) =>
  new ProblemError({
    code: 'cli/invalid-option',
    kind: 'invalid',
    message: {
      ja: `オプション ${option} の値「${text}」を読み取れません。`,
      en: `Cannot read ${option} "${text}".`,
    },
    where: { field: option },
  });

/** 2024, 令和6年度, R6, FY2024 → 2024. */
export function fiscalYearOption(option: string, text: string): number {
  const fy = parseFiscalYear(text);
  if (fy === undefined) throw optionProblem(option, text);
  return fy;
}

export function dateOption(option: string, text: string): CalendarDate {
  const d = parseJapaneseDate(text);
  if (!d) throw optionProblem(option, text);
  return d;
}

export function numberOption(option: string, text: string): number {
  const n = parseLooseNumber(text);
  if (n === undefined) throw optionProblem(option, text);
  return n;
}
