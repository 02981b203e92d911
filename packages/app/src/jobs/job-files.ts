/**
 * Several uploaded files as one job input (a job keeps one file with it): a
 * 4-byte length, a JSON index of names and sizes, then the bytes in order.
 */
import { fail, ok, type Result } from '@mirai/core';
import { jobProblems } from './job-problems';

export interface JobFile {
  /** What the file is to the job (`responses`, `population`). */
  role: string;
  /** The name it was uploaded under. */
  name: string;
  bytes: Uint8Array;
}

export function packJobFiles(files: readonly JobFile[]): Uint8Array {
  const index = Buffer.from(
    JSON.stringify(files.map((f) => ({ role: f.role, name: f.name, size: f.bytes.byteLength }))),
  );
  const head = Buffer.alloc(4);
  head.writeUInt32BE(index.length, 0);
  return Buffer.concat([head, index, ...files.map((f) => f.bytes)]);
}

export function unpackJobFiles(packed: Uint8Array): Result<JobFile[]> {
  try {
    const buf = Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength);
    const length = buf.readUInt32BE(0);
    const index = JSON.parse(buf.subarray(4, 4 + length).toString('utf8')) as {
      role: string;
      name: string;
      size: number;
    }[];
    let at = 4 + length;
    const files = index.map((f) => {
      const bytes = new Uint8Array(buf.subarray(at, at + f.size));
      at += f.size;
      return { role: f.role, name: f.name, bytes };
    });
    if (at !== buf.length) return fail(jobProblems.inputMissing.create({}));
    return ok(files);
  } catch {
    return fail(jobProblems.inputMissing.create({}));
  }
}
