/**
 * Reading e-Stat's category names and cells for a census by sex and five-year
 * age (国勢調査 男女別5歳階級別人口): sex (総数/男/女), age (0～4歳 … 90～94歳,
 * 100歳以上, 年齢「不詳」, 総数; 再掲 subtotals skipped), the survey year
 * (2020年, 令和2年, a time code 2020000000) and a value with e-Stat's symbols
 * (「-」 none, 「…」 not available, 「X」 suppressed). Text is normalised
 * first (NFKC: full-width digits and ～ folded).
 */
import { findEra, normalizeText } from '@mirai/core';

/** The open age group the stored tables end with. */
export const openAgeStart = 90;

/** Drops a leading sort code such as `001_` that some e-Stat tables put before a name. */
function bare(name: string): string {
  return normalizeText(name)
    .replace(/^\d+_/, '')
    .replace(/[「」"']/g, '');
}

export function estatSex(name: string): 'total' | 'male' | 'female' | undefined {
  const n = bare(name).replace(/\s/g, '');
  if (/^(総数|男女計|男女総数|総計|計)$/.test(n)) return 'total';
  if (/^(男|男性|男子)$/.test(n)) return 'male';
  if (/^(女|女性|女子)$/.test(n)) return 'female';
  return undefined;
}

/**
 * A five-year group (`0-4`), the open group (`90+`, which 90～94歳, 95～99歳 and
 * 100歳以上 add up to), `unknown`, `all`; `skip` for subtotals (再掲, 15歳未満,
 * 65歳以上, single years); undefined for a name that is not an age.
 */
export function estatAge(name: string): string | 'skip' | undefined {
  const n = bare(name).replace(/\s/g, '');
  if (/再掲|未満|平均|中位/.test(n)) return 'skip';
  if (/^(総数|年齢総数|総計|計)$/.test(n)) return 'all';
  if (/^(年齢)?不詳$/.test(n)) return 'unknown';
  const range = /^(\d+)[~〜-](\d+)歳$/.exec(n);
  if (range) {
    const a = Number(range[1]);
    const b = Number(range[2]);
    if (a % 5 !== 0 || b !== a + 4) return 'skip';
    return a >= openAgeStart ? `${openAgeStart}+` : `${a}-${b}`;
  }
  const open = /^(\d+)歳以上$/.exec(n);
  if (open) return Number(open[1]) >= openAgeStart ? `${openAgeStart}+` : 'skip';
  if (/^\d+歳$/.test(n)) return 'skip';
  return undefined;
}

/**
 * The year of a time category: `2020年`, `2020年(令和2年)`, `令和2年`, `平成27年`,
 * or a time code `2020000000`; `skip` for an alternative series such as
 * `2020年_不詳補完値` (the as-published figures are kept).
 */
export function estatYear(name: string, code?: string): number | 'skip' | undefined {
  const n = bare(name);
  if (/補完|補正|参考/.test(n)) return 'skip';
  const western = /(\d{4})年/.exec(n) ?? /^(\d{4})$/.exec(n);
  if (western) return Number(western[1]);
  const era = /^(令和|平成|昭和|大正|明治)(元|\d+)年/.exec(n);
  if (era?.[1] && era[2]) {
    const e = findEra(era[1]);
    if (e) return e.start.year + (era[2] === '元' ? 1 : Number(era[2])) - 1;
  }
  if (code && /^\d{10}$/.test(code)) return Number(code.slice(0, 4));
  return undefined;
}

export type EstatValue =
  | { kind: 'count'; n: number }
  | { kind: 'suppressed'; symbol: string }
  | { kind: 'bad'; text: string };

/** A cell: `12,345` (commas and full-width digits read), `-` (皆無: none, 0), `…`/`X`/`***` (missing). */
export function estatValue(text: string): EstatValue {
  const n = normalizeText(text).replace(/[,\s]/g, '');
  if (/^\d+$/.test(n)) return { kind: 'count', n: Number(n) };
  if (n === '-') return { kind: 'count', n: 0 };
  if (n === '' || /^(\.\.\.|…|‥|X|x|χ|\*+|-{2,})$/.test(n))
    return { kind: 'suppressed', symbol: text.trim() };
  return { kind: 'bad', text };
}
