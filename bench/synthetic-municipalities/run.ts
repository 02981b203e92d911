/**
 * The synthetic municipalities' generator (bench/support/synthetic-municipalities.ts), checked and
 * timed: BENCH_MUNICIPALITIES (default 20; the scale bench wants 1,741) plans of 300 indicators ×
 * 9 fiscal years are generated into BENCH_OUT (default: a temporary directory, removed), each
 * plan validated by the application's own loader, and the first one imported with its 2,700
 * actual values into a new embedded database through the ordinary use cases (plan import,
 * actuals import, progress read), so the files are known to be usable by a scale benchmark.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { contextFor, importIndicatorActuals, importPlan, loadPlanText, readTableFile } from '@mirai/app';
import { createDatabase, migrateToLatest } from '@mirai/db';
import { sql } from 'kysely';
import { syntheticMunicipality, syntheticYears } from '../support/synthetic-municipalities';

const root = new URL('../..', import.meta.url).pathname;
const N = Number(process.env.BENCH_MUNICIPALITIES ?? 20);
const keep = Boolean(process.env.BENCH_OUT);
const out = process.env.BENCH_OUT ?? mkdtempSync(join(tmpdir(), 'mirai-synthetic-'));

const t0 = performance.now();
let bytes = 0;
let invalid = 0;
for (let i = 1; i <= N; i++) {
  const m = syntheticMunicipality(i);
  const checked = loadPlanText(m.planYaml, `${m.code}/plan.yaml`);
  if (!checked.ok) {
    invalid++;
    console.error(m.code, JSON.stringify(checked.problems.slice(0, 3)));
  }
  const dir = join(out, m.code);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'plan.yaml'), m.planYaml);
  writeFileSync(join(dir, 'actuals.csv'), m.actualsCsv);
  bytes += m.planYaml.length + m.actualsCsv.length;
}
const generateMs = performance.now() - t0;

// The first municipality through the ordinary use cases.
const first = syntheticMunicipality(1);
const database = await createDatabase({ kind: 'pglite' });
await migrateToLatest(database.db);
const ctx = contextFor(database);
const t1 = performance.now();
const plan = await importPlan(ctx, first.planYaml, 'plan.yaml', { actor: 'bench' });
if (!plan.ok) throw new Error(JSON.stringify(plan.problems.slice(0, 3)));
const planMs = performance.now() - t1;
const table = await readTableFile(join(out, first.code, 'actuals.csv'));
if (!table.ok) throw new Error(JSON.stringify(table.problems));
const t2 = performance.now();
const imported = await importIndicatorActuals(ctx, table.value, { actor: 'bench' });
if (!imported.ok) throw new Error(JSON.stringify(imported.problems.slice(0, 3)));
const actualsMs = performance.now() - t2;
const stored = (
  await sql<{ n: number }>`SELECT count(*)::int AS n FROM indicator_actuals`.execute(database.db)
).rows[0] ?? { n: 0 };
await ctx.close();
if (!keep) rmSync(out, { recursive: true, force: true });

const result = {
  benchmark: 'synthetic-municipalities',
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  loadAtEnd: loadavg().map((x) => Math.round(x * 10) / 10),
  municipalities: N,
  indicatorsEach: first.indicatorCodes.length,
  fiscalYears: `${syntheticYears.start}–${syntheticYears.end}`,
  invalidPlans: invalid,
  megabytes: Math.round((bytes / 1e6) * 10) / 10,
  generateMsEach: Math.round((generateMs / N) * 10) / 10,
  firstImport: {
    planMs: Math.round(planMs),
    actualsMs: Math.round(actualsMs),
    actualRowsStored: Number(stored.n),
  },
  out: keep ? out : '(temporary, removed)',
};
writeFileSync(
  join(root, 'bench/results/synthetic-municipalities.json'),
  `${JSON.stringify(result, null, 2)}\n`,
);
const md = [
  '# Synthetic municipalities (generator for the scale benchmarks)',
  '',
  `Measured ${result.measuredAt} on ${result.machine.cpus} cores (shared; load at end ${result.loadAtEnd.join(' / ')}), Node ${result.machine.node}.`,
  `${N} municipalities (codes 90001…; SAMPLE), each a plan of ${result.indicatorsEach} indicators over FY${result.fiscalYears} (6 基本目標 × 5 政策, 前期 5 years and 後期 4) and ${result.indicatorsEach * 9} actual values: ${result.megabytes} MB in all, ${result.generateMsEach} ms per municipality to generate and validate; plans the application's loader refused: ${invalid}.`,
  `The first imported into a new embedded database through the ordinary use cases: plan ${result.firstImport.planMs} ms, actuals ${result.firstImport.actualsMs} ms (${result.firstImport.actualRowsStored} values stored).`,
  '',
  'Use: `BENCH_MUNICIPALITIES=1741 BENCH_OUT=/tmp/synthetic npm run bench synthetic-municipalities` keeps the files (`<code>/plan.yaml`, `<code>/actuals.csv`); `syntheticMunicipality(i)` in `bench/support/synthetic-municipalities.ts` gives the same in memory. The scale bench (1,741 municipalities on one PostgreSQL server, public plan and indicator endpoints p95 within 50 ms) is `npm run bench scale` (bench/results/scale.md).',
  '',
];
writeFileSync(join(root, 'bench/results/synthetic-municipalities.md'), md.join('\n'));
console.log(md.join('\n'));
if (invalid > 0 || Number(stored.n) !== first.indicatorCodes.length * 9) process.exitCode = 1;
