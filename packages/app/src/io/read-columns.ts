/**
 * Reads only the wanted columns of a table file into typed arrays: CSV
 * streamed from disk in chunks (UTF-8 with or without BOM, or Shift_JIS/CP932,
 * decided as `decodeText` decides for the whole file), xlsx through the
 * workbook reader. Memory grows with the rows times the columns asked for,
 * not with the file. The size cap is checked before anything is read.
 */
import { isUtf8 } from 'node:buffer';
import { open, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { type ColumnRequest, type ColumnTable, columnsFromCells, fail, ok, type Result } from '@mirai/core';
import { type Decode, IntColumn, NumberBuilder, TextBuilder } from './column-builders';
import { CsvColumns } from './csv-columns';
import { ioProblems } from './io-problems';

export interface ReadColumnsOptions {
  columns: ColumnRequest;
  /** Largest accepted file in bytes (default 256 MiB for CSV, 50 MB for xlsx). */
  maxBytes?: number;
  /** Worksheet name for xlsx (default: the first). */
  sheet?: string;
  /** Bytes read at a time (default 1 MiB; tests use small chunks to cross record boundaries). */
  chunkBytes?: number;
}

export type ColumnFile = ColumnTable & { file: string; encoding?: string };

/** Default size cap of a CSV read as columns (memory does not grow with the file's other columns). */
export const defaultColumnsMaxBytes = 256 * 1024 * 1024;
const XLSX_MAX_BYTES = 50 * 1024 * 1024;
const CHUNK = 1 << 20;

const utf8 = new TextDecoder('utf-8');
const decodeUtf8: Decode = (b, s, e) => utf8.decode(b.subarray(s, e));
/** CP932 decoding, loaded when a file turns out to be Shift_JIS. */
async function cp932Decoder(): Promise<Decode> {
  const iconv = (await import('iconv-lite')).default;
  return (b, s, e) => iconv.decode(Buffer.from(b.buffer, b.byteOffset + s, e - s), 'cp932');
}

export async function readColumnsFile(
  path: string,
  options: ReadColumnsOptions,
): Promise<Result<ColumnFile>> {
  const file = basename(path);
  const ext = extname(file).toLowerCase();
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    return fail(ioProblems.fileNotFound.create({ file: path }, { file }));
  }
  const xlsx = ext === '.xlsx';
  const maxBytes = options.maxBytes ?? (xlsx ? XLSX_MAX_BYTES : defaultColumnsMaxBytes);
  if (size > maxBytes) return fail(ioProblems.tooLarge.create({ limitBytes: maxBytes }, { file }));
  if (xlsx) {
    const { readTableFile } = await import('./read-table-file');
    const t = await readTableFile(path, { maxBytes, ...(options.sheet ? { sheet: options.sheet } : {}) });
    if (!t.ok) return t;
    const { headers, rows } = t.value;
    return ok({
      ...columnsFromCells(
        headers,
        rows.map((r) => r.row),
        (i, c) => rows[i]?.cells[c] ?? '',
        options.columns,
        file,
      ),
      file,
    });
  }
  if (ext !== '.csv' && ext !== '.txt' && ext !== '.tsv')
    return fail(ioProblems.unsupportedFormat.create({ file }, { file }));
  const first = await readCsv(
    path,
    size,
    file,
    options.chunkBytes ?? CHUNK,
    options.columns,
    ext === '.tsv' ? 9 : 44,
    false,
  );
  // A file that proves not to be UTF-8 after a non-ASCII cell was decoded as UTF-8 is read again as CP932.
  return first === 'restart'
    ? (readCsv(
        path,
        size,
        file,
        options.chunkBytes ?? CHUNK,
        options.columns,
        ext === '.tsv' ? 9 : 44,
        true,
      ) as Promise<Result<ColumnFile>>)
    : first;
}

