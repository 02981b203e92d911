/**
 * A guard run before any xlsx is parsed: the file size, and from the zip
 * central directory the number of entries, the declared expanded size and
 * each entry's compression ratio. Refuses zip64 archives (an evaluation
 * workbook never needs one). Declared sizes can lie; the limits still stop
 * the common zip bombs before a parser inflates anything.
 */
import { fail, ok, type Problem, type Result } from '@mirai/core';
import { xlsxProblems as X } from './xlsx-problems';

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
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50)
      return problem(X.unreadable.create({ reason: 'damaged zip directory' }, where));
    const compressed = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    if (size === 0xffffffff || compressed === 0xffffffff)
      return problem(X.expandsTooMuch.create({ reason: 'zip64 entry' }, where));
    total += size;
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
  return ok(undefined);
}
