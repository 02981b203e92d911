// The evaluation workbook's reader in the worker (decision 0151): every worksheet's first columns,
// values as ExcelJS gives them in place, in parts larger than one message.
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { readXlsxCellsInWorker } from './table-worker';

it('answers each worksheet with the values ExcelJS reads in place, past one message of rows', async () => {
  const wb = new ExcelJS.Workbook();
  const a = wb.addWorksheet('ids');
  a.getCell('A1').value = '  text  ';
  a.getCell('B1').value = 42.5;
  a.getCell('C1').value = { richText: [{ text: '太' }, { text: '字', font: { bold: true } }] };
  a.getCell('D1').value = { formula: '1+1', result: 2 };
  a.getCell('E1').value = { text: 'link', hyperlink: 'https://example.org' };
  a.getCell('F1').value = new Date(Date.UTC(2025, 3, 1));
  a.getCell('G1').value = 'beyond the columns read';
  a.getCell('B4').value = true;
  const b = wb.addWorksheet('様式');
  for (let r = 1; r <= 12_345; r++) b.getRow(r).values = [`row ${r}`, r];
  const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

  const inPlace = new ExcelJS.Workbook();
  await inPlace.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  const read = await readXlsxCellsInWorker(bytes, 'book.xlsx', { columns: 6, maxMemoryMb: 256 });
  if (!read.ok) throw new Error(JSON.stringify(read.problems));
  expect([...read.value.keys()]).toEqual(['ids', '様式']);
  const ids = read.value.get('ids')!;
  const ws = inPlace.getWorksheet('ids')!;
  expect(ids.rowCount).toBe(ws.rowCount);
  for (let c = 1; c <= 6; c++) expect(ids.value(1, c)).toEqual(plain(ws.getRow(1).getCell(c).value));
  expect(ids.value(1, 7)).toBeNull();
  expect(ids.value(4, 2)).toBe(true);
  expect(ids.value(99, 1)).toBeNull();
  const sheet = read.value.get('様式')!;
  expect(sheet.rowCount).toBe(12_345);
  expect([sheet.value(1, 1), sheet.value(12_345, 1), sheet.value(12_345, 2)]).toEqual([
    'row 1',
    'row 12345',
    12_345,
  ]);
});

it('answers an unreadable file as a catalogued problem', async () => {
  const read = await readXlsxCellsInWorker(new Uint8Array([0x50, 0x4b, 3, 4, 1, 2]), 'x.xlsx', {
    columns: 6,
    maxMemoryMb: 64,
  });
  expect(!read.ok && read.problems[0]?.code).toBe('io/xlsx-unreadable');
});

/** What survives the copy out of the worker: rich text without its fonts, a formula's result, a link's text. */
function plain(v: ExcelJS.CellValue): unknown {
  if (v && typeof v === 'object' && !(v instanceof Date)) {
    if ('richText' in v) return { richText: v.richText.map((r) => ({ text: r.text })) };
    if ('result' in v) return { result: v.result };
    if ('text' in v) return { text: String(v.text) };
  }
  return v;
}