async function readCsv(
  path: string,
  size: number,
  file: string,
  chunk: number,
  request: ColumnRequest,
  delimiter: number,
  forceCp932: boolean,
): Promise<Result<ColumnFile> | 'restart'> {
  const fh = await open(path, 'r');
  try {
    let buf = Buffer.allocUnsafe(chunk);
    let len = 0;
    let start = 0;
    let encoding: 'utf-8' | 'utf-8-bom' | 'cp932' = forceCp932 ? 'cp932' : 'utf-8';
    let validating = !forceCp932;
    let validated = 0;
    let firstRead = true;
    let reserved = false;
    const rows = new IntColumn();
    const numbers = new Map<string, NumberBuilder>();
    const texts = new Map<string, TextBuilder>();
    let headerProblem: ReturnType<typeof ioProblems.emptyFile.create>[] = [];
    const csv = new CsvColumns(
      delimiter,
      forceCp932 ? await cp932Decoder() : decodeUtf8,
      forceCp932,
      rows,
      (headers) => {
        if (headers.every((h) => h === '')) headerProblem = [ioProblems.emptyFile.create({}, { file })];
        const seen = new Set<string>();
        headers.forEach((h, i) => {
          if (h !== '' && seen.has(h))
            headerProblem.push(ioProblems.duplicateHeader.create({ header: h }, { file, column: i + 1 }));
          seen.add(h);
        });
        const numberOf: (NumberBuilder | undefined)[] = headers.map(() => undefined);
        const textOf: (TextBuilder | undefined)[] = headers.map(() => undefined);
        for (const name of request.numbers) {
          const i = headers.indexOf(name);
          if (i < 0 || name === '') continue;
          const nb = new NumberBuilder();
          numbers.set(name, nb);
          numberOf[i] = nb;
        }
        for (const name of request.texts) {
          const i = headers.indexOf(name);
          if (i < 0 || name === '') continue;
          const tb = new TextBuilder();
          texts.set(name, tb);
          textOf[i] = tb;
        }
        csv.connect(numberOf, textOf);
      },
    );
    for (;;) {
      const { bytesRead } = await fh.read(buf, len, buf.length - len, null);
      len += bytesRead;
      // Before each read the buffer has room, so 0 bytes read means the end of the file.
      const final = bytesRead === 0;
      if (firstRead && len >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf && !forceCp932) {
        start = 3;
        validated = 3;
        encoding = 'utf-8-bom';
        validating = false;
      }
      firstRead = false;
      if (validating) {
        const cut = final ? len : Math.max(buf.lastIndexOf(10, len - 1), buf.lastIndexOf(13, len - 1)) + 1;
        if (cut > validated) {
          if (!isUtf8(buf.subarray(validated, cut))) {
            if (csv.decodedNonAscii) return 'restart';
            encoding = 'cp932';
            csv.decode = await cp932Decoder();
            csv.cp932 = true;
            validating = false;
          }
          validated = cut;
        }
      }
      const consumed = csv.consume(buf, start, len, final);
      if (csv.error)
        return fail(
          ioProblems.csvMalformed.create(
            { reason: csv.error.reason },
            { file, line: csv.error.line, row: csv.error.row },
          ),
        );
      if (headerProblem.length > 0) return fail(headerProblem);
      if (final) break;
      if (!reserved && csv.n > 0) {
        // Size the columns once from the first chunk's bytes per row.
        reserved = true;
        const rowsGuess = Math.ceil((csv.n * size * 1.02) / Math.max(1, consumed));
        for (const x of [rows, ...numbers.values(), ...texts.values()]) x.reserve(rowsGuess);
      }
      if (consumed === start && len === buf.length) {
        // One record longer than the buffer: grow it.
        const bigger = Buffer.allocUnsafe(buf.length * 2);
        buf.copy(bigger, 0, 0, len);
        buf = bigger;
        continue;
      }
      buf.copy(buf, 0, consumed, len);
      len -= consumed;
      validated = Math.max(0, validated - consumed);
      start = 0;
    }
    if (!csv.headers) return fail(ioProblems.emptyFile.create({}, { file }));
    const n = csv.n;
    return ok({
      file,
      encoding,
      n,
      headers: csv.headers.filter((h) => h !== ''),
      rows: rows.done(n),
      numbers: Object.fromEntries([...numbers].map(([k, b]) => [k, b.done(n)])),
      texts: Object.fromEntries([...texts].map(([k, b]) => [k, b.done(n)])),
    });
  } finally {
    await fh.close();
  }
}
