/**
 * A guard run before any xlsx is parsed: the file size, and from the zip
 * central directory the number of entries, the declared expanded size and
 * each entry's compression ratio; then each entry is inflated once, as a
 * stream (nothing inflated is kept), stopping as soon as it passes its
 * declared size or the worksheets pass the cell budget (every `<c>` element
 * counted as it streams by), so a directory that lies about sizes or a sheet
 * of millions of cells is refused before the xlsx parser sees anything.
 * Refuses zip64 archives (no office workbook needs one). Decision 0097.
 */
import { createInflateRaw } from 'node:zlib';
import { fail, ok, type Problem, type Result } from '@mirai/core';
import { ioProblems } from './io-problems';
import { type UploadKind, uploadLimits } from './upload-limits';

const X = {
  tooLarge: ioProblems.xlsxTooLarge,
  expandsTooMuch: ioProblems.xlsxExpandsTooMuch,
  unreadable: ioProblems.xlsxUnreadable,
};

export interface ZipLimits {
  maxBytes: number;
  maxExpandedBytes: number;
  maxEntries: number;
  maxRatio: number;
  /** Cells (`<c>` elements) in all worksheets together. */
  maxCells?: number;
}

export const defaultZipLimits: ZipLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxExpandedBytes: 400 * 1024 * 1024,
  maxEntries: 5000,
  maxRatio: 200,
  maxCells: 3_000_000,
};

export async function checkZip(
  bytes: Uint8Array,
  file: string,
  limits: ZipLimits = defaultZipLimits,
): Promise<Result<void>> {
  const where = { file };
  const problem = (p: Problem) => fail<void>(p);
  if (bytes.length > limits.maxBytes)
    return problem(X.tooLarge.create({ bytes: bytes.length, max: limits.maxBytes }, where));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return problem(X.unreadable.create({ reason: 'not a zip archive' }, where));
  const entries = view.getUint16(eocd + 10, true);
  const cdOffset = view.getUint32(eocd + 16, true);
  if (entries === 0xffff || cdOffset === 0xffffffff)
    return problem(X.expandsTooMuch.create({ reason: 'zip64 archive' }, where));
  if (entries > limits.maxEntries)
    return problem(X.expandsTooMuch.create({ reason: `${entries} entries > ${limits.maxEntries}` }, where));
  let offset = cdOffset;
  let total = 0;
  const listed: Listed[] = [];
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50)
      return problem(X.unreadable.create({ reason: 'damaged zip directory' }, where));
    const compressed = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff || compressed === 0xffffffff)
      return problem(X.expandsTooMuch.create({ reason: 'zip64 entry' }, where));
    total += size;
    const nameLength = view.getUint16(offset + 28, true);
    listed.push({
      method: view.getUint16(offset + 10, true),
      compressed,
      size,
      local: view.getUint32(offset + 42, true),
      sheet: /^xl\/worksheets\/[^/]+\.xml$/.test(
        Buffer.from(bytes.buffer, bytes.byteOffset + offset + 46, nameLength).toString('latin1'),
      ),
    });
    if (size > 1024 * 1024 && size / Math.max(1, compressed) > limits.maxRatio)
      return problem(
        X.expandsTooMuch.create(
          { reason: `an entry expands ${Math.round(size / Math.max(1, compressed))}×` },
          where,
        ),
      );
    offset +=
      46 +
      view.getUint16(offset + 28, true) +
      view.getUint16(offset + 30, true) +
      view.getUint16(offset + 32, true);
  }
  if (total > limits.maxExpandedBytes)
    return problem(
      X.expandsTooMuch.create({ reason: `${total} bytes expanded > ${limits.maxExpandedBytes}` }, where),
    );
  return checkInflation(bytes, view, listed, file, limits.maxCells ?? Number.POSITIVE_INFINITY);
}

interface Listed {
  method: number;
  compressed: number;
  size: number;
  local: number;
  /** A worksheet: its cells are counted. */
  sheet: boolean;
}

/**
 * Inflates each entry once as a stream, never past its declared size (the declared sizes must be
 * true), counting worksheet cells against the budget; stops at the first entry over either.
 */
