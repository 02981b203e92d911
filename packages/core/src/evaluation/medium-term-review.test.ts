import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildMediumTermReview, trendOf } from './medium-term-review';
import { draftNextPhase, renumberForPhase } from './next-phase-draft';
import type { MeasureYear, RoundDigest } from './round-digest';

const phase1 = { number: 1, startFiscalYear: 2024, endFiscalYear: 2026 };

const measureYear = (
  code: string,
  ach: number | null,
  rating: string,
  over: Partial<MeasureYear> = {},
): MeasureYear => ({
  measureCode: code,
  name: `施策${code}`,
  fieldCode: 'F1',
  overallRating: rating,
  direction: 'continue',
  meanAchievement: ach,
  indicators: [{ code: `${code}-I`, target: 100, actual: ach === null ? null : ach * 100, achievement: ach }],
  findings: [],
  ...over,
});

// Illustrative digests (sample data).
const digests: RoundDigest[] = [
  {
    fiscalYear: 2024,
    measures: [
      measureYear('M01', 0.7, 'C', { findings: [{ linkId: 'L2', finding: 'not-held', evidence: 'x' }] }),
      measureYear('M02', 1.0, 'A'),
    ],
    projects: [
      { projectCode: 'P1', measureCode: 'M01', overallRating: 'B', direction: 'continue', totalCost: 100 },
      { projectCode: 'P2', measureCode: 'M01', overallRating: 'C', direction: 'improve', totalCost: 50 },
    ],
  },
  {
    fiscalYear: 2025,
    measures: [
      measureYear('M01', 0.8, 'B', {
        findings: [
          { linkId: 'L2', finding: 'partly', evidence: 'y' },
          { linkId: 'L1', finding: 'held', evidence: 'z' },
        ],
      }),
      measureYear('M02', 1.0, 'A'),
    ],
    projects: [
      { projectCode: 'P1', measureCode: 'M01', overallRating: 'B', direction: 'expand', totalCost: 120 },
    ],
  },
];

