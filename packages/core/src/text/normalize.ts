/**
 * Text as typed in Japanese offices: full-width digits, letters and spaces,
 * thousands separators. Normalises what is unambiguous.
 */

/** NFKC folds full-width ASCII (０-９, Ａ-Ｚ, 　) to half-width; also trims. */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\u2212\u2010\u2011\u2012\u2013\u2014\u2015\uff0d\u30fc]/g, (ch) =>
      ch === '\u30fc' ? ch : '-',
    )
    .replace(/\s+/g, ' ')
    .trim();
}

const thousands = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const plain = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a number as typed: "１，２３４．５", "1,234", "-3.2", "12%" (as 12).
 * Returns undefined when the text is not unambiguously one number
 * (for example "1,23" or "1.234,5").
 */
export function parseLooseNumber(text: string): number | undefined {
  let s = normalizeText(text).replace(/\s/g, '');
  if (s.endsWith('%')) s = s.slice(0, -1);
  if (s === '') return undefined;
  if (thousands.test(s)) s = s.replace(/,/g, '');
  if (!plain.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}
