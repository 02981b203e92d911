/**
 * Reads a table (CSV in UTF-8/CP932, or the first worksheet of an xlsx) into
 * header + rows. Cells are normalised (full-width digits and spaces folded,
 * trimmed); row numbers are the file's own 1-based row/line numbers.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fail, normalizeText, ok, type Problem, type Result } from '@mirai/core';
import { parse } from 'csv-parse/sync';
import type ExcelJS from 'exceljs';
import { decodeText } from './decode-text';
import { ioProblems } from './io-problems';
import { checkZip, defaultZipLimits } from './zip-guard';

export interface TableRow {
  /** 1-based row number in the file (the header is row 1). */
  row: number;
  cells: Record<string, string>;
}

export interface Table {
  file: string;
  headers: string[];
  rows: TableRow[];
  encoding?: string;
  sheet?: string;
}

export interface ReadTableOptions {
  /** Worksheet name for xlsx (default: the first). */
  sheet?: string;
  /** Keep cell text as is (no NFKC folding). */
  raw?: boolean;
  /** Largest accepted file in bytes (default 50 MB). */
  maxBytes?: number;
}

export async function readTableFile(path: string, options: ReadTableOptions = {}): Promise<Result<Table>> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return fail(ioProblems.fileNotFound.create({ file: path }, { file }));
  }
  return readTableBytes(bytes, file, options);
}

/** Same as readTableFile, for bytes already in memory (uploads). */
export async function readTableBytes(
  bytes: Uint8Array,
  file: string,
  options: ReadTableOptions = {},
): Promise<Result<Table>> {
  const maxBytes = options.maxBytes ?? 50 * 1024 * 1024;
  if (bytes.byteLength > maxBytes)
    return fail(ioProblems.tooLarge.create({ limitBytes: maxBytes }, { file }));
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return readXlsx(bytes, file, options);
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv')
    return readCsv(bytes, file, options, ext === '.tsv');
  return fail(ioProblems.unsupportedFormat.create({ file }, { file }));
}

function readCsv(bytes: Uint8Array, file: string, options: ReadTableOptions, tsv: boolean): Result<Table> {
  const { text, encoding } = decodeText(bytes);
  let records: string[][];
  try {
    records = parse(text, { delimiter: tsv ? '\t' : ',', relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return fail(
      ioProblems.csvMalformed.create({ reason: e.message ?? String(error) }, { file, line: e.lines }),
    );
  }
  return toTable(records, file, options, { encoding });
}

async function readXlsx(bytes: Uint8Array, file: string, options: ReadTableOptions): Promise<Result<Table>> {
  // Zip and XML bombs: check sizes and ratios, and inflate each entry once with a cap, before parsing.
  const guard = checkZip(bytes, file, {
    ...defaultZipLimits,
    maxBytes: options.maxBytes ?? defaultZipLimits.maxBytes,
  });
  if (!guard.ok) return guard;
  // Excel is loaded for an xlsx only: reading a CSV never pays for it (decision 0083).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch (error) {
    return fail(ioProblems.xlsxUnreadable.create({ reason: (error as Error).message }, { file }));
  }
  const sheet = options.sheet ? workbook.getWorksheet(options.sheet) : workbook.worksheets[0];
  if (!sheet) return fail(ioProblems.emptyFile.create({}, { file, sheet: options.sheet }));
  const records: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      values[col - 1] = cellText(cell.value);
    });
    records[rowNumber - 1] = Array.from(values, (v) => v ?? '');
  });
  return toTable(
    Array.from(records, (r) => r ?? []),
    file,
    options,
    { sheet: sheet.name },
  );
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    return '';
  }
  return String(value);
}

function toTable(
  records: string[][],
  file: string,
  options: ReadTableOptions,
  extra: { encoding?: string; sheet?: string },
): Result<Table> {
  const clean = (s: string) => (options.raw ? s.trim() : normalizeText(s));
  const header = records[0];
  if (!header || header.every((h) => clean(h) === '')) return fail(ioProblems.emptyFile.create({}, { file }));
  const headers = header.map(clean);
  const problems: Problem[] = [];
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    if (h !== '' && seen.has(h))
      problems.push(ioProblems.duplicateHeader.create({ header: h }, { file, column: i + 1 }));
    seen.add(h);
  });
  if (problems.length > 0) return fail(problems);
  const rows: TableRow[] = [];
  for (let i = 1; i < records.length; i++) {
    const record = records[i] ?? [];
    if (record.every((c) => clean(c ?? '') === '')) continue;
    const cells: Record<string, string> = {};
    headers.forEach((h, j) => {
      if (h !== '') cells[h] = clean(record[j] ?? '');
    });
    rows.push({ row: i + 1, cells });
  }
  return ok({ file, headers: headers.filter((h) => h !== ''), rows, ...extra });
}
