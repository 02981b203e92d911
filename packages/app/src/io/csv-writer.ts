/**
 * The one CSV writer (csv-stringify): rows of cells to text that opens
 * cleanly in Excel (CRLF by default). Text cells that a spreadsheet would run
 * as a formula (a leading =, +, -, @, tab or CR) get a leading ' (CSV
 * injection); numbers are written as numbers. Objects become JSON.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | boolean | null | undefined | object;

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
      object: (v) => JSON.stringify(v),
      boolean: (v) => (v ? 'true' : 'false'),
    },
  });
}
