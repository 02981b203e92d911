// Real files on disk, real decoders (iconv-lite, csv-parse, exceljs); nothing mocked.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { encodeText } from './decode-text';
import { readTableBytes, readTableFile } from './read-table-file';

const dir = mkdtempSync(join(tmpdir(), 'mirai-io-'));
const csv = '指標コード,年度,値\r\nTOP-1,令和6年度,"１，２３４"\r\n\r\nTOP-2,2024,６．７７\r\n';

describe('readTableFile', () => {
  it('reads CP932 (Shift_JIS) CSV as Excel saves it', async () => {
    const path = join(dir, 'sjis.csv');
    writeFileSync(path, encodeText(csv, 'cp932'));
    const r = await readTableFile(path);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.encoding).toBe('cp932');
    expect(r.value.headers).toEqual(['指標コード', '年度', '値']);
    expect(r.value.rows).toEqual([
      { row: 2, cells: { 指標コード: 'TOP-1', 年度: '令和6年度', 値: '1,234' } },
      { row: 4, cells: { 指標コード: 'TOP-2', 年度: '2024', 値: '6.77' } },
    ]);
  });

  it('reads UTF-8 with and without BOM alike', async () => {
    const a = join(dir, 'bom.csv');
    const b = join(dir, 'plain.csv');
    writeFileSync(a, encodeText(csv, 'utf-8-bom'));
    writeFileSync(b, csv, 'utf8');
    const ra = await readTableFile(a);
    const rb = await readTableFile(b);
    expect(ra.ok && rb.ok).toBe(true);
    if (ra.ok && rb.ok) {
      expect(ra.value.encoding).toBe('utf-8-bom');
      expect(rb.value.encoding).toBe('utf-8');
      expect(ra.value.rows).toEqual(rb.value.rows);
    }
  });

  it('reads the first worksheet of an xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('実績');
    ws.addRow(['指標コード', '年度', '値']);
    ws.addRow(['TOP-1', 2024, 6.77]);
    ws.addRow(['TOP-2', '令和6年度', { formula: '1+1', result: 2 }]);
    const path = join(dir, 'book.xlsx');
    await wb.xlsx.writeFile(path);
    const r = await readTableFile(path);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.sheet).toBe('実績');
    expect(r.value.rows[0]).toEqual({ row: 2, cells: { 指標コード: 'TOP-1', 年度: '2024', 値: '6.77' } });
    expect(r.value.rows[1]?.cells['値']).toBe('2');
  });

  it('names the problem for duplicate headers, unknown formats and missing files', async () => {
    const dup = join(dir, 'dup.csv');
    writeFileSync(dup, 'a,b,a\n1,2,3\n');
    const r1 = await readTableFile(dup);
    expect(r1.ok ? [] : r1.problems.map((p) => [p.code, p.where?.column])).toEqual([
      ['io/duplicate-header', 3],
    ]);
    const r2 = await readTableFile(join(dir, 'x.pdf'));
    expect(r2.ok ? '' : r2.problems[0]?.code).toBe('io/file-not-found');
    writeFileSync(join(dir, 'x.pdf'), 'x');
    const r3 = await readTableFile(join(dir, 'x.pdf'));
    expect(r3.ok ? '' : r3.problems[0]?.code).toBe('io/unsupported-format');
  });
});

describe('readTableBytes off the server thread (a background import)', () => {
  it('splits a CSV in the worker with the same table, encoding and problems as in place', async () => {
    // More rows than one message from the worker carries: the parts come back whole and in order.
    const rows = Array.from(
      { length: 25_001 },
      (_, i) => `K-${i},令和７年度,"１,${String(i).padStart(3, '0')}",メモ ${i}`,
    );
    const csv = `指標コード,年度,実績値,備考\n${rows.join('\r\n')}\n\n`;
    for (const encoding of ['cp932', 'utf-8-bom'] as const) {
      const bytes = encodeText(csv, encoding);
      const inPlace = await readTableBytes(bytes, 'a.csv', { kind: 'actuals' });
      const offThread = await readTableBytes(bytes, 'a.csv', { kind: 'actuals', offThread: true });
      if (!inPlace.ok) throw new Error(JSON.stringify(inPlace.problems));
      expect(inPlace.value.rows).toHaveLength(25_001);
      expect(inPlace.value.rows.at(-1)!.cells['指標コード']).toBe('K-25000');
      expect(inPlace.value.rows[1]!.cells['実績値']).toBe('1,001');
      expect(offThread).toEqual(inPlace);
    }
    const tsv = encodeText('code\tvalue\nA\t1\n', 'utf-8-bom');
    expect(await readTableBytes(tsv, 'a.tsv', { offThread: true })).toEqual(
      await readTableBytes(tsv, 'a.tsv'),
    );
    const broken = Buffer.from('code,value\nA,"1\nB,2\n');
    const a = await readTableBytes(broken, 'b.csv');
    const b = await readTableBytes(broken, 'b.csv', { offThread: true });
    expect(a.ok).toBe(false);
    expect(b).toEqual(a);
  });
});

describe('readTableFile and zip bombs', () => {
  it('refuses an xlsx whose entries expand far beyond their compressed size, before parsing', async () => {
    // A zip with one highly compressible 4 MB entry, made with Node's own deflate.
    const { deflateRawSync, crc32 } = await import('node:zlib');
    const name = Buffer.from('xl/worksheets/sheet1.xml');
    const data = Buffer.alloc(4 * 1024 * 1024, 0x20);
    const packed = deflateRawSync(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc32(data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc32(data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    const cdOffset = local.length + name.length + packed.length;
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(1, 8);
    end.writeUInt16LE(1, 10);
    end.writeUInt32LE(central.length + name.length, 12);
    end.writeUInt32LE(cdOffset, 16);
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(path, Buffer.concat([local, name, packed, central, name, end]));
    const r = await readTableFile(path);
    expect(r.ok ? '' : r.problems[0]?.code).toBe('io/xlsx-expands-too-much');
  });
});
