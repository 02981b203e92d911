import type { EvaluationSheet, MeasureSheetContent } from '@mirai/core';
import { describe, expect, it } from 'vitest';
import { mergeContent } from './sheet-checks';

const content: MeasureSheetContent = {
  kind: 'measure',
  measureCode: 'M1',
  name: '（サンプル）施策',
  departmentCode: 'D1',
  fieldCode: 'F1',
  indicators: [{ code: 'K1', role: 'outcome' }],
  ratings: {},
  comments: {},
  desiredState: '',
  contributingProjects: [],
  theoryFindings: [],
};
const sheet: EvaluationSheet = {
  id: 's',
  roundId: 'r',
  fiscalYear: 2024,
  kind: 'measure',
  code: 'M1',
  departmentCode: 'D1',
  state: 'draft',
  version: 1,
  content,
};

describe('mergeContent: indicator references', () => {
  it('takes added indicators, keeping the plan’s role for the plan’s own', () => {
    const given = {
      ...content,
      indicators: [
        { code: 'K1', role: 'activity' as const },
        { code: 'K2', role: 'activity' as const },
      ],
    };
    const r = mergeContent(sheet, given, [{ code: 'K1', role: 'outcome' }]);
    expect(r.ok && r.value.indicators).toEqual([
      { code: 'K1', role: 'outcome' },
      { code: 'K2', role: 'activity' },
    ]);
  });
  it('refuses to drop an indicator the plan gives the sheet', () => {
    const r = mergeContent(sheet, { ...content, indicators: [{ code: 'K2', role: 'outcome' }] }, [
      { code: 'K1', role: 'outcome' },
    ]);
    expect(r.ok ? [] : r.problems.map((p) => p.code)).toEqual(['evaluation/indicator-from-plan']);
  });
  it('keeps the stored references when the content has none', () => {
    const { indicators: _, ...rest } = content;
    const r = mergeContent(sheet, rest as MeasureSheetContent);
    expect(r.ok && r.value.indicators).toEqual(content.indicators);
  });
});
