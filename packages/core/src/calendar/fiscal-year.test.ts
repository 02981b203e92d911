import { describe, expect, it } from 'vitest';
import {
  fiscalYearOf,
  formatFiscalYear,
  formatWarekiDate,
  parseFiscalYear,
  parseJapaneseDate,
  reviewCalendar,
} from './index';

describe('fiscal year and 和暦', () => {
  it('names fiscal years by the era of their starting year', () => {
    expect(formatFiscalYear(2024)).toBe('令和6年度');
    expect(formatFiscalYear(2019)).toBe('令和元年度');
    expect(formatFiscalYear(2020)).toBe('令和2年度');
    expect(formatFiscalYear(2018)).toBe('平成30年度');
    expect(formatFiscalYear(1989)).toBe('平成元年度');
    expect(formatFiscalYear(1988)).toBe('昭和63年度');
    expect(formatFiscalYear(2032)).toBe('令和14年度');
  });

  it('assigns dates to fiscal years at April 1', () => {
    expect(fiscalYearOf({ year: 2025, month: 3, day: 31 })).toBe(2024);
    expect(fiscalYearOf({ year: 2025, month: 4, day: 1 })).toBe(2025);
  });

  it('formats dates across the era change', () => {
    expect(formatWarekiDate({ year: 2019, month: 4, day: 30 })).toBe('平成31年4月30日');
    expect(formatWarekiDate({ year: 2019, month: 5, day: 1 })).toBe('令和元年5月1日');
    expect(formatWarekiDate({ year: 1989, month: 1, day: 7 })).toBe('昭和64年1月7日');
  });

  it('parses fiscal years as typed', () => {
    expect(parseFiscalYear('2024')).toBe(2024);
    expect(parseFiscalYear('２０２４年度')).toBe(2024);
    expect(parseFiscalYear('FY2024')).toBe(2024);
    expect(parseFiscalYear('令和6年度')).toBe(2024);
    expect(parseFiscalYear('令和元年度')).toBe(2019);
    expect(parseFiscalYear('令和1年度')).toBe(2019);
    expect(parseFiscalYear('平成31年度')).toBe(2019);
    expect(parseFiscalYear('R6')).toBe(2024);
    expect(parseFiscalYear('Ｒ６年度')).toBe(2024);
    expect(parseFiscalYear('6年度')).toBeUndefined();
    expect(parseFiscalYear('令和')).toBeUndefined();
  });

  it("refuses era years outside the era's real span", () => {
    expect(parseFiscalYear('平成36年度')).toBeUndefined(); // 平成 ended in its 31st year
    expect(parseFiscalYear('平成32年度')).toBeUndefined();
    expect(parseFiscalYear('H31')).toBe(2019);
    expect(parseFiscalYear('昭和64年度')).toBe(1989);
    expect(parseFiscalYear('昭和65年度')).toBeUndefined();
    expect(parseJapaneseDate('平成31年4月30日')).toEqual({ year: 2019, month: 4, day: 30 });
    expect(parseJapaneseDate('平成31年5月1日')).toBeUndefined(); // that day is 令和元年5月1日
    expect(parseJapaneseDate('令和元年4月30日')).toBeUndefined();
    expect(parseJapaneseDate('令和元年5月1日')).toEqual({ year: 2019, month: 5, day: 1 });
  });

  it('parses dates as typed', () => {
    expect(parseJapaneseDate('令和4年12月')).toEqual({ year: 2022, month: 12, day: 1 });
    expect(parseJapaneseDate('2022/12/05')).toEqual({ year: 2022, month: 12, day: 5 });
    expect(parseJapaneseDate('２０２２年１２月５日')).toEqual({ year: 2022, month: 12, day: 5 });
    expect(parseJapaneseDate('R4.12.5')).toEqual({ year: 2022, month: 12, day: 5 });
    expect(parseJapaneseDate('2023-02-30')).toBeUndefined();
  });
});

describe('reviewCalendar', () => {
  it("reproduces the plan's review table", () => {
    const years = reviewCalendar({
      startFiscalYear: 2024,
      endFiscalYear: 2032,
      phases: [
        { number: 1, startFiscalYear: 2024, endFiscalYear: 2026 },
        { number: 2, startFiscalYear: 2027, endFiscalYear: 2029 },
        { number: 3, startFiscalYear: 2030, endFiscalYear: 2032 },
      ],
    });
    expect(years.map((y) => y.fiscalYear)).toEqual([2024, 2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032]);
    expect(years.every((y) => y.events.includes('annual-evaluation'))).toBe(true);
    const withEvent = (k: string) =>
      years.filter((y) => (y.events as string[]).includes(k)).map((y) => y.fiscalYear);
    expect(withEvent('medium-term-review')).toEqual([2026, 2029, 2032]);
    expect(withEvent('next-phase-drafting')).toEqual([2026, 2029, 2032]);
    expect(withEvent('long-term-revision-if-needed')).toEqual([2026, 2029]);
    expect(withEvent('next-plan-drafting')).toEqual([2032]);
    expect(years.map((y) => y.phase)).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3]);
    expect(years[0]?.label).toBe('令和6年度');
  });
});
