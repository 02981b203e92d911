/**
 * Rendering the annual evaluation report of a 500-project round: the bundled
 * sample plan plus 500 synthetic projects (flagged sample, "（合成データ）"),
 * every sheet filled with sample text, then the report timed as HTML, xlsx and
 * PDF (headless Chromium, A4): reading the model from the database, the
 * rendering, the bytes and pages. Results: bench/results/reports.{json,md}.
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  completeSampleRound,
  contextFor,
  loadAnnualReport,
  recordSampleActuals,
  renderAnnualReport,
  seedEvaluationPlan,
} from '@mirai/app';
import { createDatabase, migrateToLatest } from '@mirai/db';

const root = new URL('../..', import.meta.url).pathname;
const N = Number(process.env.BENCH_PROJECTS ?? 500);
const dept = 'DEPT-INDUSTRY';
const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
};
const must = <T>(r: { ok: true; value: T } | { ok: false; problems: unknown[] }): T => {
  if (!r.ok) throw new Error(JSON.stringify(r.problems.slice(0, 5)));
  return r.value;
};

const database = await createDatabase({ kind: 'pglite' });
await migrateToLatest(database.db);
const ctx = contextFor(database);
const [, seedMs] = await time(async () => {
  const doc = await seedEvaluationPlan(database.db, { syntheticProjects: N, syntheticDepartment: dept });
  await recordSampleActuals(ctx, doc, N + 20);
});
const [, setupMs] = await time(() => completeSampleRound(ctx, { fiscalYear: 2024, publish: 'fill' }));
const [model, modelMs] = await time(async () => must(await loadAnnualReport(ctx, 2024)));
const progress: number[] = [];
const [html, htmlMs] = await time(async () =>
  must(await renderAnnualReport(ctx, { fiscalYear: 2024, format: 'html' })),
);
const [xlsx, xlsxMs] = await time(async () =>
  must(await renderAnnualReport(ctx, { fiscalYear: 2024, format: 'xlsx' })),
);
// The PDF gets a time limit: on a loaded machine Chromium may take very long on hundreds of pages,
// and a figure "did not finish in N minutes" is a result too.
const pdfTimeoutMs = Number(process.env.BENCH_PDF_TIMEOUT_MS ?? 600_000);
console.log(
  `setup ${Math.round(seedMs + setupMs)} ms, model ${Math.round(modelMs)} ms, html ${Math.round(htmlMs)} ms, xlsx ${Math.round(xlsxMs)} ms; PDF…`,
);
const t0 = performance.now();
const pdf = await Promise.race([
  renderAnnualReport(ctx, { fiscalYear: 2024, format: 'pdf', onProgress: (s) => progress.push(s) }).then(
    must,
  ),
  new Promise<null>((resolve) => setTimeout(() => resolve(null), pdfTimeoutMs).unref()),
]);
const pdfMs = pdf ? performance.now() - t0 : null;
let pages: number | null = null;
if (pdf) {
  const file = join(tmpdir(), 'mirai-bench-report.pdf');
  writeFileSync(file, pdf.body);
  pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))?.[1]);
  await database.close();
}

const round = (x: number) => Math.round(x);
const result = {
  benchmark: 'reports',
  measuredAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    node: process.version,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
  },
  data: {
    synthetic: true,
    note: 'The bundled sample plan plus generated projects (flagged sample, named "（合成データ）"); not Shiojiri data.',
    projects: model.totals.projects,
    measures: model.totals.measures,
  },
  database: 'PGlite in memory',
  seedPlanAndActualsMs: round(seedMs),
  fillSheetsMs: round(setupMs),
  modelMs: round(modelMs),
  htmlMs: round(htmlMs),
  htmlBytes: html.body.length,
  xlsxMs: round(xlsxMs),
  xlsxBytes: xlsx.body.length,
  pdfMs: pdfMs === null ? null : round(pdfMs),
  pdfTimeoutMs,
  pdfBytes: pdf ? pdf.body.length : null,
  pdfPages: pages,
  progressSteps: progress.map((p) => Math.round(p * 100) / 100),
};
writeFileSync(join(root, 'bench/results/reports.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  join(root, 'bench/results/reports.md'),
  `# Annual evaluation report (${result.data.projects} projects, synthetic)

Measured ${result.measuredAt} on ${result.machine.cpus} CPUs, Node ${result.machine.node}, load average ${result.machine.loadAverage1m} (other work was running on the machine); ${result.database}.
Data: **synthetic** — the bundled sample plan plus ${N} generated projects, every sheet filled with sample text
(${result.data.measures} measure sheets, ${result.data.projects} project sheets). Each format is rendered once, from the database.

| step | time | size |
|---|---|---|
| read the report model (sheets, indicator figures, departments) | ${result.modelMs} ms | |
| HTML (model + document with inline SVG charts) | ${result.htmlMs} ms | ${Math.round(result.htmlBytes / 1024)} KiB |
| xlsx (exceljs, one A4 worksheet per sheet) | ${result.xlsxMs} ms | ${Math.round(result.xlsxBytes / 1024)} KiB |
| PDF (headless Chromium, A4, contents with page numbers) | ${result.pdfMs === null ? `not finished within ${result.pdfTimeoutMs} ms (reached ${result.progressSteps.at(-1) ?? 0} of the render's steps)` : `${result.pdfMs} ms`} | ${result.pdfBytes === null ? '—' : `${Math.round(result.pdfBytes / 1024)} KiB, ${result.pdfPages} pages`} |

(Setup, not part of the report: the plan with ${N} synthetic projects and their sample actuals ${result.seedPlanAndActualsMs} ms; opening the round and filling the ${result.data.projects + result.data.measures} sheets through the use cases ${result.fillSheetsMs} ms.)
`,
);
console.log(JSON.stringify(result, null, 2));
// A PDF render cut off by the time limit leaves its browser running: end it with the process.
process.exit(0);
