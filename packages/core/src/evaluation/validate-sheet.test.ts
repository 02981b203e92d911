import { describe, expect, it } from 'vitest';
import { ratingFromAchievement, scaleAtoD, scaleStoD, validateRatingScale } from './rating-scale';
import { standardTemplates, type TemplateSet, validateTemplateSet } from './sheet-template';
import type { MeasureSheetContent, ProjectSheetContent } from './sheet-types';
import { validateSheet } from './validate-sheet';

// Illustrative content (sample), not a real Shiojiri project.
const project = (): ProjectSheetContent => ({
  kind: 'project',
  projectCode: 'P-0101',
  name: '子育て支援センター運営事業',
  departmentCode: 'kodomo',
  fieldCode: 'F1',
  measureCode: 'M1-01',
  period: { startFiscalYear: 2020 },
  delivery: ['contracted'],
  purpose: {
    target: '未就学児と保護者',
    intent: '孤立せずに子育てできる',
    means: '支援センターの運営、相談',
  },
  indicators: [
    { code: 'I-A1', role: 'activity' },
    { code: 'I-O1', role: 'outcome' },
  ],
  cost: {
    basis: 'settlement',
    funding: { national: 5000, prefectural: 2500, bonds: 0, other: 300, generalRevenue: 7200 },
    personYears: 1.5,
    averageStaffCost: 8000,
    unitQuantity: { value: 12000, unit: '人' },
  },
  ratings: { necessity: '5', effectiveness: '4', efficiency: '3', means: '4' },
  overallRating: 'B',
  direction: 'continue',
  issues: '利用者の偏り',
  comments: {},
});

const measure = (): MeasureSheetContent => ({
  kind: 'measure',
  measureCode: 'M1-01',
  name: '子育ての孤立を防ぐ',
  departmentCode: 'kodomo',
  fieldCode: 'F1',
  desiredState: '安心して子育てできる',
  indicators: [{ code: 'I-O1', role: 'outcome' }],
  contributingProjects: [
    { projectCode: 'P-0101', weight: 60 },
    { projectCode: 'P-0102', weight: 40 },
  ],
  ratings: {},
  overallRating: 'A',
  issues: '—',
  comments: {},
  theoryFindings: [{ linkId: 'L1', finding: 'held', evidence: '利用者数と相談件数が増加' }],
});

const codes = (r: ReturnType<typeof validateSheet>) =>
  r.ok ? [] : r.problems.map((p) => `${p.code}@${p.where?.field ?? p.where?.path}`);

describe('templates and scales', () => {
  it('the default template set is valid', () => {
    expect(validateTemplateSet(standardTemplates)).toEqual([]);
    expect(standardTemplates.sample).toBe(true);
    expect(standardTemplates.project.directions?.options.map((o) => o.label.ja)).toEqual([
      '拡充',
      '継続',
      '改善',
      '縮小',
      '廃止',
      '終了',
    ]);
  });

  it('finds broken template sets', () => {
    const broken: TemplateSet = {
      ...standardTemplates,
      scales: [
        scaleAtoD,
        { ...scaleStoD, levels: [...scaleStoD.levels, { code: 'A', label: { ja: '', en: '' }, rank: 4 }] },
      ],
      project: {
        ...standardTemplates.project,
        fields: [
          ...standardTemplates.project.fields,
          { path: 'budgetCode', label: { ja: '予算', en: '' }, required: false },
        ],
      },
    };
    const found = validateTemplateSet(broken).map((p) => `${p.code}@${p.where?.path}`);
    expect(found).toEqual([
      'evaluation/scale-invalid@scales[1].levels[6]',
      'evaluation/scale-invalid@scales[1].levels[6]',
      'evaluation/template-invalid@project.fields[12]',
      'evaluation/scale-unknown@project.ratings[0]',
      'evaluation/scale-unknown@project.ratings[1]',
      'evaluation/scale-unknown@project.ratings[2]',
      'evaluation/scale-unknown@project.ratings[3]',
    ]);
  });

  it('suggests a rating from achievement bands', () => {
    expect(ratingFromAchievement(scaleStoD, 1.25)).toBe('S');
    expect(ratingFromAchievement(scaleStoD, 1.0)).toBe('A');
    expect(ratingFromAchievement(scaleStoD, 0.95)).toBe('B');
    expect(ratingFromAchievement(scaleStoD, 0.1)).toBe('D');
    expect(ratingFromAchievement(scaleStoD, undefined)).toBeUndefined();
    expect(ratingFromAchievement(scaleAtoD, 0.79)).toBe('C');
  });

  it('rejects bands that do not rise with rank', () => {
    const bad = {
      ...scaleAtoD,
      levels: scaleAtoD.levels.map((l) => (l.code === 'B' ? { ...l, minAchievement: 1.2 } : l)),
    };
    expect(validateRatingScale(bad).map((p) => p.code)).toEqual(['evaluation/scale-invalid']);
  });
});

