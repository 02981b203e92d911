import { describe, expect, it } from 'vitest';
import { checkActualsGrid, type GridCell } from './actuals-grid';
import { actual, anxiety, population } from './test-fixtures';

const plan = { startFiscalYear: 2024, endFiscalYear: 2032 };
const owned = { ...anxiety, ownerDepartment: 'kodomo' };
const existing = [actual('TOP-POPULATION', 2024, 66500), actual('K-ANXIETY', 2024, 39, { area: 'north' })];
const ctx = { definitions: [population, owned], plan, existing };
const cell = (code: string, fiscalYear: number, value: string, version: string | null = null): GridCell => ({
  code,
  fiscalYear,
  value,
  version,
});
const codes = (r: ReturnType<typeof checkActualsGrid>) =>
  r.ok ? [] : r.problems.map((p) => [p.code, p.where?.index, p.where?.column]);

describe('checkActualsGrid', () => {
  it('reads full-width digits and separators, and corrects the value the page showed', () => {
    const r = checkActualsGrid(
      {
        source: '住民基本台帳',
        cells: [
          cell('TOP-POPULATION', 2025, '６６，０８５'),
          cell('TOP-POPULATION', 2024, '66,400人', 'TOP-POPULATION-2024-all-66500'),
          cell('K-ANXIETY', 2025, '３７．５'),
        ],
      },
      ctx,
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(
      r.value.map((x) => [x.indicatorCode, x.fiscalYear, x.value, x.supersedes ?? null, x.source]),
    ).toEqual([
      ['TOP-POPULATION', 2025, 66085, null, '住民基本台帳'],
      ['TOP-POPULATION', 2024, 66400, 'TOP-POPULATION-2024-all-66500', '住民基本台帳'],
      ['K-ANXIETY', 2025, 37.5, null, '住民基本台帳'],
    ]);
  });

  it('names every bad cell by its position, with the import check’s codes', () => {
    const r = checkActualsGrid(
      {
        source: '',
        cells: [
          cell('TOP-POPULATION', 2025, 'abc'),
          cell('K-ANXIETY', 2025, '120'),
          cell('K-ANXIETY', 2040, '30'),
          cell('TOP-POPULATION', 2026, ''),
        ],
      },
      ctx,
    );
    expect(codes(r)).toEqual([
      ['indicator-grid/source-missing', undefined, undefined],
      ['indicator-import/value-not-a-number', 0, 'value'],
      ['indicator-import/value-out-of-range', 1, 'value'],
      ['indicator-import/fiscal-year-outside-plan', 2, 'fiscalYear'],
      ['indicator-import/value-missing', 3, 'value'],
    ]);
  });

  it('is a conflict when a cell’s value was recorded or corrected after the page read it', () => {
    const r = checkActualsGrid(
      { source: 's', cells: [cell('K-ANXIETY', 2025, '30'), cell('TOP-POPULATION', 2024, '66000')] },
      ctx,
    );
    // The second cell was shown empty but 66500 is stored now.
    expect(r.ok ? [] : r.problems.map((p) => [p.code, p.kind, p.where?.index])).toEqual([
      ['indicator-grid/recorded-meanwhile', 'conflict', 1],
    ]);
  });

  it('refuses another department’s indicator for a department editor, and an empty save', () => {
    const r = checkActualsGrid(
      { source: 's', cells: [cell('K-ANXIETY', 2025, '30'), cell('TOP-POPULATION', 2025, '66000')] },
      { ...ctx, department: 'kodomo' },
    );
    expect(codes(r)).toEqual([['indicator/other-department', 1, 'code']]);
    expect(codes(checkActualsGrid({ source: 's', cells: [] }, ctx))).toEqual([
      ['indicator-grid/nothing-to-save', undefined, undefined],
    ]);
  });
});
