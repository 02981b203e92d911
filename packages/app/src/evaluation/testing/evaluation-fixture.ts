/**
 * Test and benchmark support: the bundled plan (whose sample projects carry an
 * activity indicator each; synthetic ones get one here, flagged sample), values for FY2023 and FY2024,
 * and optionally N synthetic projects (flagged sample, "synthetic" in the
 * name) so that a round can be as large as a real city's.
 */
import type { PlanDocument } from '@mirai/core';
import { type Database, findCurrentPlan, savePlanVersion } from '@mirai/db';
import type { Kysely } from 'kysely';
import type { AppContext } from '../../context';
import { recordIndicatorActual } from '../../indicators/record-actuals';
import { seedDefaultPlan } from '../../plan/seed-default-plan';

export interface FixtureOptions {
  /** Extra synthetic projects under the sample measures, all in one department. */
  syntheticProjects?: number;
  syntheticDepartment?: string;
}

export async function seedEvaluationPlan(
  db: Kysely<Database>,
  opts: FixtureOptions = {},
): Promise<PlanDocument> {
  await seedDefaultPlan(db);
  const stored = await findCurrentPlan(db);
  if (!stored) throw new Error('no plan seeded');
  const doc = structuredClone(stored.document) as PlanDocument;
  const plan2024 = doc.implementationPlans.find((p) => p.fiscalYear === 2024)!;
  const dept = opts.syntheticDepartment ?? 'DEPT-INDUSTRY';
  const measures = doc.measures.filter((m) => m.phase === 1);
  for (let i = 1; i <= (opts.syntheticProjects ?? 0); i++) {
    const measure = measures[i % measures.length]!;
    plan2024.projects.push({
      code: `${measure.code}-S${String(i).padStart(4, '0')}`,
      measure: measure.code,
      department: dept,
      sample: true,
      name: { ja: `（合成データ）ベンチマーク用事業 ${i}`, en: `(Synthetic) Benchmark project ${i}` },
    });
  }
  for (const p of plan2024.projects) {
    if (doc.indicators.some((x) => x.serves === p.code)) continue;
    doc.indicators.push({
      code: `${p.code}-A01`,
      serves: p.code,
      sample: true,
      name: { ja: `（サンプル）${p.name.ja}の実施回数`, en: `(Sample) Activity count of ${p.code}` },
      unit: { ja: '回', en: 'times' },
      kind: 'administrative',
      direction: 'higher-is-better',
      range: { min: 0 },
      frequency: 'yearly',
      ownerDepartment: p.department,
      baseline: { value: 8, asOf: '2023', source: { ja: 'サンプル値', en: 'Sample value' } },
      targets: [
        { fiscalYear: 2024, value: 10 },
        { fiscalYear: 2025, value: 12 },
      ],
    });
  }
  await db
    .transaction()
    .execute((tx) =>
      savePlanVersion(tx, doc, { actor: 'test:fixture', note: 'sample indicators for evaluation tests' }),
    );
  return doc;
}

/** FY2024 actuals of the sample indicators (sample values; FY2023 is the baselines' year). */
export async function recordSampleActuals(ctx: AppContext, doc: PlanDocument, limit = 20): Promise<void> {
  const values: [string, number][] = [
    ['A-1-M01-K01', 37],
    ['B-4-M01-K01', 20],
    ['C-9-M01-K01', 70],
    ['A-2-M01-K01', 57],
    ['A-3-M01-K01', 1150],
    ['B-5-M01-K01', 352],
    ['B-6-M01-K01', 7],
    ['C-7-M01-K01', 5],
    ['C-8-M01-K01', 8.5],
  ];
  // Activity indicators: one more than the FY2024 target (sample values).
  const target2024 = (code: string) =>
    doc.indicators.find((i) => i.code === code)?.targets?.find((t) => t.fiscalYear === 2024)?.value ?? 10;
  for (const p of doc.implementationPlans.find((x) => x.fiscalYear === 2024)!.projects.slice(0, limit))
    values.push([`${p.code}-A01`, target2024(`${p.code}-A01`) + 1]);
  for (const [code, value] of values) {
    const r = await recordIndicatorActual(
      ctx,
      { indicatorCode: code, fiscalYear: 2024, value, source: 'sample' },
      { actor: 'test:fixture' },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
  }
}

/** A project sheet filled in as a clerk would (sample text). */
export function fillProject<T extends { kind: 'project' }>(
  content: T,
  overrides: Partial<Record<string, unknown>> = {},
): T {
  return {
    ...content,
    period: { startFiscalYear: 2020 },
    delivery: ['direct', 'contracted'],
    purpose: {
      target: '（サンプル）子育て中の家庭',
      intent: '（サンプル）不安なく子育てできる',
      means: '（サンプル）相談と訪問',
    },
    cost: {
      basis: 'settlement',
      funding: { national: 3000, prefectural: 1500, bonds: 0, other: 0, generalRevenue: 7500 },
      personYears: 0.35,
      averageStaffCost: 8000,
      unitQuantity: { value: 120, unit: '件' },
    },
    ratings: { necessity: '5', effectiveness: '4', efficiency: '3', means: '4' },
    overallRating: 'B',
    direction: 'continue',
    issues: '（サンプル）相談員の確保',
    ...overrides,
  };
}

/** A measure sheet filled in (sample text); keeps the prefilled contribution weights. */
export function fillMeasure<T extends { kind: 'measure' }>(
  content: T,
  overrides: Partial<Record<string, unknown>> = {},
): T {
  return {
    ...content,
    desiredState: '（サンプル）施策の目指す姿',
    overallRating: 'A',
    direction: 'continue',
    issues: '（サンプル）課題',
    ...overrides,
  };
}
