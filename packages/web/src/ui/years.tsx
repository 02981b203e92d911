/** Years in both calendars: 和暦 and 西暦 wherever a year appears. */
import { formatFiscalYear, formatWarekiDate, japanTime } from '@mirai/core';
import { useLang } from '../i18n/lang';

/** 令和14年度（2032年度） / FY2032 (<span lang="ja">令和14年度</span>). */
export function FiscalYear({ fy }: { fy: number }) {
  const lang = useLang();
  if (lang === 'ja') return <>{fiscalYearText(fy, lang)}</>;
  return (
    <>
      FY{fy} (<span lang="ja">{formatFiscalYear(fy)}</span>)
    </>
  );
}

export function fiscalYearText(fy: number, lang: 'ja' | 'en'): string {
  return lang === 'en' ? `FY${fy} (${formatFiscalYear(fy)})` : `${formatFiscalYear(fy)}（${fy}年度）`;
}

/** A calendar year as of 1 October (census day): 令和2年（2020年） / 2020 (令和2年). */
export function calendarYearText(year: number, lang: 'ja' | 'en'): string {
  const wareki = formatWarekiDate({ year, month: 10, day: 1 }).replace(/10月1日$/, '');
  return lang === 'en' ? `${year} (${wareki})` : `${wareki}（${year}年）`;
}

export function CalendarYear({ year }: { year: number }) {
  const lang = useLang();
  if (lang === 'ja') return <>{calendarYearText(year, lang)}</>;
  const wareki = formatWarekiDate({ year, month: 10, day: 1 }).replace(/10月1日$/, '');
  return (
    <>
      {year} (<span lang="ja">{wareki}</span>)
    </>
  );
}

/** The day of an instant in Japan time, in 和暦: 令和8年12月7日 / 2026-12-07 (令和8年12月7日). */
export function JapanDate({ iso }: { iso: string }) {
  const lang = useLang();
  const day = japanTime(new Date(iso)).slice(0, 10);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const wareki = formatWarekiDate({ year, month, day: date });
  if (lang === 'ja') return <>{wareki}</>;
  return (
    <>
      {day} (<span lang="ja">{wareki}</span>)
    </>
  );
}
