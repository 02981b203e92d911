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

const codes = (r: Awaited<ReturnType<typeof checkZip>>) => (r.ok ? [] : r.problems.map((p) => p.code));

describe('checkZip', () => {
  it('passes an ordinary archive', async () => {
    const bytes = zip([{ name: 'xl/workbook.xml', data: Buffer.from('<workbook/>'.repeat(100)) }]);
    expect(await checkZip(bytes, 'a.xlsx')).toEqual({ ok: true, value: undefined });
  });

  it('refuses a highly compressed entry (a zip bomb) before anything is inflated', async () => {
    const bomb = zip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(50 * 1024 * 1024) }]);
    expect(bomb.length).toBeLessThan(100 * 1024);
    const r = await checkZip(bomb, 'bomb.xlsx');
    expect(codes(r)).toEqual(['io/xlsx-expands-too-much']);
    if (!r.ok) expect(r.problems[0]!.where).toEqual({ file: 'bomb.xlsx' });
  });

  it('refuses an entry whose directory understates its size, without inflating past the declared size', async () => {
    const liar = zip([
      { name: 'xl/styles.xml', data: Buffer.alloc(20 * 1024 * 1024, 7), declaredSize: 1000 },
    ]);
    const r = await checkZip(liar, 'liar.xlsx');
    expect(codes(r)).toEqual(['io/xlsx-expands-too-much']);
    if (!r.ok)
      expect(r.problems[0]!.details).toEqual({ reason: 'an entry expands beyond its declared size' });
  });

  it('counts worksheet cells as the entry inflates (across chunk edges) and refuses past the budget', async () => {
    const row = `<row r="1">${'<c r="A1" t="n"><v>1</v></c><c/>'.repeat(50)}</row>`;
    const xml = `<worksheet><cols><col min="1"/></cols><sheetData>${row.repeat(1000)}</sheetData></worksheet>`;
    const book = zip([
      { name: 'xl/worksheets/sheet1.xml', data: Buffer.from(xml) },
      // The same XML outside the worksheets is not counted.
      { name: 'xl/sharedStrings.xml', data: Buffer.from(xml) },
    ]);
    const limits = { ...defaultZipLimits, maxRatio: 10_000 };
    expect(await checkZip(book, 's.xlsx', { ...limits, maxCells: 100_000 })).toEqual({
      ok: true,
      value: undefined,
    });
    const r = await checkZip(book, 's.xlsx', { ...limits, maxCells: 99_999 });
    expect(codes(r)).toEqual(['io/xlsx-expands-too-much']);
    if (!r.ok) expect(r.problems[0]!.details).toEqual({ reason: 'more than 99999 cells' });
  });

  it('refuses too many entries, too large a total, too large a file, and what is not a zip', async () => {
    const many = zip(Array.from({ length: 20 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })));
    expect(codes(await checkZip(many, 'm.xlsx', { ...defaultZipLimits, maxEntries: 10 }))).toEqual([
      'io/xlsx-expands-too-much',
    ]);
    const big = zip([{ name: 'a', data: Buffer.from('abc'.repeat(1000)) }]);
    expect(codes(await checkZip(big, 'b.xlsx', { ...defaultZipLimits, maxExpandedBytes: 1000 }))).toEqual([
      'io/xlsx-expands-too-much',
    ]);
    expect(codes(await checkZip(big, 'b.xlsx', { ...defaultZipLimits, maxBytes: 10 }))).toEqual([
      'io/xlsx-too-large',
    ]);
    expect(codes(await checkZip(Buffer.from('name,value\n1,2\n'), 'c.csv'))).toEqual(['io/xlsx-unreadable']);
  });
});