describe('validateSheet', () => {
  it('accepts complete sheets', () => {
    expect(validateSheet(project(), standardTemplates)).toEqual({ ok: true, value: project() });
    expect(
      validateSheet(measure(), standardTemplates, { projectCodes: ['P-0101', 'P-0102'], linkIds: ['L1'] }).ok,
    ).toBe(true);
  });

  it('lists every problem of a project sheet with its field path', () => {
    const s = project();
    s.purpose.intent = '  ';
    s.name = 'あ'.repeat(101);
    s.ratings = { necessity: '6', effectiveness: '4', efficiency: '3', speed: '1' };
    s.overallRating = 'S';
    s.direction = '休止';
    s.indicators = [
      { code: 'I-A1', role: 'activity' },
      { code: 'I-A1', role: 'activity' },
      { code: 'I-X', role: 'activity' },
    ];
    s.cost.funding.bonds = -1;
    s.period = { startFiscalYear: 2024, endFiscalYear: 2022 };
    expect(codes(validateSheet(s, standardTemplates, { indicatorCodes: ['I-A1', 'I-O1'] }))).toEqual([
      'evaluation/text-too-long@name',
      'evaluation/field-required@purpose.intent',
      'evaluation/rating-out-of-scale@ratings.necessity',
      'evaluation/field-required@ratings.means',
      'evaluation/rating-unknown@ratings.speed',
      'evaluation/rating-out-of-scale@overallRating',
      'evaluation/direction-unknown@direction',
      'evaluation/indicator-duplicate@indicators[1].code',
      'evaluation/indicator-unknown@indicators[2].code',
      'evaluation/indicators-too-few@indicators',
      'evaluation/period-invalid@period',
      'evaluation/amount-invalid@cost.funding.bonds',
    ]);
  });

  it('checks contributing projects, weights and theory findings on a measure sheet', () => {
    const s = measure();
    s.contributingProjects = [
      { projectCode: 'P-0101', weight: 60 },
      { projectCode: 'P-0101', weight: 30 },
      { projectCode: 'P-9', weight: 10 },
    ];
    s.theoryFindings = [
      { linkId: 'L9', finding: 'not-held', evidence: '' },
      { linkId: 'L1', finding: 'bogus' as 'held', evidence: 'x' },
    ];
    expect(codes(validateSheet(s, standardTemplates, { projectCodes: ['P-0101'], linkIds: ['L1'] }))).toEqual(
      [
        'evaluation/project-duplicate@contributingProjects[1]',
        'evaluation/project-unknown@contributingProjects[2]',
        'evaluation/finding-unknown-link@theoryFindings[0]',
        'evaluation/evidence-required@theoryFindings[0].evidence',
        'evaluation/finding-invalid@theoryFindings[1].finding',
      ],
    );
    const weights = measure();
    weights.contributingProjects = [
      { projectCode: 'P-0101', weight: 60 },
      { projectCode: 'P-0102', weight: 30 },
    ];
    expect(codes(validateSheet(weights, standardTemplates))).toEqual([
      'evaluation/weights-sum@contributingProjects',
    ]);
  });

  it('uses a configured scale: a 1–5 overall rating accepts 3 and rejects B', () => {
    const set: TemplateSet = {
      ...standardTemplates,
      project: {
        ...standardTemplates.project,
        overall: { ...standardTemplates.project.overall, scaleId: '1-5' },
      },
    };
    expect(validateSheet({ ...project(), overallRating: '3' }, set).ok).toBe(true);
    expect(codes(validateSheet(project(), set))).toEqual(['evaluation/rating-out-of-scale@overallRating']);
  });

  it('passes a missing unit quantity through as a warning', () => {
    const s = project();
    s.cost.unitQuantity = { value: 0, unit: '人' };
    const r = validateSheet(s, standardTemplates);
    expect(r.ok && r.warnings?.map((w) => w.code)).toEqual(['evaluation/unit-quantity-invalid']);
  });
});
