/**
 * Seeds a data directory for the growth benchmark (run by bench/growth/run.ts, from the tree being
 * measured): the default plan plus 1,000 synthetic SAMPLE indicators, and for each of them 10 fiscal
 * years × (a first value + 12 corrections) = 130,000 actual versions, written in one SQL statement.
 * Usage: node --import tsx bench/growth/seed.ts DATA_DIR
 */
import { readFileSync } from 'node:fs';
import { defaultPlanFile, importPlan, listIndicators, loadPlanText, openApp } from '@mirai/app';
import { type IndicatorDefinition, unwrap } from '@mirai/core';
import { sql } from 'kysely';

const INDICATORS = 1000;
const YEARS = Array.from({ length: 10 }, (_, i) => 2023 + i);
const CORRECTIONS = 12;

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: seed.ts DATA_DIR');
const doc = unwrap(loadPlanText(readFileSync(defaultPlanFile(), 'utf8'), 'plan.yaml'));
const measures = doc.measures.map((m) => m.code);
for (let i = 0; i < INDICATORS; i++) {
  const def: IndicatorDefinition = {
    code: `GROW-${String(i + 1).padStart(4, '0')}`,
    name: { ja: `（ベンチ用サンプル）指標 ${i + 1}`, en: `(Bench sample) indicator ${i + 1}` },
    unit: { ja: '件', en: 'cases' },
    kind: 'administrative',
    direction: i % 2 === 0 ? 'higher-is-better' : 'lower-is-better',
    range: { min: 0 },
    serves: measures[i % measures.length]!,
    frequency: 'yearly',
    baseline: { value: 1000, asOf: '2022', source: { ja: 'ベンチ用サンプル', en: 'bench sample' } },
    targets: [{ fiscalYear: 2032, value: i % 2 === 0 ? 1500 : 500 }],
    sample: true,
  };
  doc.indicators.push(def as (typeof doc.indicators)[number]);
}
const ctx = await openApp({ dataDir, noSeed: true });
try {
  unwrap(await importPlan(ctx, JSON.stringify(doc), 'bench-growth-plan.json', { actor: 'bench' }));
  unwrap(await listIndicators(ctx)); // syncs the definitions
  const plan = await sql<{ id: number }>`SELECT id FROM plans LIMIT 1`.execute(ctx.database.db);
  const planId = plan.rows[0]!.id;
  const per = CORRECTIONS + 1;
  // id = 1 + ((indicator * years + year) * per + k); version k > 0 supersedes version k - 1.
  await sql`
    INSERT INTO indicator_actuals (id, plan_id, indicator_code, fiscal_year, value, source, entered_by, supersedes)
    SELECT 1 + ((i * ${YEARS.length} + y) * ${per} + k), ${planId},
           'GROW-' || lpad((i + 1)::text, 4, '0'), ${YEARS[0]!} + y,
           900 + ((i * 31 + y * 7 + k) % 600), 'ベンチ用サンプル', 'bench',
           CASE WHEN k = 0 THEN NULL ELSE ((i * ${YEARS.length} + y) * ${per} + k) END
    FROM generate_series(0, ${INDICATORS - 1}) i, generate_series(0, ${YEARS.length - 1}) y,
         generate_series(0, ${CORRECTIONS}) k
    ORDER BY 1`.execute(ctx.database.db);
  await sql`SELECT setval(pg_get_serial_sequence('indicator_actuals', 'id'), (SELECT max(id) FROM indicator_actuals))`.execute(
    ctx.database.db,
  );
  const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM indicator_actuals`.execute(
    ctx.database.db,
  );
  console.log(`seeded ${n.rows[0]!.n} actual versions`);
} finally {
  await ctx.close();
}
