/**
 * Reads a table (CSV in UTF-8/CP932, or the first worksheet of an xlsx) into
 * header + rows. Cells are normalised (full-width digits and spaces folded,
 * trimmed); row numbers are the file's own 1-based row/line numbers.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fail, normalizeText, ok, type Problem, type Result } from '@mirai/core';
import { parse } from 'csv-parse/sync';
import { decodeText } from './decode-text';
import { ioProblems } from './io-problems';
import { letOthersRun } from './let-others-run';
import { parseCsvInWorker, parseXlsxInWorker } from './table-worker';
import { type UploadKind, uploadLimits } from './upload-limits';
import { checkZip, defaultZipLimits, zipLimitsFor } from './zip-guard';

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
  /** Largest accepted file in bytes (default 50 MB, or the upload kind's limit). */
  maxBytes?: number;
  /** The upload kind whose limits apply (upload-limits.ts): bytes, inflated bytes, cells, parse memory. */
  kind?: UploadKind;
  /**
   * A CSV too is split in the worker, and the cells are folded in slices with
   * pauses between them (a background import on the server's thread).
   */
  offThread?: boolean;
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
  const maxBytes =
    options.maxBytes ?? (options.kind ? uploadLimits[options.kind].maxBytes : 50 * 1024 * 1024);
  if (bytes.byteLength > maxBytes)
    return fail(ioProblems.tooLarge.create({ limitBytes: maxBytes }, { file }));
  const ext = extname(file).toLowerCase();
  if (ext === '.xlsx') return readXlsx(bytes, file, options);
  if (ext === '.csv' || ext === '.txt' || ext === '.tsv')
    return readCsv(bytes, file, options, ext === '.tsv');
  return fail(ioProblems.unsupportedFormat.create({ file }, { file }));
}

async function readCsv(
  bytes: Uint8Array,
  file: string,
  options: ReadTableOptions,
  tsv: boolean,
): Promise<Result<Table>> {
  let records: string[][];
  let encoding: string;
  if (options.offThread) {
    const parsed = await parseCsvInWorker(bytes, file, {
      tsv,
      maxMemoryMb: options.kind ? uploadLimits[options.kind].maxParseMemoryMb : 768,
    });
    if (!parsed.ok) return parsed;
    ({ records, encoding } = parsed.value);
  } else {
    const decoded = decodeText(bytes);
    encoding = decoded.encoding;
    try {
      records = parse(decoded.text, {
        delimiter: tsv ? '\t' : ',',
        relax_column_count: true,
        skip_empty_lines: false,
      });
    } catch (error) {
      const e = error as { message?: string; lines?: number };
      return fail(
        ioProblems.csvMalformed.create({ reason: e.message ?? String(error) }, { file, line: e.lines }),
      );
    }
  }
  const maxCells = options.kind ? uploadLimits[options.kind].maxCells : 0;
  if (maxCells > 0 && records.reduce((n, r) => n + r.length, 0) > maxCells)
    return fail(ioProblems.tooManyCells.create({ max: maxCells }, { file }));
  return toTable(records, file, options, { encoding });
}

async function readXlsx(bytes: Uint8Array, file: string, options: ReadTableOptions): Promise<Result<Table>> {
  // Zip and XML bombs: sizes, ratios and the cell budget, checked while each entry is inflated, before parsing.
  const limits = options.kind ? zipLimitsFor(options.kind) : defaultZipLimits;
  const guard = await checkZip(bytes, file, { ...limits, maxBytes: options.maxBytes ?? limits.maxBytes });
  if (!guard.ok) return guard;
  // Parsed in a worker with a memory ceiling: a workbook too heavy to read ends the worker, not the server.
  const parsed = await parseXlsxInWorker(bytes, file, {
    ...(options.sheet ? { sheet: options.sheet } : {}),
    maxMemoryMb: options.kind ? uploadLimits[options.kind].maxParseMemoryMb : 768,
  });
  if (!parsed.ok) return parsed;
  return toTable(parsed.value.records, file, options, { sheet: parsed.value.sheet });
}

async function toTable(
  records: string[][],
  file: string,
  options: ReadTableOptions,
  extra: { encoding?: string; sheet?: string },
): Promise<Result<Table>> {
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
    if (options.offThread && i % 1000 === 0) await letOthersRun();
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
