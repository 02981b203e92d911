// The zip guard on archives built here byte by byte (deflate from node:zlib): nothing is inflated.
import { deflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { checkZip, defaultZipLimits } from './zip-guard';

/** A minimal zip archive (no CRCs checked by the guard) with the given entries. */
function zip(entries: { name: string; data: Buffer; declaredSize?: number }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const packed = deflateRawSync(e.data);
    const name = Buffer.from(e.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(e.declaredSize ?? e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(e.declaredSize ?? e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    centrals.push(central, name);
    offset += 30 + name.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

const codes = (r: ReturnType<typeof checkZip>) => (r.ok ? [] : r.problems.map((p) => p.code));

describe('checkZip', () => {
  it('passes an ordinary archive', () => {
    const bytes = zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'.repeat(100)) }]);
    expect(checkZip(bytes, 'a.xlsx')).toEqual({ ok: true, value: undefined });
  });

  it('refuses a highly compressed entry (a zip bomb) before anything is inflated', () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const r = checkZip(bomb, 'bomb.xlsx');
    expect(codes(r)).toEqual(['io/xlsx-expands-too-much']);
    if (!r.ok) expect(r.problems[0]!.where).toEqual({ file: 'bomb.xlsx' });
  });

  it('refuses an entry whose directory understates its size, without inflating past the declared size', () => {
    const liar = zip([
      { name: 'xl/styles.xml', data: Buffer.alloc(20 * 1024 * 1024, 7), declaredSize: 1000 },
    ]);
    const r = checkZip(liar, 'liar.xlsx');
    expect(codes(r)).toEqual(['io/xlsx-expands-too-much']);
    if (!r.ok)
      expect(r.problems[0]!.details).toEqual({ reason: 'an entry expands beyond its declared size' });
  });

  it('refuses too many entries, too large a total, too large a file, and what is not a zip', () => {
    const many = zip(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })));
    expect(codes(checkZip(many, 'm.xlsx', { ...defaultZipLimits, maxEntries: 10 }))).toEqual([
      'io/xlsx-expands-too-much',
    ]);
    const big = zip([{ name: 'a', data: Buffer.from('abc'.repeat(1000)) }]);
    expect(codes(checkZip(big, 'b.xlsx', { ...defaultZipLimits, maxExpandedBytes: 1000 }))).toEqual([
      'io/xlsx-expands-too-much',
    ]);
    expect(codes(checkZip(big, 'b.xlsx', { ...defaultZipLimits, maxBytes: 10 }))).toEqual([
      'io/xlsx-too-large',
    ]);
    expect(codes(checkZip(Buffer.from('name,value\n1,2\n'), 'c.csv'))).toEqual(['io/xlsx-unreadable']);
  });
});