async function checkInflation(
  bytes: Uint8Array,
  view: DataView,
  listed: readonly Listed[],
  file: string,
  maxCells: number,
): Promise<Result<void>> {
  const where = { file };
  const problem = (p: Problem) => fail<void>(p);
  let cells = 0;
  for (const e of listed) {
    if (e.local + 30 > bytes.length || view.getUint32(e.local, true) !== 0x04034b50)
      return problem(X.unreadable.create({ reason: 'damaged zip entry' }, where));
    const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
    const data = bytes.subarray(start, start + e.compressed);
    if (e.method === 0) {
      if (e.compressed !== e.size)
        return problem(X.expandsTooMuch.create({ reason: 'stored entry size mismatch' }, where));
      if (e.sheet) cells += countCells(Buffer.from(data.buffer, data.byteOffset, data.byteLength), '');
      if (cells > maxCells) return problem(tooManyCells(maxCells, where));
      continue;
    }
    if (e.method !== 8)
      return problem(X.unreadable.create({ reason: `compression method ${e.method}` }, where));
    const r = await inflateCounting(data, e, () => cells, maxCells);
    if (r.kind === 'damaged')
      return problem(X.unreadable.create({ reason: 'damaged compressed data' }, where));
    if (r.kind === 'over-size')
      return problem(X.expandsTooMuch.create({ reason: 'an entry expands beyond its declared size' }, where));
    cells += r.cells;
    if (r.kind !== 'done' || cells > maxCells) return problem(tooManyCells(maxCells, where));
    if (r.inflated !== e.size)
      return problem(X.expandsTooMuch.create({ reason: 'an entry does not match its declared size' }, where));
  }
  return ok(undefined);
}

const tooManyCells = (maxCells: number, where: { file: string }) =>
  X.expandsTooMuch.create({ reason: `more than ${maxCells} cells` }, where);

type Inflated =
  | { kind: 'done'; inflated: number; cells: number }
  | { kind: 'over-size' | 'over-cells'; cells: number }
  | { kind: 'damaged' };

/** Inflates one entry chunk by chunk; what is inflated is counted and dropped. */
function inflateCounting(
  data: Uint8Array,
  e: Listed,
  cellsBefore: () => number,
  maxCells: number,
): Promise<Inflated> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let inflated = 0;
    let cells = 0;
    let tail = '';
    let settled = false;
    const settle = (r: Inflated) => {
      if (settled) return;
      settled = true;
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(r);
    };
    inflate.on('data', (chunk: Buffer) => {
      inflated += chunk.length;
      if (inflated > e.size) return settle({ kind: 'over-size', cells });
      if (e.sheet) {
        const text = chunk.toString('latin1');
        cells += countCells(text, tail);
        tail = text.slice(-2);
        if (cellsBefore() + cells > maxCells) return settle({ kind: 'over-cells', cells });
      }
    });
    inflate.on('error', () => settle({ kind: 'damaged' }));
    inflate.on('end', () => settle({ kind: 'done', inflated, cells }));
    inflate.end(data);
  });
}

/** `<c>` and `<c ` elements in a chunk of sheet XML; `tail` is the previous chunk's last characters. */
function countCells(chunk: Buffer | string, tail: string): number {
  const text = tail + (typeof chunk === 'string' ? chunk : chunk.toString('latin1'));
  let n = 0;
  for (let i = text.indexOf('<c'); i >= 0; i = text.indexOf('<c', i + 2)) {
    const next = text.charCodeAt(i + 2);
    // <c>, <c r=…>, <c/>: a cell (not <cols>, <cfRule>, …). A match whose next character was not yet
    // read is left for the next chunk (it starts with this one's last two characters).
    if (i + 2 < text.length && (next === 0x3e || next === 0x20 || next === 0x2f)) n++;
  }
  return n;
}

/** The guard's limits for an upload of this kind (upload-limits.ts). */
export function zipLimitsFor(kind: UploadKind): ZipLimits {
  const l = uploadLimits[kind];
  return {
    ...defaultZipLimits,
    maxBytes: l.maxBytes,
    maxExpandedBytes: l.maxInflatedBytes,
    maxCells: l.maxCells,
  };
}
