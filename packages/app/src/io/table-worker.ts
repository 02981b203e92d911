/**
 * Parses a table file in a worker thread with a memory ceiling (decisions 0097,
 * 0099): an xlsx that needs more heap than its upload kind allows ends the
 * worker, not the server, and is answered with a catalogued problem; a large
 * CSV is decoded and split there, so the server's thread keeps answering. The
 * worker is plain CommonJS evaluated from this string (no build step, the same
 * in the sources, the bundled command line and tests); it loads ExcelJS,
 * csv-parse and iconv-lite from where this package resolves them and answers
 * the cell texts of one worksheet (or of the CSV) with no folding, which the
 * caller does as for any table.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { fail, ok, type Result } from '@mirai/core';
import type ExcelJS from 'exceljs';
import { ioProblems } from './io-problems';

/** Rows per message from the worker: 450,000 rows in one message held the server's thread ~0.5 s. */
const answerPartRecords = 10_000;

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
// The rows go back in parts, the next when the server's thread asks for it: each part is copied
// into that thread in one piece, and other work runs between two parts (messages already queued
// would be read all at once).
function answer(records, rest) {
  let at = 0;
  const next = () => {
    if (at < records.length) parentPort.postMessage({ part: records.slice(at, (at += ${answerPartRecords})) });
    else {
      parentPort.off('message', next);
      parentPort.postMessage(rest);
    }
  };
  parentPort.on('message', next);
  next();
}
function text(v) {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return text(v.result);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}
function csv() {
  const bytes = Buffer.from(workerData.bytes);
  let text;
  let encoding;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
    encoding = 'utf-8-bom';
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      encoding = 'utf-8';
    } catch {
      text = require(workerData.iconv).decode(bytes, 'cp932');
      encoding = 'cp932';
    }
  }
  const { parse } = require(workerData.csvParse);
  try {
    const records = parse(text, { delimiter: workerData.format === 'tsv' ? '\t' : ',', relax_column_count: true, skip_empty_lines: false });
    answer(records, { encoding });
  } catch (e) {
    parentPort.postMessage({ csvError: String((e && e.message) || e), line: e && e.lines });
  }
}
// A cell's value as ExcelJS gives it, cloneable: rich text, a formula's result, a link's text.
function raw(v) {
  if (v === null || v === undefined) return null;
  if (typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return { richText: v.richText.map((r) => ({ text: r.text })) };
  if ('result' in v) return { result: raw(v.result) };
  if ('text' in v) return { text: String(v.text) };
  return String(v);
}
// Every worksheet's first columns, values as they are (the evaluation workbook's reader).
function cells(wb) {
  const rows = [];
  const sheets = wb.worksheets.map((ws) => {
    const from = rows.length;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const values = [];
      for (let c = 1; c <= workerData.columns; c++) values.push(raw(row.getCell(c).value));
      rows.push(values);
    }
    return { name: ws.name, rowCount: ws.rowCount, from };
  });
  answer(rows, { sheets });
}
(async () => {
  if (workerData.format !== 'xlsx') return csv();
  const Excel = require(workerData.exceljs);
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(workerData.bytes));
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e).slice(0, 200) });
    return;
  }
  if (workerData.columns) return cells(wb);
  const sheet = workerData.sheet ? wb.getWorksheet(workerData.sheet) : wb.worksheets[0];
  if (!sheet) { parentPort.postMessage({ noSheet: true }); return; }
  const records = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { values[col - 1] = text(cell.value); });
    records[n - 1] = Array.from(values, (v) => v === undefined ? '' : v);
  });
  answer(Array.from(records, (r) => r || []), { sheet: sheet.name });
})();
`;

export interface ParsedSheet {
  sheet: string;
  records: string[][];
}

export interface ParseXlsxOptions {
  sheet?: string;
  /** The worker's old-generation heap ceiling. */
  maxMemoryMb: number;
  /** The worker is ended after this long (default 120 s). */
  timeoutMs?: number;
}

export interface ParsedCsv {
  records: string[][];
  encoding: 'utf-8' | 'utf-8-bom' | 'cp932';
}

const resolve = (name: string) => createRequire(import.meta.url).resolve(name);

interface WorkerAnswer {
  /** Some of the rows; more messages follow, the last without `part`. */
  part?: string[][];
  sheets?: { name: string; rowCount: number; from: number }[];
  error?: string;
  noSheet?: boolean;
  sheet?: string;
  records?: string[][];
  encoding?: ParsedCsv['encoding'];
  csvError?: string;
  line?: number;
}

/** Reads the first (or the named) worksheet of an xlsx in the worker. */
export async function parseXlsxInWorker(
  bytes: Uint8Array,
  file: string,
  options: ParseXlsxOptions,
): Promise<Result<ParsedSheet>> {
  const m = await runWorker(
    bytes,
    file,
    { format: 'xlsx', sheet: options.sheet ?? null, exceljs: resolve('exceljs') },
    options,
  );
  if (!m.ok) return m;
  if (m.value.error !== undefined)
    return fail(ioProblems.xlsxUnreadable.create({ reason: m.value.error }, { file }));
  if (m.value.noSheet) return fail(ioProblems.emptyFile.create({}, { file, sheet: options.sheet }));
  return ok({ sheet: m.value.sheet ?? '', records: m.value.records ?? [] });
}

/** A worksheet's cells in its first columns, values as ExcelJS reads them (rich text, formula results). */
export interface SheetCells {
  name: string;
  /** The last row ExcelJS counts. */
  rowCount: number;
  /** The value at a 1-based row and column (null when empty or outside the columns read). */
  value(row: number, column: number): ExcelJS.CellValue;
}

/**
 * Reads every worksheet of an xlsx in the worker, the first `columns` columns of each row, with
 * the values as they are (the evaluation workbook's import reads ids, labels and typed cells).
 */
export async function readXlsxCellsInWorker(
  bytes: Uint8Array,
  file: string,
  options: { columns: number; maxMemoryMb: number; timeoutMs?: number },
): Promise<Result<Map<string, SheetCells>>> {
  const m = await runWorker(
    bytes,
    file,
    { format: 'xlsx', columns: options.columns, exceljs: resolve('exceljs') },
    options,
  );
  if (!m.ok) return m;
  if (m.value.error !== undefined)
    return fail(ioProblems.xlsxUnreadable.create({ reason: m.value.error }, { file }));
  const rows = (m.value.records ?? []) as unknown as ExcelJS.CellValue[][];
  return ok(
    new Map(
      (m.value.sheets ?? []).map((s) => [
        s.name,
        {
          name: s.name,
          rowCount: s.rowCount,
          value: (row: number, column: number) =>
            row >= 1 && row <= s.rowCount ? (rows[s.from + row - 1]?.[column - 1] ?? null) : null,
        },
      ]),
    ),
  );
}

/** Decodes (UTF-8, with or without BOM, else CP932, as decode-text.ts) and splits a CSV or TSV in the worker. */
export async function parseCsvInWorker(
  bytes: Uint8Array,
  file: string,
  options: { tsv: boolean; maxMemoryMb: number; timeoutMs?: number },
): Promise<Result<ParsedCsv>> {
  const m = await runWorker(
    bytes,
    file,
    {
      format: options.tsv ? 'tsv' : 'csv',
      csvParse: resolve('csv-parse/sync'),
      iconv: resolve('iconv-lite'),
    },
    options,
  );
  if (!m.ok) return m;
  if (m.value.csvError !== undefined)
    return fail(ioProblems.csvMalformed.create({ reason: m.value.csvError }, { file, line: m.value.line }));
  return ok({ records: m.value.records ?? [], encoding: m.value.encoding ?? 'utf-8' });
}

function runWorker(
  bytes: Uint8Array,
  file: string,
  data: Record<string, unknown>,
  options: { maxMemoryMb: number; timeoutMs?: number },
): Promise<Result<WorkerAnswer>> {
  const where = { file };
  return new Promise((resolve) => {
    const copy = new Uint8Array(bytes); // transferred to the worker; the caller keeps its own
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { ...data, bytes: copy },
      transferList: [copy.buffer],
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxMemoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(16, options.maxMemoryMb / 8)),
      },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (r: Result<WorkerAnswer>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(r);
    };
    const tooHeavy = (reason: string) =>
      settle(fail(ioProblems.xlsxExpandsTooMuch.create({ reason }, where)));
    const timer = setTimeout(
      () => tooHeavy(`not read within ${Math.round((options.timeoutMs ?? 120_000) / 1000)} s`),
      options.timeoutMs ?? 120_000,
    );
    const records: string[][] = [];
    worker.on('message', (m: WorkerAnswer) => {
      if (m.part) {
        for (const r of m.part) records.push(r);
        setImmediate(() => worker.postMessage('next'));
      } else settle(ok(records.length > 0 ? { ...m, records } : m));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
        tooHeavy(`needs more than ${options.maxMemoryMb} MB to read`);
      else settle(fail(ioProblems.xlsxUnreadable.create({ reason: error.message.slice(0, 200) }, where)));
    });
    worker.on('exit', () => tooHeavy('the reader stopped'));
  });
}
