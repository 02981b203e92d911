// The plan editor's pure part on the bundled Shiojiri plan (as stored, defaults filled in): path updates, checks as typed (the
// core's rules included), problems matched to inputs, a new measure's defaults, answers read.
import { readFileSync } from 'node:fs';
import { normalizePlan, type PlanInput } from '@mirai/core';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  getAt,
  inputId,
  localProblems,
  measureLinks,
  newMeasure,
  problemsAt,
  problemsOfAnswer,
  setAt,
} from './plan-edit-model';

// As stored: the file read and its defaults filled in (the editor receives stored documents).
const doc = normalizePlan(
  parse(readFileSync(new URL('../../../../data/shiojiri/plan.yaml', import.meta.url), 'utf8')) as PlanInput,
);

describe('plan edit model', () => {
  it('the stored plan has no problems', () => {
    expect(localProblems(doc)).toEqual([]);
  });

  it('sets a value at a path without touching the original; an empty English text is removed', () => {
    const next = setAt(doc, 'fields[0].desiredState.ja', '新しい姿');
    expect(getAt(next, 'fields[0].desiredState.ja')).toBe('新しい姿');
    expect(doc.fields[0]?.desiredState?.ja).not.toBe('新しい姿');
    expect(next.fields[1]).toBe(doc.fields[1]);
    const noEn = setAt(doc, 'fields[0].name.en', '');
    expect(noEn.fields[0]?.name).not.toHaveProperty('en');
  });

  it('flags required text, code shape and the plan rules at their paths', () => {
    let d = setAt(doc, 'strategies[0].promise.ja', ' ');
    d = { ...d, measures: [...d.measures, { ...newMeasure(d, 'A-1'), code: 'bad code' }] };
    d = setAt(d, `measures[${d.measures.length - 1}].field`, 'Z-9');
    const paths = localProblems(d).map((p) => p.path);
    const last = d.measures.length - 1;
    expect(paths).toContain('strategies[0].promise.ja');
    expect(paths).toContain(`measures[${last}].code`);
    expect(paths).toContain(`measures[${last}].name.ja`);
    expect(paths).toContain(`measures[${last}].field`);
  });

  it('matches problems to the input at a path or inside it', () => {
    const p = (path: string) => ({ code: 'x', message: { ja: 'x', en: 'x' }, path });
    const all = [p('measures[1].targetAreas[0]'), p('measures[10].name.ja'), p('measures[1].name')];
    expect(problemsAt(all, 'measures[1].targetAreas')).toHaveLength(1);
    expect(problemsAt(all, 'measures[1].name.ja')).toHaveLength(0);
    expect(problemsAt(all, 'measures[1].name')).toHaveLength(1);
    expect(inputId('measures[1].name.ja')).toBe('pe-measures-1-name-ja');
  });

  it('gives a new measure the next free code, the first phase and the city', () => {
    const m = newMeasure(doc, 'A-1');
    expect(m.code).toBe('A-1-M02');
    expect(m.phase).toBe(1);
    expect(m.targetAreas).toEqual(['CITY']);
    expect(measureLinks(doc, 'A-1-M01').projects).toBeGreaterThan(0);
  });

  it('reads one or several problems from an API answer', () => {
    const one = { error: { code: 'plan/version-conflict', message: { ja: 'a', en: 'b' } } };
    expect(problemsOfAnswer(one)).toEqual([
      { code: 'plan/version-conflict', message: one.error.message, path: '' },
    ]);
    const many = {
      error: {
        code: 'plan/invalid-shape',
        message: { ja: 'a', en: 'b' },
        details: {
          problems: [{ code: 'plan/invalid-shape', message: { ja: 'a', en: 'b' }, where: { path: 'p' } }],
        },
      },
    };
    expect(problemsOfAnswer(many)[0]?.path).toBe('p');
    expect(problemsOfAnswer(null)).toEqual([]);
  });
});
