/**
 * 50 clients editing the same evaluation sheets at once (issue #19 item 7, decision 0142). A
 * server (in this process) on PGlite and, when BENCH_DATABASE_URL's server answers, on
 * PostgreSQL; a round over BENCH_SHEETS project sheets; BENCH_CLIENTS clients, each with its own
 * account (a clerk of the sheets' department) and token, each making BENCH_EDITS edits spread over the sheets. An edit is
 * the protocol a browser follows: read the sheet (content and version), append a tag naming the
 * client and the edit to the sheet's improvements text, save it naming the version read; on 409 read again and
 * retry. At the end every sheet is read back: each acknowledged edit (200) must be in it, no
 * refused one may be, and the sheet's version must have grown by exactly the acknowledged saves.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { bearerHeaders, createTestAccount, testAuthSettings } from '@mirai/api/testing';
import { type AppContext, contextFor, openEvaluationRound, seedEvaluationPlan, sheetIdOf } from '@mirai/app';
import type { Actor } from '@mirai/core';
import { createDatabase, type MiraiDatabase, migrateToLatest } from '@mirai/db';
import { startServer } from '@mirai/server';
import pg from 'pg';
import { adminUrl, dropDatabase, freshDatabase } from '../support/postgres-server';

const root = new URL('../..', import.meta.url).pathname;
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 50);
const EDITS = Number(process.env.BENCH_EDITS ?? 6);
const SHEETS = Number(process.env.BENCH_SHEETS ?? 3);
const MAX_TRIES = Number(process.env.BENCH_MAX_TRIES ?? 400);
const actor: Actor = { id: 'bench', role: 'admin' };
type Json = Record<string, unknown>;

interface Outcome {
  database: string;
  clients: number;
  editsPerClient: number;
  sheets: number;
  acknowledged: number;
  gaveUp: number;
  conflicts409: number;
  otherErrors: number;
  networkErrors: number;
  recoveredFromReadBack: number;
  lostUpdates: number;
  phantomEdits: number;
  versionGapSheets: number;
  seconds: number;
  savesPerSecond: number;
  retriesP50: number;
  retriesMax: number;
  editMsP50: number;
  editMsP95: number;
  editMsP99: number;
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0) : 0;
};

async function runOn(label: string, database: MiraiDatabase): Promise<Outcome> {
  await migrateToLatest(database.db, database.schema);
  const ctx: AppContext = contextFor(database);
  const doc = await seedEvaluationPlan(database.db);
  // The sheets of one department (its clerks edit them): the department with the most projects.
  const all = doc.implementationPlans[0]!.projects;
  const count = new Map<string, number>();
  for (const p of all) count.set(p.department, (count.get(p.department) ?? 0) + 1);
  const department = [...count].sort((a, b) => b[1] - a[1])[0]![0];
  const projects = all
    .filter((p) => p.department === department)
    .slice(0, SHEETS)
    .map((p) => p.code);
  const opened = await openEvaluationRound(ctx, {
    fiscalYear: 2024,
    actor,
    openedOn: { year: 2025, month: 6, day: 2 },
    scope: { measureCodes: [], projectCodes: projects },
  });
  if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
  const server = await startServer(ctx, 0, '127.0.0.1', {
    auth: { settings: testAuthSettings },
    reminders: false,
  });
  const base = server.url.replace(/\/$/, '');
  const sheetIds = projects.map((code) => sheetIdOf(opened.value.id, 'project', code));
  const headers: Record<string, string>[] = [];
  for (let i = 0; i < CLIENTS; i++)
    headers.push(await bearerHeaders(ctx, await createTestAccount(ctx, 'department-editor', { department })));

  let networkErrors = 0;
  const read = async (h: Record<string, string>, id: string): Promise<{ version: number; content: Json }> => {
    let res: Response | undefined;
    for (let i = 0; !res; i++) {
      res = await fetch(`${base}/api/v1/evaluation/sheets/${id}`, { headers: h }).catch((error) => {
        if (i >= 20) throw error;
        networkErrors++;
        return undefined;
      });
    }
    if (res.status !== 200) throw new Error(`read ${id}: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { sheet: { version: number; content: Json } }).sheet;
  };
  const startVersion = new Map<string, number>();
  for (const id of sheetIds) startVersion.set(id, (await read(headers[0]!, id)).version);

  const acked = new Map<string, Set<string>>(sheetIds.map((id) => [id, new Set()]));
  const refused = new Map<string, Set<string>>(sheetIds.map((id) => [id, new Set()]));
  let conflicts = 0;
  let recoveredFromReadBack = 0;
  let otherErrors = 0;
  let gaveUp = 0;
  const retries: number[] = [];
  const editMs: number[] = [];
  const t0 = performance.now();
  await Promise.all(
    headers.map(async (h, client) => {
      for (let k = 0; k < EDITS; k++) {
        const id = sheetIds[(client + k) % sheetIds.length]!;
        const marker = `c${client}-e${k}`;
        const e0 = performance.now();
        let done = false;
        for (let attempt = 0; attempt < MAX_TRIES && !done; attempt++) {
          const sheet = await read(h, id);
          if (attempt > 0 && String(sheet.content.improvements ?? '').includes(`[${marker}]`)) {
            // A save whose answer was lost on the way (network) did happen: the sheet says so.
            acked.get(id)!.add(marker);
            recoveredFromReadBack++;
            done = true;
            break;
          }
          const content = { ...sheet.content } as Json & { improvements?: string };
          content.improvements = `${content.improvements ?? ''}[${marker}]`;
          const res = await fetch(`${base}/api/v1/evaluation/sheets/${id}`, {
            method: 'PUT',
            headers: { ...h, 'content-type': 'application/json' },
            body: JSON.stringify({ expectedVersion: sheet.version, content }),
          }).catch(() => undefined);
          if (!res) {
            networkErrors++; // not acknowledged: read again (the tag shows whether it was stored)
            continue;
          }
          const answer = await res.text();
          if (res.status === 200) {
            acked.get(id)!.add(marker);
            retries.push(attempt);
            done = true;
          } else if (res.status === 409) conflicts++;
          else {
            if (otherErrors === 0) console.error(`first other answer: ${res.status} ${answer.slice(0, 400)}`);
            otherErrors++;
            refused.get(id)!.add(marker);
            done = true;
          }
        }
        if (!done) {
          gaveUp++;
          refused.get(id)!.add(marker);
        }
        editMs.push(performance.now() - e0);
      }
    }),
  );
  const seconds = (performance.now() - t0) / 1000;
  let lost = 0;
  let phantom = 0;
  let gaps = 0;
  let acknowledged = 0;
  for (const id of sheetIds) {
    const sheet = await read(headers[0]!, id);
    const text = String(sheet.content.improvements ?? '');
    const ok = acked.get(id)!;
    acknowledged += ok.size;
    for (const m of ok) if (!text.includes(`[${m}]`)) lost++;
    for (const m of refused.get(id)!) if (text.includes(`[${m}]`)) phantom++;
    if (sheet.version - (startVersion.get(id) ?? 0) !== ok.size) gaps++;
  }
  await server.close(1000);
  return {
    database: label,
    clients: CLIENTS,
    editsPerClient: EDITS,
    sheets: SHEETS,
    acknowledged,
    gaveUp,
    conflicts409: conflicts,
    otherErrors,
    networkErrors,
    recoveredFromReadBack,
    lostUpdates: lost,
    phantomEdits: phantom,
    versionGapSheets: gaps,
    seconds: Math.round(seconds * 10) / 10,
    savesPerSecond: Math.round((acknowledged / seconds) * 10) / 10,
    retriesP50: pct(retries, 50),
    retriesMax: Math.max(0, ...retries),
    editMsP50: Math.round(pct(editMs, 50)),
    editMsP95: Math.round(pct(editMs, 95)),
    editMsP99: Math.round(pct(editMs, 99)),
  };
}

async function postgresReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}

const outcomes: Outcome[] = [];
{
  const database = await createDatabase({ kind: 'pglite' });
  outcomes.push(await runOn('embedded (PGlite, in memory)', database));
  await database.close();
}
if (process.env.BENCH_SKIP_POSTGRES !== '1' && (await postgresReachable())) {
  const name = 'mirai_bench_edits';
  const database = await createDatabase({ kind: 'postgres', url: await freshDatabase(name) });
  try {
    outcomes.push(await runOn('PostgreSQL server', database));
  } finally {
    await database.close();
    await dropDatabase(name);
  }
}
for (const o of outcomes) console.log(JSON.stringify(o));
const result = {
  benchmark: 'concurrent-edits',
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  loadAtEnd: loadavg().map((x) => Math.round(x * 10) / 10),
  outcomes,
};
writeFileSync(join(root, 'bench/results/concurrent-edits.json'), `${JSON.stringify(result, null, 2)}\n`);
const md = [
  '# Concurrent edits of the same evaluation sheets (409 on stale, retry)',
  '',
  `Measured ${result.measuredAt} on ${result.machine.cpus} cores (shared), Node ${result.machine.node}; load at end ${result.loadAtEnd.join(' / ')}.`,
  `${CLIENTS} clients (each its own department-editor account and API token, one department) × ${EDITS} edits over ${SHEETS} project sheets of one round, all at once, through HTTP to a server in the bench process. An edit reads the sheet, appends a tag naming the client and edit to the sheet's 改善 text, and saves with the version read; a 409 means read again and retry (at most ${MAX_TRIES} tries). Afterwards every sheet is read back. Settings: BENCH_CLIENTS, BENCH_EDITS, BENCH_SHEETS, BENCH_MAX_TRIES, BENCH_DATABASE_URL (BENCH_SKIP_POSTGRES=1 for embedded only).`,
  '',
  '| database | acknowledged saves | lost updates | refused edits found stored | sheets whose version ≠ start + acknowledged | 409 answers | other errors | network errors (retried) | gave up | saves/s | tries per edit p50 / max | ms per edit p50 / p95 / p99 |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ...outcomes.map(
    (o) =>
      `| ${o.database} | ${o.acknowledged} of ${o.clients * o.editsPerClient} | ${o.lostUpdates} | ${o.phantomEdits} | ${o.versionGapSheets} | ${o.conflicts409} | ${o.otherErrors} | ${o.networkErrors} (${o.recoveredFromReadBack} saves found stored on read-back) | ${o.gaveUp} | ${o.savesPerSecond} | ${o.retriesP50 + 1} / ${o.retriesMax + 1} | ${o.editMsP50} / ${o.editMsP95} / ${o.editMsP99} |`,
  ),
  '',
  'A lost update is an acknowledged edit missing from the sheet at the end. Every save replaces the whole content, so a save accepted on a stale version would lose the tags added since; the version check (409) is what prevents it.',
  '',
];
writeFileSync(join(root, 'bench/results/concurrent-edits.md'), md.join('\n'));
console.log(md.join('\n'));
if (
  outcomes.some((o) => o.lostUpdates > 0 || o.phantomEdits > 0 || o.versionGapSheets > 0 || o.otherErrors > 0)
)
  process.exitCode = 1;
