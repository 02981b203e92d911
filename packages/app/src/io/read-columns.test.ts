// The streaming column reader against the whole-file reader (csv-parse, iconv-lite, exceljs) on real files.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type ColumnTable, columnsForEstimate, estimateFromColumns } from '@mirai/core';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeText } from './decode-text';
import { readColumnsFile } from './read-columns';
import { readTableFile } from './read-table-file';

const dir = mkdtempSync(join(tmpdir(), 'mirai-columns-'));
let files = 0;
function write(content: string | Buffer, ext = 'csv'): string {
  const path = join(dir, `f${files++}.${ext}`);
  writeFileSync(path, content);
  return path;
}

/** The table as cell texts (numbers as read), to compare with readTableFile's rows. */
function cells(t: ColumnTable) {
  return Array.from(t.rows, (row, i) => ({
    row,
    texts: Object.fromEntries(
      Object.entries(t.texts).map(([k, c]) => [k, c.levels[c.codes[i] as number] as string]),
    ),
    numbers: Object.fromEntries(Object.entries(t.numbers).map(([k, c]) => [k, c.values[i] as number])),
  }));
}

/** What the whole-file reader makes of the same file, in the same shape. */
async function expected(path: string, texts: string[], numbers: string[]) {
  const t = await readTableFile(path);
  if (!t.ok) throw new Error(JSON.stringify(t.problems));
  const num = (s: string) => {
    const v = s.trim();
    return v === '' || v === 'NA' || !Number.isFinite(Number(v)) ? Number.NaN : Number(v);
  };
  return {
    headers: t.value.headers,
    encoding: t.value.encoding,
    rows: t.value.rows.map((r) => ({
      row: r.row,
      texts: Object.fromEntries(texts.map((k) => [k, r.cells[k] ?? ''])),
      numbers: Object.fromEntries(numbers.map((k) => [k, num(r.cells[k] ?? '')])),
    })),
  };
}

async function same(path: string, texts: string[], numbers: string[], chunkBytes?: number) {
  const r = await readColumnsFile(path, {
    columns: { texts, numbers },
    ...(chunkBytes ? { chunkBytes } : {}),
  });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  const want = await expected(path, texts, numbers);
  expect(r.value.headers).toEqual(want.headers);
  expect(r.value.encoding).toBe(want.encoding);
  expect(cells(r.value)).toEqual(want.rows);
}

const tricky =
  '地区,年代,"幸福,度",メモ\r\n' +
  '大門,20s,７,"改行\n入り"\r\n' +
  '\r\n' +
  '"吉田","30s",8.50,"引用""符"""\r\n' +
  '　,　,　,　\r\n' +
  '広丘,40s\r\n' +
  ' 北小野 ,50s, 10 ,x\r\n' +
  '楢川,60s,abc,\r\n' +
  '宗賀,70+,-0.25,最後';

describe('readColumnsFile', () => {
  it('reads what readTableFile reads: quotes, CRLF, blank rows, short rows, full-width text', async () => {
    for (const enc of ['utf-8', 'utf-8-bom', 'cp932'] as const) {
      const path = write(enc === 'utf-8' ? tricky : encodeText(tricky, enc));
      await same(path, ['地区', '年代', 'メモ'], ['幸福,度']);
      await same(path, ['地区'], ['幸福,度'], 7);
    }
  });

  it('keeps records across chunk boundaries and re-reads a file that turns out to be Shift_JIS', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.tuple(
            fc.constantFrom('a', '大門', '"q,""x"""', ' 1 ', '２', '', '"multi\nline"', 'NA', '1e3', '-7.5'),
            fc.constantFrom('F', 'M', '"F"', ''),
          ),
          { maxLength: 30 },
        ),
        fc.constantFrom('\n', '\r\n'),
        fc.integer({ min: 4, max: 40 }),
        async (rows, nl, chunk) => {
          // One line end per file: csv-parse (the reference) keeps the first one it sees.
          const text = `v,s${nl}${rows.map(([v, s]) => `${v},${s}${nl}`).join('')}`;
          await same(write(text), ['s', 'v'], ['v'], chunk);
        },
      ),
      { numRuns: 40 },
    );
    // ASCII first, Japanese later: decided as UTF-8 until the later chunk proves otherwise.
    const sjis = `a,b\n${'x,1\n'.repeat(50)}${'大門,2\n'.repeat(3)}`;
    await same(write(encodeText(sjis, 'cp932')), ['a'], ['b'], 16);
  });

  it("grows the columns past the first chunk's guess of the rows, and trims them to the rows read", async () => {
    // Long rows first: the guess from the first chunk is ~10× too low, so the columns grow while reading.
    const text = `v,s\n${'1234.5,long-label-for-the-first-rows-of-this-file-only-to-make-them-wide\n'.repeat(40)}${Array.from({ length: 4000 }, (_, k) => `${k % 11},${k % 3 ? 'F' : 'M'}\n`).join('')}`;
    const path = write(text);
    await same(path, ['s'], ['v'], 256);
    const r = await readColumnsFile(path, { columns: { texts: ['s'], numbers: ['v'] }, chunkBytes: 256 });
    if (!r.ok) throw new Error('read');
    expect(r.value.n).toBe(4040);
    expect([r.value.rows.length, r.value.numbers.v?.values.length, r.value.texts.s?.codes.length]).toEqual([
      4040, 4040, 4040,
    ]);
  });

  it('reads xlsx through the workbook reader', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('回答');
    ws.addRow(['年代', '幸福度']);
    ws.addRow(['20s', 7]);
    ws.addRow(['30s', '８']);
    const path = join(dir, 'answers.xlsx');
    await wb.xlsx.writeFile(path);
    await same(path, ['年代'], ['幸福度']);
  });

  it('checks the size cap before reading, and names malformed CSV and bad cells with file, row and column', async () => {
    const path = write('a,b\n1,2\n');
    const big = await readColumnsFile(path, { columns: { texts: ['a'], numbers: [] }, maxBytes: 4 });
    expect(!big.ok && big.problems[0]).toMatchObject({
      code: 'io/too-large',
      where: { file: expect.any(String) },
    });
    const bad = await readColumnsFile(write('a,b\n1,"2\n3,4\n'), { columns: { texts: ['a'], numbers: [] } });
    expect(!bad.ok && bad.problems[0]).toMatchObject({
      code: 'io/csv-malformed',
      where: { line: 2, row: 2 },
    });
    const quote = await readColumnsFile(write('a,b\n1,x"y\n'), { columns: { texts: ['a'], numbers: [] } });
    expect(!quote.ok && quote.problems[0]?.code).toBe('io/csv-malformed');
    const dup = await readColumnsFile(write('a,a\n1,2\n'), { columns: { texts: ['a'], numbers: [] } });
    expect(!dup.ok && dup.problems[0]?.code).toBe('io/duplicate-header');

    const spec = { variable: 'happiness', weights: 'w' };
    const data = await readColumnsFile(write('id,happiness,w\n1,5,1\n2,five,1\n3,6,\n'), {
      columns: columnsForEstimate(spec),
    });
    if (!data.ok) throw new Error('read');
    const r = estimateFromColumns(data.value, spec);
    expect(!r.ok && r.problems.map((p) => [p.code, p.where?.row, p.where?.column])).toEqual([
      ['survey/not-a-number', 3, 'happiness'],
      ['survey/value-missing', 4, 'w'],
    ]);
    expect(!r.ok && r.problems[0]?.where?.file).toMatch(/\.csv$/);
  });
});
