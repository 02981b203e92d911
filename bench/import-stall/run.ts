/**
 * Reads during a long import on the embedded database (issue #17 item 5): 1,250 synthetic SAMPLE
 * indicators × 8 plan years, then a 10,000-row CSV of actual values imported as a background job (decision 0098)
 * while a reader asks for one indicator (a real query through the app) every 20 ms. Records the
 * import's length, how long its write transaction held the database, and the reader's slowest answer
 * and how many answers it got while the import ran. In-process (the reader and the job share the
 * process, as in the server). Results: bench/results/import-stall.{json,md}, with the load average.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultPlanFile,
  importPlan,
  listIndicators,
  loadPlanText,
  openApp,
  showIndicator,
  staffReads,
  startActualsImport,
} from '@mirai/app';
import { type IndicatorDefinition, unwrap } from '@mirai/core';

const root = new URL('../..', import.meta.url).pathname;
const INDICATORS = 1250;
const YEARS = 8;
const work = mkdtempSync(join(tmpdir(), 'mirai-bench-import-stall-'));
const result: Record<string, unknown> = {
  benchmark: 'import-stall',
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  loadAtStart: loadavg().map((x) => Math.round(x * 10) / 10),
  rows: INDICATORS * YEARS,
};
const ctx = await openApp({ dataDir: join(work, 'data'), noSeed: true });
try {
  const doc = unwrap(loadPlanText(readFileSync(defaultPlanFile(), 'utf8'), 'plan.yaml'));
  const measure = doc.measures[0]!.code;
  for (let i = 0; i < INDICATORS; i++) {
    const def: IndicatorDefinition = {
      code: `STALL-${String(i + 1).padStart(4, '0')}`,
      name: { ja: `（ベンチ用サンプル）指標 ${i + 1}`, en: `(Bench sample) indicator ${i + 1}` },
      unit: { ja: '件', en: 'cases' },
      kind: 'administrative',
      direction: 'higher-is-better',
      range: { min: 0 },
      serves: measure,
      frequency: 'yearly',
      baseline: { value: 1000, asOf: '2022', source: { ja: 'ベンチ用サンプル', en: 'bench sample' } },
      targets: [{ fiscalYear: 2032, value: 1500 }],
      sample: true,
    };
    doc.indicators.push(def as (typeof doc.indicators)[number]);
  }
  unwrap(await importPlan(ctx, JSON.stringify(doc), 'bench-plan.json', { actor: 'bench' }));
  unwrap(await listIndicators(ctx));
  const start = doc.plan.startFiscalYear;
  const lines = ['code,fiscal_year,value,source'];
  for (let i = 0; i < INDICATORS; i++)
    for (let y = 0; y < YEARS; y++)
      lines.push(`STALL-${String(i + 1).padStart(4, '0')},${start + y},${1000 + y},bench (SAMPLE)`);
  const csv = Buffer.from(`${lines.join('\n')}\n`);

  await ctx.jobs.start();
  const reads: number[] = [];
  /** When each read was answered: the longest gap is how long reads waited (event loop or database). */
  const answered: number[] = [performance.now()];
  let importing = true;
  const reader = (async () => {
    const staff = staffReads(ctx, { memo: false });
    let n = 0;
    while (importing) {
      const t0 = performance.now();
      unwrap(await showIndicator(staff, `STALL-${String((n++ % INDICATORS) + 1).padStart(4, '0')}`));
      reads.push(performance.now() - t0);
      answered.push(performance.now());
      await new Promise((r) => setTimeout(r, 20));
    }
  })();
  const t0 = performance.now();
  const admin = { kind: 'system' } as unknown as Parameters<typeof startActualsImport>[1];
  const { jobId } = unwrap(
    await startActualsImport(ctx, admin, {
      bytes: csv,
      file: 'stall.csv',
      dryRun: false,
      allowCorrections: false,
    }),
  );
  const job = await ctx.jobs.waitFor(jobId, { timeoutMs: 600_000 });
  const importMs = performance.now() - t0;
  importing = false;
  await reader;
  if (job.status !== 'succeeded') throw new Error(JSON.stringify(job.problems).slice(0, 500));
  await ctx.jobs.stop();
  const sorted = [...reads].sort((a, b) => a - b);
  const q = (p: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!);
  Object.assign(result, {
    importMs: Math.round(importMs),
    stored: (job.result as { recorded: number }).recorded,
    readsDuringImport: reads.length,
    readMedianMs: q(0.5),
    readP95Ms: q(0.95),
    readMaxMs: Math.round(sorted.at(-1) ?? 0),
    longestGapMs: Math.round(Math.max(...answered.slice(1).map((t, i) => t - answered[i]!))),
    loadAtEnd: loadavg().map((x) => Math.round(x * 10) / 10),
  });
  writeFileSync(join(root, 'bench/results/import-stall.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(
    join(root, 'bench/results/import-stall.md'),
    `# Reads during a 10,000-row import on the embedded database\n\n` +
      `Measured ${result.measuredAt} on ${cpus().length} shared cores, Node ${process.version}; load average ${(result.loadAtStart as number[]).join(' / ')} at the start, ${(result.loadAtEnd as number[]).join(' / ')} at the end. PGlite, in-process; 1,250 SAMPLE indicators × 8 plan years; the import is a background job (decision 0098); a reader shows one indicator every 20 ms meanwhile.\n\n` +
      `| figure | value |\n|---|---:|\n` +
      `| rows imported (stored) | ${result.stored} |\n` +
      `| import, from start to its job's end (ms) | ${result.importMs} |\n` +
      `| reads answered during the import | ${result.readsDuringImport} |\n` +
      `| read median / p95 / slowest (ms) | ${result.readMedianMs} / ${result.readP95Ms} / ${result.readMaxMs} |\n` +
      `| longest time with no read answered (ms; a reader asking every 20 ms) | ${result.longestGapMs} |\n`,
  );
  console.log(JSON.stringify(result, null, 2));
} finally {
  await ctx.close();
  rmSync(work, { recursive: true, force: true, maxRetries: 5, retryDelay: 500 });
}
