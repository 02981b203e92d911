/**
 * A dataset's files. CSV for Excel (decision 0111): UTF-8 with BOM by default
 * or Shift_JIS (CP932, `encoding: 'sjis'`), Japanese header row by default or
 * English, CRLF, RFC 4180 quoting (the one CSV writer), timestamps in Japan
 * time, and codes (and text Excel would turn into a number or a date) written
 * `="01"` so Excel keeps them as text with their leading zeros; `codes:
 * 'plain'` writes them bare for programs. JSON: the same rows as objects keyed
 * by the columns' keys, with the catalogue entry.
 */
import { japanTime } from '@mirai/core';
import { type CsvCell, encodeText, excelText, toCsv } from '../io';
import type { Catalogue, CatalogueEntry } from './catalogue';
import type { DatasetCell, DatasetTable } from './dataset-definition';

export interface CsvFileOptions {
  encoding?: 'utf-8' | 'sjis';
  header?: 'ja' | 'en';
  codes?: 'excel' | 'plain';
}

/** Text Excel would read as a number or a date (and so lose leading zeros or change). */
const excelWouldConvert = /^\s*[-+]?[\d０-９][\d０-９\s.,/:\-年月日]*\s*$/;

/** Characters Unicode has twice, mapped to the form CP932 has (else they become "?"). */
const cp932Forms: Record<string, string> = {
  '\u301C': '\uFF5E', // 〜 → ～
  '\u2212': '\uFF0D', // − → －
  '\u2014': '\u2015', // — → ―
  '\u2013': '-',
  '\u00A2': '\uFFE0',
  '\u00A3': '\uFFE1',
  '\u00AC': '\uFFE2',
  '\u2016': '\u2225',
};
export const toCp932Forms = (text: string) =>
  text.replace(/[\u301C\u2212\u2014\u2013\u00A2\u00A3\u00AC\u2016]/g, (c) => cp932Forms[c] ?? c);

function cellOf(
  v: DatasetCell | Date,
  type: DatasetTable['columns'][number]['type'],
  excel: boolean,
): CsvCell {
  if (v === null || v === '') return '';
  if (v instanceof Date) return japanTime(v);
  if (type === 'timestamp' && typeof v === 'string') return japanTime(new Date(v));
  if (typeof v === 'number' || typeof v === 'boolean') return v;
  if (excel && (type === 'code' || excelWouldConvert.test(v))) return excelText(v);
  return v;
}

/** The CSV file's bytes. */
export function datasetCsvFile(table: DatasetTable, opts: CsvFileOptions = {}): Buffer {
  const excel = (opts.codes ?? 'excel') === 'excel';
  const header = table.columns.map((c) => (opts.header === 'en' ? c.en : c.ja));
  const rows = table.rows.map((r) => table.columns.map((c, i) => cellOf(r[i] ?? null, c.type, excel)));
  const text = toCsv([header, ...rows]);
  return opts.encoding === 'sjis' ? encodeText(toCp932Forms(text), 'cp932') : encodeText(text, 'utf-8-bom');
}

const jsonCell = (v: DatasetCell | Date, type: DatasetTable['columns'][number]['type']) =>
  v instanceof Date
    ? japanTime(v)
    : type === 'timestamp' && typeof v === 'string'
      ? japanTime(new Date(v))
      : v;

/** The JSON file: the catalogue entry (licence, publisher, source, modified) and the rows as objects. */
export function datasetJsonFile(
  entry: CatalogueEntry,
  publisher: Catalogue['publisher'],
  table: DatasetTable,
): string {
  const { distributions: _d, rows: _n, ...meta } = entry;
  return JSON.stringify(
    {
      ...meta,
      publisher,
      rows: table.rows.map((r) =>
        Object.fromEntries(table.columns.map((c, i) => [c.key, jsonCell(r[i] ?? null, c.type)])),
      ),
    },
    null,
    1,
  );
}
