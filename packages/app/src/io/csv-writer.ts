/**
 * The one CSV writer (csv-stringify): rows of cells to text that opens
 * cleanly in Excel (CRLF by default). Text cells that a spreadsheet would run
 * as a formula (a leading =, +, -, @, tab or CR) get a leading ' (CSV
 * injection); numbers are written as numbers. Objects become JSON. A code that
 * must stay text in Excel (leading zeros) is written `="01"` (`excelText`,
 * decision 0111): the one formula this writer makes, built here, never taken
 * from the data.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined | object;

/** A cell Excel must show as this exact text (e.g. a code with leading zeros). */
export class ExcelText {
  constructor(readonly text: string) {}
}
export const excelText = (text: string) => new ExcelText(text);

export interface CsvOptions {
  /** Quote every cell (default: only cells that need it). */
  quoteAll?: boolean;
  /** Line ending: `crlf` (Excel; the default) or `lf`. */
  eol?: 'crlf' | 'lf';
  /** Neutralise spreadsheet formulas in text cells (default true). */
  escapeFormulas?: boolean;
}

const formulaStart = /^[=+\-@\t\r]/;

/** The rows as CSV text, each line ended (the last one too). */
export function toCsv(rows: readonly (readonly CsvCell[])[], opts: CsvOptions = {}): string {
  const neutralise = opts.escapeFormulas ?? true;
  return stringify(rows as unknown[][], {
    quoted: opts.quoteAll ?? false,
    quoted_empty: opts.quoteAll ?? false,
    record_delimiter: (opts.eol ?? 'crlf') === 'crlf' ? 'windows' : 'unix',
    cast: {
      string: (v) => (neutralise && formulaStart.test(v) ? `'${v}` : v),
      object: (v) => (v instanceof ExcelText ? `="${v.text.replaceAll('"', '""')}"` : JSON.stringify(v)),
      boolean: (v) => (v ? 'true' : 'false'),
    },
  });
}
