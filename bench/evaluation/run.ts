/**
 * Importing a 500-project department workbook: a synthetic plan (the bundled
 * sample plan plus 500 generated projects, flagged sample and "synthetic"),
 * a round over those projects, the department's workbook exported, every
 * worksheet filled in (as a clerk would), then the import timed: dry run,
 * the real import (one transaction, 500 audited writes), and re-importing the
 * unchanged result. Target: well under 10 s. Results: bench/results/evaluation.{json,md}.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import {
  contextFor,
  exportRoundWorkbooks,
  importEvaluationWorkbook,
  openEvaluationRound,
  recordSampleActuals,
  seedEvaluationPlan,
} from '@mirai/app';
import type { Actor } from '@mirai/core';
import { createDatabase, migrateToLatest } from '@mirai/db';
import ExcelJS from 'exceljs';

const root = new URL('../..', import.meta.url).pathname;
const N = Number(process.env.BENCH_PROJECTS ?? 500);
const runs = Number(process.env.BENCH_RUNS ?? 3);
const dept = 'DEPT-SYNTH';
const actor: Actor = { id: 'bench', role: 'admin' };
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
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
const doc = await seedEvaluationPlan(database.db, { syntheticProjects: N, syntheticDepartment: dept });
await recordSampleActuals(ctx, doc, 0);
const synthetic = doc.implementationPlans[0]!.projects.filter((p) => p.department === dept).map(
  (p) => p.code,
);
must(
  await openEvaluationRound(ctx, {
    fiscalYear: 2024,
    actor,
    openedOn: { year: 2025, month: 6, day: 2 },
    scope: { measureCodes: [], projectCodes: synthetic },
  }),
);
const [books, exportMs] = await time(async () =>
  must(await exportRoundWorkbooks(ctx, { fiscalYear: 2024, departmentCode: dept })),
);
const book = books[0]!;

// Fill every worksheet (not timed).
const wb = new ExcelJS.Workbook();
await wb.xlsx.load(book.buffer as unknown as ArrayBuffer);
const fill: Record<string, string | number> = {
  事業開始年度: 2020,
  実施方法: '直営',
  '対象（誰・何を）': '（合成データ）対象',
  '意図（どういう状態にしたいか）': '（合成データ）意図',
  '手段（事業内容）': '（合成データ）手段',
  '財源：一般財源': 1200,
  '人工（人・年）': 0.2,
  平均職員費: 8000,
  必要性: '4',
  有効性: '3',
  効率性: '3',
  手段の適切性: '4',
  総合評価: 'B',
  今後の方向性: '継続',
  課題: '（合成データ）課題',
};
for (const ws of wb.worksheets) {
  if (ws.name.startsWith('_') || ws.name === '表紙') continue;
  for (let r = 1; r <= 60; r++) {
    const label = ws.getCell(`A${r}`).value;
    if (typeof label === 'string' && label in fill) ws.getCell(`B${r}`).value = fill[label]!;
  }
}
const filled = Buffer.from(await wb.xlsx.writeBuffer());

const dry: number[] = [];
for (let i = 0; i < runs; i++) {
  const [r, ms] = await time(async () =>
    must(await importEvaluationWorkbook(ctx, { file: 'synthetic.xlsx', bytes: filled, actor, dryRun: true })),
  );
  if (r.changed.length !== N) throw new Error(`dry run found ${r.changed.length} changes, expected ${N}`);
  dry.push(ms);
}
const [real, realMs] = await time(async () =>
  must(await importEvaluationWorkbook(ctx, { file: 'synthetic.xlsx', bytes: filled, actor })),
);
if (real.changed.length !== N) throw new Error(`import stored ${real.changed.length}, expected ${N}`);
// The stored sheets now equal the workbook: importing it again changes nothing.
const again: number[] = [];
for (let i = 0; i < runs; i++) {
  const [r, ms] = await time(async () =>
    must(await importEvaluationWorkbook(ctx, { file: 'synthetic.xlsx', bytes: filled, actor })),
  );
  if (r.changed.length !== 0) throw new Error('re-import changed sheets');
  again.push(ms);
}
// exceljs parsing the filled workbook alone, warm, for reference.
const parse: number[] = [];
for (let i = 0; i < runs; i++) {
  const [, ms] = await time(() => new ExcelJS.Workbook().xlsx.load(filled as unknown as ArrayBuffer));
  parse.push(ms);
}
await database.close();

const round = (x: number) => Math.round(x);
const result = {
  benchmark: 'evaluation',
  measuredAt: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    node: process.version,
    loadAverage1m: Math.round(loadavg()[0]! * 100) / 100,
  },
  data: {
    synthetic: true,
    note: 'The bundled sample plan plus generated projects (flagged sample, named "（合成データ）"); not Shiojiri data.',
    projects: N,
    worksheets: book.sheets,
    workbookBytes: filled.length,
  },
  database: 'PGlite in memory',
  runs,
  exportMs: round(exportMs),
  exceljsParseMs: { median: round(median(parse)), all: parse.map(round) },
  dryRunMs: { median: round(median(dry)), all: dry.map(round) },
  importMs: round(realMs),
  unchangedReimportMs: { median: round(median(again)), all: again.map(round) },
  targetMs: 10_000,
};
writeFileSync(join(root, 'bench/results/evaluation.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  join(root, 'bench/results/evaluation.md'),
  `# Evaluation workbook import (${N} projects, synthetic)

Measured ${result.measuredAt} on ${result.machine.cpus} CPUs, Node ${result.machine.node}, load average ${result.machine.loadAverage1m} (other work was running on the machine); ${result.database}.
Data: **synthetic** — the bundled sample plan plus ${N} generated projects in one department, one worksheet each (${book.sheets} worksheets, ${Math.round(filled.length / 1024)} KiB).

| step | time |
|---|---|
| export the department workbook | ${result.exportMs} ms |
| exceljs parse of the filled workbook alone (median of ${runs}, for reference) | ${result.exceljsParseMs.median} ms |
| import, dry run: size/zip checks, parse, IDs, labels, every cell, template checks (median of ${runs}) | ${result.dryRunMs.median} ms |
| import, stored (one transaction, ${N} audited writes) | ${result.importMs} ms |
| re-import unchanged (median of ${runs}; nothing written) | ${result.unchangedReimportMs.median} ms |

Target: well under 10 s for the import.
`,
);
console.log(JSON.stringify(result, null, 2));