describe('buildMediumTermReview', () => {
  it('summarises each measure over the phase and flags the missing year', () => {
    const r = buildMediumTermReview(phase1, digests, {
      conclusions: [{ measureCode: 'M01', proposal: 'revise', assessment: '成果指標の見直し' }],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.warnings?.map((w) => w.details?.['fiscalYear'])).toEqual([2026]);
    const review = r.value;
    expect(review.fiscalYears).toEqual([2024, 2025, 2026]);
    expect(review.missingYears).toEqual([2026]);
    const [m1, m2] = review.measures;
    expect(m1?.years.map((y) => [y.fiscalYear, y.overallRating, y.meanAchievement])).toEqual([
      [2024, 'C', 0.7],
      [2025, 'B', 0.8],
      [2026, null, null],
    ]);
    expect(m1?.achievementTrend).toBe('improving');
    expect(m1?.achievementSlope).toBeCloseTo(0.1);
    expect(m2?.achievementTrend).toBe('flat');
    expect(m1?.projectDirections).toEqual([
      { fiscalYear: 2024, counts: { continue: 1, improve: 1 } },
      { fiscalYear: 2025, counts: { expand: 1 } },
      { fiscalYear: 2026, counts: {} },
    ]);
    expect(m1?.brokenLinks).toEqual([
      {
        linkId: 'L2',
        findings: [
          { fiscalYear: 2024, finding: 'not-held' },
          { fiscalYear: 2025, finding: 'partly' },
        ],
        latest: 'partly',
      },
    ]);
    expect(m1?.indicators).toEqual([{ code: 'M01-I', achievements: [0.7, 0.8, null], trend: 'improving' }]);
    expect(m1?.conclusion?.proposal).toBe('revise');
    expect(m2?.conclusion).toBeNull();
  });

  it('refuses years outside the phase, duplicate years and conclusions on unknown measures', () => {
    const r = buildMediumTermReview(phase1, [...digests, { ...digests[0]!, fiscalYear: 2027 }, digests[1]!], {
      conclusions: [{ measureCode: 'M99', proposal: 'end', assessment: '' }],
    });
    expect(!r.ok && r.problems.map((p) => p.code)).toEqual([
      'evaluation/review-year-outside-phase',
      'evaluation/review-year-duplicate',
      'evaluation/conclusion-unknown-measure',
    ]);
  });

  it('computes the least-squares slope and ignores gaps', () => {
    expect(trendOf([{ x: 2024, y: 1 }])).toEqual({ trend: 'insufficient-data', slope: null });
    expect(
      trendOf([
        { x: 2024, y: 0.5 },
        { x: 2025, y: null },
        { x: 2026, y: 0.3 },
      ]).slope,
    ).toBeCloseTo(-0.1);
    fc.assert(
      fc.property(
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        (a, b) => {
          const { slope } = trendOf([2024, 2025, 2026].map((x) => ({ x, y: b + a * (x - 2024) })));
          expect(slope!).toBeCloseTo(a, 6);
        },
      ),
    );
  });
});

describe('draftNextPhase', () => {
  const measures = [
    {
      code: 'P1-M01',
      name: '子育て',
      fieldCode: 'F1',
      phase: 1,
      indicatorCodes: ['I1'],
      projectCodes: ['PA'],
      promotionPeriod: 'long' as const,
    },
    {
      code: 'P1-M02',
      name: '相談',
      fieldCode: 'F1',
      phase: 1,
      indicatorCodes: ['I2', 'I1'],
      projectCodes: ['PB'],
    },
    { code: 'P1-M03', name: '旧事業', fieldCode: 'F2', phase: 1, indicatorCodes: [], projectCodes: [] },
    { code: 'P1-M04', name: '未結論', fieldCode: 'F2', phase: 1, indicatorCodes: ['I4'], projectCodes: [] },
  ];

  it('copies measures with new codes and provenance, following the conclusions', () => {
    const r = draftNextPhase({
      nextPhase: 2,
      measures,
      conclusions: [
        { measureCode: 'P1-M01', proposal: 'revise', assessment: '対象を拡大' },
        { measureCode: 'P1-M02', proposal: 'merge', mergeInto: 'P1-M01', assessment: '統合' },
        { measureCode: 'P1-M03', proposal: 'end', assessment: '目的達成' },
      ],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.measures).toEqual([
      {
        code: 'P2-M01',
        name: '子育て',
        fieldCode: 'F1',
        phase: 2,
        promotionPeriod: 'long',
        derivedFrom: ['P1-M01', 'P1-M02'],
        proposal: 'revise',
        indicatorCodes: ['I1', 'I2'],
        projectCodes: ['PA', 'PB'],
        assessments: ['対象を拡大', '統合'],
        status: 'draft',
      },
      {
        code: 'P2-M04',
        name: '未結論',
        fieldCode: 'F2',
        phase: 2,
        derivedFrom: ['P1-M04'],
        proposal: 'undecided',
        indicatorCodes: ['I4'],
        projectCodes: [],
        assessments: [],
        status: 'draft',
      },
    ]);
    expect(r.value.ended).toEqual([{ code: 'P1-M03', assessment: '目的達成' }]);
    expect(r.value.provenance).toEqual([
      { from: 'P1-M01', to: 'P2-M01' },
      { from: 'P1-M02', to: 'P2-M01' },
      { from: 'P1-M04', to: 'P2-M04' },
    ]);
  });

  it('refuses merges into ended or unknown measures and colliding codes', () => {
    const bad = draftNextPhase({
      nextPhase: 2,
      measures,
      conclusions: [
        { measureCode: 'P1-M02', proposal: 'merge', mergeInto: 'P1-M03', assessment: '' },
        { measureCode: 'P1-M03', proposal: 'end', assessment: '' },
        { measureCode: 'P1-M04', proposal: 'merge', mergeInto: 'X', assessment: '' },
      ],
    });
    expect(!bad.ok && bad.problems.map((p) => p.code)).toEqual([
      'evaluation/merge-target-invalid',
      'evaluation/merge-target-invalid',
    ]);
    const collide = draftNextPhase({ nextPhase: 2, measures, renumber: () => 'SAME' });
    expect(!collide.ok && collide.problems.map((p) => p.where?.path)).toEqual([
      'measures[1].code',
      'measures[2].code',
      'measures[3].code',
    ]);
    const existing = draftNextPhase({ nextPhase: 2, measures, existingCodes: ['P2-M04'] });
    expect(!existing.ok && existing.problems.map((p) => p.details?.['code'])).toEqual(['P2-M04']);
  });

  it('renumbers phase markers', () => {
    expect(renumberForPhase('P1-M01', 2)).toBe('P2-M01');
    expect(renumberForPhase('p2-A-3', 3)).toBe('P3-A-3');
    expect(renumberForPhase('M01', 2)).toBe('P2-M01');
  });
});
