import { describe, expect, it } from 'vitest';
import { placePaste, readPastedBlock } from './actuals-paste';

const shape = {
  rows: [
    { code: 'A-1', names: ['転入者数', 'In-migrants'] },
    { code: 'A-2', names: ['待機児童数'] },
    { code: 'A-3', names: ['図書館の貸出冊数'] },
  ],
  years: [2024, 2025, 2026],
};

describe('readPastedBlock', () => {
  it('reads Excel’s tab/newline clipboard with quoted cells and a trailing newline', () => {
    expect(readPastedBlock('令和6年度\t令和7年度\r\n１，２３４\t"12\n34"\r\n"a""b"\t\r\n')).toEqual([
      ['令和6年度', '令和7年度'],
      ['１，２３４', '12\n34'],
      ['a"b', ''],
    ]);
  });
});

describe('placePaste', () => {
  it('places a plain block from the cell pasted into, counting what falls off the edge', () => {
    const p = placePaste(readPastedBlock('1\t2\n3\t4\n5\t6\n'), { row: 1, col: 1 }, shape);
    expect(p.values).toEqual([
      { code: 'A-2', fiscalYear: 2025, value: '1' },
      { code: 'A-2', fiscalYear: 2026, value: '2' },
      { code: 'A-3', fiscalYear: 2025, value: '3' },
      { code: 'A-3', fiscalYear: 2026, value: '4' },
    ]);
    expect(p.outside).toBe(2);
  });

  it('follows a 和暦 year header and a column of indicator names, wherever it is pasted', () => {
    const text = '指標\t令和7年度\tＲ８\n待機児童数\t３\t２\n転入者数\t２，１０５\t\n';
    const p = placePaste(readPastedBlock(text), { row: 2, col: 2 }, shape);
    expect(p.yearHeader).toBe(true);
    expect(p.codeColumn).toBe(true);
    expect(p.values).toEqual([
      { code: 'A-2', fiscalYear: 2025, value: '３' },
      { code: 'A-2', fiscalYear: 2026, value: '２' },
      { code: 'A-1', fiscalYear: 2025, value: '２，１０５' },
      { code: 'A-1', fiscalYear: 2026, value: '' },
    ]);
  });

  it('a year header alone picks the columns; years outside the grid are counted, not placed', () => {
    const p = placePaste(readPastedBlock('令和6年度\t2040年度\n10\t11\n'), { row: 0, col: 2 }, shape);
    expect(p.values).toEqual([{ code: 'A-1', fiscalYear: 2024, value: '10' }]);
    expect(p.outside).toBe(1);
  });
});
