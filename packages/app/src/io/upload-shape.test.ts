import { describe, expect, it } from 'vitest';
import { checkUploadShape } from './upload-shape';

const codes = (r: ReturnType<typeof checkUploadShape>) => (r.ok ? [] : r.problems.map((p) => p.code));

describe('checkUploadShape', () => {
  it('refuses an empty file and an xlsx that is not a zip, naming the file', () => {
    expect(codes(checkUploadShape(new Uint8Array(), 'a.csv'))).toEqual(['io/empty-file']);
    const json = new TextEncoder().encode('{"a":1}');
    expect(codes(checkUploadShape(json, 'upload.xlsx'))).toEqual(['io/xlsx-unreadable']);
    expect(codes(checkUploadShape(json, 'upload.bin', 'xlsx'))).toEqual(['io/xlsx-unreadable']);
    const r = checkUploadShape(json, 'upload.xlsx');
    expect(!r.ok && r.problems[0]!.where?.file).toBe('upload.xlsx');
  });
  it('leaves the rest to the job: any non-empty CSV, any zip named xlsx', () => {
    expect(codes(checkUploadShape(new TextEncoder().encode('code,value'), 'a.csv'))).toEqual([]);
    expect(codes(checkUploadShape(new Uint8Array([0x50, 0x4b, 3, 4, 0]), 'a.xlsx'))).toEqual([]);
  });
});
