/**
 * A guard run before any xlsx is parsed: the file size, and from the zip
 * central directory the number of entries, the declared expanded size and
 * each entry's compression ratio; then each entry is inflated once with a
 * hard output cap at its declared size, so a directory that lies about sizes
 * is caught before the xlsx parser inflates anything. Refuses zip64 archives
 * (no office workbook needs one).
 */
import { inflateRawSync } from 'node:zlib';
import { fail, ok, type Problem, type Result } from '@mirai/core';
import { ioProblems } from './io-problems';

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
}

export const defaultZipLimits: ZipLimits = {
  maxBytes: 20 * 1024 * 1024,
  maxExpandedBytes: 400 * 1024 * 1024,
  maxEntries: 5000,
  maxRatio: 200,
};

export function checkZip(
  bytes: Uint8Array,
  file: string,
  limits: ZipLimits = defaultZipLimits,
): Result<void> {
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
  const listed: { method: number; compressed: number; size: number; local: number }[] = [];
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50)
      return problem(X.unreadable.create({ reason: 'damaged zip directory' }, where));
    const compressed = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff || compressed === 0xffffffff)
      return problem(X.expandsTooMuch.create({ reason: 'zip64 entry' }, where));
    total += size;
    listed.push({
      method: view.getUint16(offset + 10, true),
      compressed,
      size,
      local: view.getUint32(offset + 42, true),
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
  return checkInflation(bytes, view, listed, file);
}

/** Inflates each entry once, never past its declared size: the declared sizes must be true. */
function checkInflation(
  bytes: Uint8Array,
  view: DataView,
  listed: readonly { method: number; compressed: number; size: number; local: number }[],
  file: string,
): Result<void> {
  const where = { file };
  const problem = (p: Problem) => fail<void>(p);
  for (const e of listed) {
    if (e.local + 30 > bytes.length || view.getUint32(e.local, true) !== 0x04034b50)
      return problem(X.unreadable.create({ reason: 'damaged zip entry' }, where));
    const start = e.local + 30 + view.getUint16(e.local + 26, true) + view.getUint16(e.local + 28, true);
    const data = bytes.subarray(start, start + e.compressed);
    if (e.method === 0) {
      if (e.compressed !== e.size)
        return problem(X.expandsTooMuch.create({ reason: 'stored entry size mismatch' }, where));
      continue;
    }
    if (e.method !== 8)
      return problem(X.unreadable.create({ reason: `compression method ${e.method}` }, where));
    let inflated: number;
    try {
      inflated = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) }).length;
    } catch (error) {
      const tooBig = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE';
      return problem(
        tooBig
          ? X.expandsTooMuch.create({ reason: 'an entry expands beyond its declared size' }, where)
          : X.unreadable.create({ reason: 'damaged compressed data' }, where),
      );
    }
    if (inflated !== e.size)
      return problem(X.expandsTooMuch.create({ reason: 'an entry does not match its declared size' }, where));
  }
  return ok(undefined);
}
