import { describe, expect, it } from 'vitest';
import type { Problem } from '../errors';
import { actual, anxiety, happiness, population } from './test-fixtures';
import { type ImportTable, startImportRowCheck, validateImportRows } from './validate-import-rows';

const ctx = {
  definitions: [happiness, population, anxiety],
  plan: { startFiscalYear: 2024, endFiscalYear: 2032 },
};
const headers = ['指標コード', '年度', '実績値', '地域', '出典', '備考'];
const table = (rows: string[][], h = headers): ImportTable => ({
  file: 'actuals.csv',
  headers: h,
  rows: rows.map((cells, i) => ({
    row: i + 2,
    cells: Object.fromEntries(h.map((name, j) => [name, cells[j] ?? ''])),
  })),
});
const problems = (r: ReturnType<typeof validateImportRows>): Problem[] => (r.ok ? [] : r.problems);

describe('validateImportRows', () => {
  it('accepts values as typed in Japanese offices', () => {
    const r = validateImportRows(
      table([
        ['TOP-POPULATION', '令和7年度', '６６，０８５', '', '国勢調査', ''],
        ['TOP-HAPPINESS', 'R6', '6.81点', '', '', ''],
        ['K-ANXIETY', 'ＦＹ２０２５', '37.5%', 'north', '', 'メモ'],
        ['K-ANXIETY', '2025年度', '38', '', '', ''],
        ['', '', '', '', '', ''],
      ]),
      ctx,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value).toEqual([
      { row: 2, indicatorCode: 'TOP-POPULATION', fiscalYear: 2025, value: 66085, source: '国勢調査' },
      { row: 3, indicatorCode: 'TOP-HAPPINESS', fiscalYear: 2024, value: 6.81 },
      { row: 4, indicatorCode: 'K-ANXIETY', fiscalYear: 2025, value: 37.5, area: 'north', note: 'メモ' },
      { row: 5, indicatorCode: 'K-ANXIETY', fiscalYear: 2025, value: 38 },
    ]);
  });

  it('reports every bad row at once with its row, column and cell, by name', () => {
    const r = validateImportRows(
      table([
        ['NOPE', '2025', '1', '', '', ''],
        ['TOP-POPULATION', '2040', '60000', '', '', ''],
        ['TOP-POPULATION', '6', '60000', '', '', ''],
        ['TOP-HAPPINESS', '2025', '1,23', '', '', ''],
        ['TOP-HAPPINESS', '2025', '11', '', '', ''],
        ['TOP-HAPPINESS', '2026', '', '', '', ''],
        ['K-ANXIETY', '2025', '30', 'east', '', ''],
        ['K-ANXIETY', '2026', '30', '', '', ''],
        ['K-ANXIETY', '令和8年度', '31', '', '', ''],
        ['TOP-POPULATION', '2025', '12%', '', '', ''],
      ]),
      ctx,
    );
    expect(problems(r).map((p) => [p.code, p.where?.row, p.where?.column, p.where?.cell])).toEqual([
      ['indicator-import/unknown-indicator', 2, '指標コード', 'A2'],
      ['indicator-import/fiscal-year-outside-plan', 3, '年度', 'B3'],
      ['indicator-import/fiscal-year-unreadable', 4, '年度', 'B4'],
      ['indicator-import/value-not-a-number', 5, '実績値', 'C5'],
      ['indicator-import/value-out-of-range', 6, '実績値', 'C6'],
      ['indicator-import/value-missing', 7, '実績値', 'C7'],
      ['indicator-import/unknown-area', 8, '地域', 'D8'],
      ['indicator-import/duplicate-row', 10, '指標コード', 'A10'],
      ['indicator-import/value-not-a-number', 11, '実績値', 'C11'],
    ]);
    const p = problems(r);
    expect(p[2]!.message.ja).toContain('「6」');
    expect(p[3]!.message.en).toContain('"1,23"');
    expect(p[7]!.message.en).toContain('row 9');
    expect(p.every((x) => x.where?.file === 'actuals.csv')).toBe(true);
  });

  it('names the missing columns', () => {
    const r = validateImportRows(table([['x']], ['code']), ctx);
    expect(problems(r).map((p) => p.code)).toEqual([
      'indicator-import/column-missing',
      'indicator-import/column-missing',
    ]);
    expect(problems(r)[0]!.message.ja).toContain('実績値');
  });

  it('accepts English headers and a date column instead of the fiscal year', () => {
    const r = validateImportRows(
      table([['TOP-POPULATION', '令和7年10月1日', '66,085']], ['code', 'date', 'value']),
      ctx,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value[0]).toMatchObject({ fiscalYear: 2025, date: '2025-10-01', value: 66085 });
  });

  it('a date outside the row’s fiscal year is an error', () => {
    const r = validateImportRows(
      table([['TOP-POPULATION', '2024', '2025-10-01', '66085']], ['code', 'fy', 'date', 'value']),
      ctx,
    );
    expect(problems(r).map((p) => p.code)).toEqual(['indicator-import/date-outside-fiscal-year']);
  });

  it('values already recorded: unchanged is skipped, different is rejected unless corrections are allowed', () => {
    const existing = [{ ...actual('K-ANXIETY', 2025, 38), id: 'v1' }];
    const rows = table([
      ['K-ANXIETY', '2025', '38'],
      ['K-ANXIETY', '2025', '36', 'north'],
    ]);
    const same = validateImportRows(rows, { ...ctx, existing });
    expect(same.ok && same.value[0]!.unchanged).toBe(true);
    const diff = table([['K-ANXIETY', '2025', '37']]);
    expect(problems(validateImportRows(diff, { ...ctx, existing }))[0]).toMatchObject({
      code: 'indicator-import/already-recorded',
      kind: 'conflict',
      where: { row: 2, column: '実績値' },
    });
    const corr = validateImportRows(diff, { ...ctx, existing, onExisting: 'correct' });
    expect(corr.ok && corr.value[0]!.supersedes).toBe('v1');
  });

  it('an empty file is an error', () => {
    expect(problems(validateImportRows(table([]), ctx)).map((p) => p.code)).toEqual([
      'indicator-import/no-rows',
    ]);
  });

  it('checked slice by slice, the rows give the same answer, duplicates found across slices', () => {
    const rows = table([
      ['TOP-POPULATION', '2025', '66085'],
      ['NOPE', '2025', '1'],
      ['K-ANXIETY', '2025', '38'],
      ['TOP-POPULATION', '令和7年度', '66000'],
      ['TOP-HAPPINESS', '2025', '6.8'],
    ]);
    const sliced = (size: number) => {
      const check = startImportRowCheck(rows, ctx);
      if (!check.ok) throw new Error('headers');
      for (let i = 0; i < rows.rows.length; i += size) check.value.check(rows.rows.slice(i, i + size));
      return check.value.finish();
    };
    const whole = validateImportRows(rows, ctx);
    expect(problems(whole).map((p) => p.code)).toEqual([
      'indicator-import/unknown-indicator',
      'indicator-import/duplicate-row',
    ]);
    for (const size of [1, 2, 3]) expect(sliced(size)).toEqual(whole);
    const good = table([
      ['TOP-POPULATION', '2025', '66085'],
      ['TOP-HAPPINESS', '2025', '6.8'],
    ]);
    const check = startImportRowCheck(good, ctx);
    if (!check.ok) throw new Error('headers');
    check.value.check(good.rows.slice(0, 1));
    check.value.check(good.rows.slice(1));
    expect(check.value.finish()).toEqual(validateImportRows(good, ctx));
  });

  it('keeps the first problems when bounded, and one more that counts them all', () => {
    const rows = table(Array.from({ length: 10 }, () => ['TOP-POPULATION', '2025', '1']));
    const all = problems(validateImportRows(rows, ctx));
    expect(all).toHaveLength(9);
    const bounded = problems(validateImportRows(rows, { ...ctx, maxProblems: 3 }));
    expect(bounded.slice(0, 3)).toEqual(all.slice(0, 3));
    expect(bounded.slice(3).map((p) => [p.code, p.details])).toEqual([
      ['indicator-import/more-problems', { shown: 3, total: 9 }],
    ]);
    expect(problems(validateImportRows(rows, { ...ctx, maxProblems: 9 }))).toEqual(all);
  });
});
