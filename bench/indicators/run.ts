/**
 * Imports 10,000 actual values from an xlsx file into a fresh embedded
 * database (PGlite in a new data directory) and records the time: reading the
 * file, validating every row, and storing all rows in one transaction.
 *
 * The Shiojiri plan is loaded and extended with 1,112 synthetic indicators
 * (flagged `sample: true`, codes BENCH-0001…) so that 10,000 distinct
 * (indicator, fiscal year) values exist within FY2024–FY2032. Cells are
 * written as offices type them: a third with 令和 years, a third with
 * full-width digits, numbers with thousands separators. The store includes
 * the copy of each version into current_actuals (statement trigger, migration 0093).
 * Results: bench/results/indicators.{json,md}, with the load average and the commit; earlier runs
 * are kept below the new one.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  defaultPlanFile,
  importIndicatorActuals,
  importPlan,
  listIndicators,
  loadPlanText,
  openApp,
  readTableFile,
} from '@mirai/app';
import { formatFiscalYear, type IndicatorDefinition, unwrap } from '@mirai/core';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';

const root = new URL('../..', import.meta.url).pathname;
const ROWS = 10_000;
const runs = Number(process.env.BENCH_RUNS ?? 3);
const years = Array.from({ length: 9 }, (_, i) => 2024 + i);
const indicatorCount = Math.ceil(ROWS / years.length);

const toFullWidth = (s: string) =>
  s.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

function benchPlanText(): string {
  const doc = unwrap(loadPlanText(readFileSync(defaultPlanFile(), 'utf8'), 'plan.yaml'));
  const measures = doc.measures.map((m) => m.code);
  for (let i = 0; i < indicatorCount; i++) {
    const code = `BENCH-${String(i + 1).padStart(4, '0')}`;
    const def: IndicatorDefinition = {
      code,
      name: { ja: `（ベンチ用サンプル）指標 ${i + 1}`, en: `(Bench sample) indicator ${i + 1}` },
      unit: { ja: '件', en: 'cases' },
      kind: 'administrative',
      direction: i % 2 === 0 ? 'higher-is-better' : 'lower-is-better',
      range: { min: 0 },
      serves: measures[i % measures.length]!,
      frequency: 'yearly',
      baseline: { value: 1000, asOf: '2023', source: { ja: 'ベンチ用サンプル', en: 'bench sample' } },
      targets: [{ fiscalYear: 2032, value: i % 2 === 0 ? 1500 : 500 }],
      sample: true,
    };
    doc.indicators.push(def as (typeof doc.indicators)[number]);
  }
  return JSON.stringify(doc);
}

async function writeXlsx(path: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('実績');
  ws.addRow(['指標コード', '年度', '実績値', '出典', '備考']);
  for (let r = 0; r < ROWS; r++) {
    const code = `BENCH-${String(Math.floor(r / years.length) + 1).padStart(4, '0')}`;
    const fy = years[r % years.length]!;
    const value = 800 + ((r * 7919) % 1400) + (r % 10) / 10;
    const fyText = r % 3 === 0 ? formatFiscalYear(fy) : r % 3 === 1 ? `FY${fy}` : String(fy);
    const valueText = value.toLocaleString('en-US', { maximumFractionDigits: 1 });
    ws.addRow([
      code,
      fyText,
      r % 3 === 2 ? toFullWidth(valueText) : valueText,
      '業務統計（ベンチ用）',
      r % 50 === 0 ? '確認済' : '',
    ]);
  }
  await wb.xlsx.writeFile(path);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const time = async <T>(f: () => Promise<T>): Promise<[T, number]> => {
  const t0 = performance.now();
  const v = await f();
  return [v, performance.now() - t0];
};

const work = mkdtempSync(join(tmpdir(), 'mirai-bench-ind-'));
const xlsx = join(work, 'actuals-10000.xlsx');
await writeXlsx(xlsx);
const planText = benchPlanText();
const measured: { read: number; dryRun: number; importMs: number; total: number; stored: number }[] = [];
const load = () => loadavg().map((x) => Math.round(x * 10) / 10);
const loadBefore = load();

try {
  for (let i = 0; i < runs; i++) {
    const ctx = await openApp({ dataDir: join(work, `db-${i}`), noSeed: true });
    try {
      unwrap(await importPlan(ctx, planText, 'bench-plan.json', { actor: 'bench' }));
      unwrap(await listIndicators(ctx)); // syncs the definitions before timing
      const t0 = performance.now();
      const [table, read] = await time(async () => unwrap(await readTableFile(xlsx)));
      const [dry, dryRun] = await time(async () =>
        unwrap(await importIndicatorActuals(ctx, table, { actor: 'bench', dryRun: true })),
      );
      const [done, importMs] = await time(async () =>
        unwrap(await importIndicatorActuals(ctx, table, { actor: 'bench' })),
      );
      const total = performance.now() - t0 - dryRun;
      const count = await sql<{ n: number }>`SELECT count(*)::int AS n FROM indicator_actuals`.execute(
        ctx.database.db,
      );
      const stored = Number(count.rows[0]?.n);
      // Each stored version is copied into current_actuals by a statement trigger (migration 0093).
      const currentCount = await sql<{ n: number }>`SELECT count(*)::int AS n FROM current_actuals`.execute(
        ctx.database.db,
      );
      const current = Number(currentCount.rows[0]?.n);
      if (dry.recorded !== ROWS || done.recorded !== ROWS || stored !== ROWS || current !== ROWS) {
        throw new Error(
          `expected ${ROWS} rows, validated ${done.recorded}, stored ${stored}, current ${current}`,
        );
      }
      measured.push({ read, dryRun, importMs, total, stored });
      console.log(
        `run ${i + 1}: read ${read.toFixed(0)} ms, validate+store ${importMs.toFixed(0)} ms, total ${total.toFixed(0)} ms`,
      );
    } finally {
      await ctx.close();
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

const pick = (k: keyof (typeof measured)[number]) => ({
  median: Math.round(median(measured.map((m) => m[k]))),
  all: measured.map((m) => Math.round(m[k])),
});
const commit = (() => {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
})();
// --- figures; earlier runs are kept below the new one
const jsonFile = join(root, 'bench/results/indicators.json');
const mdFile = join(root, 'bench/results/indicators.md');
const earlierJson = existsSync(jsonFile) ? JSON.parse(readFileSync(jsonFile, 'utf8')) : undefined;
const { earlier: olderJson = [], ...lastJson } = earlierJson ?? {};
const result = {
  benchmark: 'indicators',
  description:
    'Import 10,000 actual values from an xlsx file into a fresh embedded database (PGlite, data directory)',
  measuredAt: new Date().toISOString(),
  commit,
  machine: { cpus: cpus().length, node: process.version },
  load: { before: loadBefore, after: load() },
  rows: ROWS,
  runs,
  readXlsxMs: pick('read'),
  dryRunValidateMs: pick('dryRun'),
  validateAndStoreMs: pick('importMs'),
  totalReadValidateStoreMs: pick('total'),
  aimMs: 5000,
  earlier: earlierJson ? [lastJson, ...olderJson] : [],
};
writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
const title = '# Indicators: import 10,000 actual values from xlsx';
const earlierMarker = '## Earlier runs';
const previousMd = existsSync(mdFile) ? readFileSync(mdFile, 'utf8').replace(title, '').trim() : '';
const [lastMd = '', olderMd = ''] = previousMd.split(`${earlierMarker}\n`).map((x) => x.trim());
const olderSections = [lastMd, olderMd].filter(Boolean).join('\n\n');
const fmt = (xs: number[]) => xs.map((x) => x.toFixed(1)).join(' / ');
writeFileSync(
  mdFile,
  `${title}\n\n` +
    `## Run of ${result.measuredAt} (commit ${commit})\n\n` +
    `On ${result.machine.cpus} cores, Node ${result.machine.node}; load average (1/5/15 min) ${fmt(result.load.before)} before, ${fmt(result.load.after)} after; ${runs} runs, each into a fresh PGlite data directory; median (all runs). The store includes the copy of each version into current_actuals (statement trigger, migration 0093), checked: ${ROWS} current values.\n` +
    `The Shiojiri plan plus ${indicatorCount} synthetic sample indicators; cells typed as offices do (令和 years, full-width digits, thousands separators).\n\n` +
    `| step | median (ms) | runs (ms) |\n|---|---|---|\n` +
    `| read the xlsx (${ROWS} rows) | ${result.readXlsxMs.median} | ${result.readXlsxMs.all.join(', ')} |\n` +
    `| dry run (validate every row, store nothing) | ${result.dryRunValidateMs.median} | ${result.dryRunValidateMs.all.join(', ')} |\n` +
    `| validate and store in one transaction | ${result.validateAndStoreMs.median} | ${result.validateAndStoreMs.all.join(', ')} |\n` +
    `| **read + validate + store** | **${result.totalReadValidateStoreMs.median}** | ${result.totalReadValidateStoreMs.all.join(', ')} |\n\n` +
    `Aim: well under ${result.aimMs} ms.\n` +
    (olderSections ? `\n${earlierMarker}\n\n${olderSections}\n` : ''),
);
const { earlier: _earlier, ...shown } = result;
console.log(JSON.stringify(shown, null, 2));
