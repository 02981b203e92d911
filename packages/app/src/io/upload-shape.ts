/**
 * What can be refused about an upload before a job is queued for it: an empty file, and an xlsx
 * that is not a zip archive at all (a workbook always starts with the zip signature `PK\x03\x04`).
 * O(1), so the request answers 422 at once and nothing is queued; the rest is the job's work.
 */
import { fail, ok, type Result } from '@mirai/core';
import { ioProblems } from './io-problems';

const isXlsxName = (file: string) => /\.xlsx$/i.test(file);

export function checkUploadShape(bytes: Uint8Array, file: string, expect?: 'xlsx'): Result<true> {
  if (bytes.byteLength === 0) return fail(ioProblems.emptyFile.create({}, { file }));
  const zip =
    bytes.byteLength >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 3 && bytes[3] === 4;
  if ((expect === 'xlsx' || isXlsxName(file)) && !zip)
    return fail(ioProblems.xlsxUnreadable.create({ reason: 'not an xlsx (zip) file' }, { file }));
  return ok(true);
}
