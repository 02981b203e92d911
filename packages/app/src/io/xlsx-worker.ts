/**
 * Parses an xlsx in a worker thread with a memory ceiling (decision 0097): a
 * workbook that needs more heap than its upload kind allows ends the worker,
 * not the server, and is answered with a catalogued problem. The worker is
 * plain CommonJS evaluated from this string (no build step, the same in the
 * sources, the bundled command line and tests); it loads ExcelJS from where
 * this package resolves it and answers the cell texts of one worksheet.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { fail, ok, type Result } from '@mirai/core';
import { ioProblems } from './io-problems';

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Excel = require(workerData.exceljs);
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
(async () => {
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(workerData.bytes));
  } catch (e) {
    parentPort.postMessage({ error: String((e && e.message) || e).slice(0, 200) });
    return;
  }
  const sheet = workerData.sheet ? wb.getWorksheet(workerData.sheet) : wb.worksheets[0];
  if (!sheet) { parentPort.postMessage({ noSheet: true }); return; }
  const records = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => { values[col - 1] = text(cell.value); });
    records[n - 1] = Array.from(values, (v) => v === undefined ? '' : v);
  });
  parentPort.postMessage({ sheet: sheet.name, records: Array.from(records, (r) => r || []) });
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

const exceljsPath = () => createRequire(import.meta.url).resolve('exceljs');

export function parseXlsxInWorker(
  bytes: Uint8Array,
  file: string,
  options: ParseXlsxOptions,
): Promise<Result<ParsedSheet>> {
  const where = { file };
  return new Promise((resolve) => {
    const copy = new Uint8Array(bytes); // transferred to the worker; the caller keeps its own
    const worker = new Worker(workerSource, {
      eval: true,
      workerData: { bytes: copy, sheet: options.sheet ?? null, exceljs: exceljsPath() },
      transferList: [copy.buffer],
      resourceLimits: {
        maxOldGenerationSizeMb: options.maxMemoryMb,
        maxYoungGenerationSizeMb: Math.min(64, Math.max(16, options.maxMemoryMb / 8)),
      },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (r: Result<ParsedSheet>) => {
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
    worker.on('message', (m: { error?: string; noSheet?: boolean; sheet?: string; records?: string[][] }) => {
      if (m.error !== undefined) settle(fail(ioProblems.xlsxUnreadable.create({ reason: m.error }, where)));
      else if (m.noSheet) settle(fail(ioProblems.emptyFile.create({}, { file, sheet: options.sheet })));
      else settle(ok({ sheet: m.sheet ?? '', records: m.records ?? [] }));
    });
    worker.on('error', (error: Error & { code?: string }) => {
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY')
        tooHeavy(`needs more than ${options.maxMemoryMb} MB to read`);
      else settle(fail(ioProblems.xlsxUnreadable.create({ reason: error.message.slice(0, 200) }, where)));
    });
    worker.on('exit', () => tooHeavy('the reader stopped'));
  });
}
