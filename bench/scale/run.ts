/**
 * Scale (issue #19 item 7): BENCH_MUNICIPALITIES (default 1,741) synthetic municipalities × 300
 * indicators × 9 fiscal years in one PostgreSQL database (mirai_scale on the bench server, created
 * and dropped here), one mirai-server serving all of them by host name, and clients asking the
 * public plan and indicator endpoints (and the top page) of randomly chosen municipalities through
 * their Host headers. Times are kept apart for cold answers (the first request for a municipality
 * and URL: the answer cache cannot have it) and warm ones (the same requests again).
 *
 * Loading: municipalities 1 and 2 through the ordinary use cases (add municipality, import its
 * actual values), every other one copied from municipality 1 set-based (bulk-load.ts), checked
 * by row counts and references, then through HTTP: sampled municipalities answer with their own
 * code and name at their own host, an unknown host gets 404.
 *
 * BENCH_SCALE_REUSE=1 skips loading: the database BENCH_SCALE_DB loaded by an earlier run (with
 * BENCH_KEEP_DB=1) is migrated to the latest schema, analysed and checked, and only the timed
 * part runs (the database is kept). BENCH_WORKERS lists the server set-ups to time, e.g. "1,2":
 * one mirai-server, then two processes behind one port (--workers 2, decision 0144), each on its
 * own seeded sample of municipalities (a sample another set-up warmed would not be cold).
 * Earlier runs' figures are kept below the new ones in the results files.
 */

import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Agent, request as httpRequest } from 'node:http';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { addMunicipality, contextFor, importIndicatorActuals, readTableBytes } from '@mirai/app';
import { createDatabase, globally, migrateToLatest, withMunicipality } from '@mirai/db';
import pg from 'pg';
import { adminUrl, dropDatabase, freshDatabase, startOnPostgres } from '../support/postgres-server';
import { syntheticMunicipality, syntheticNames } from '../support/synthetic-municipalities';
import { bulkCopy, checkCopies, copiedTables, hostOf } from './bulk-load';

const root = new URL('../..', import.meta.url).pathname;
const N = Number(process.env.BENCH_MUNICIPALITIES ?? 1741);
const SAMPLE = Math.min(N, Number(process.env.BENCH_SAMPLE ?? 200));
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 4);
const WARM_ROUNDS = Number(process.env.BENCH_WARM_ROUNDS ?? 2);
const DB = process.env.BENCH_SCALE_DB ?? 'mirai_scale';
const reuse = process.env.BENCH_SCALE_REUSE === '1';
const keep = reuse || process.env.BENCH_KEEP_DB === '1';
const WORKERS = (process.env.BENCH_WORKERS ?? '1').split(',').map(Number);
if (WORKERS.some((w) => !Number.isInteger(w) || w < 1)) throw new Error('BENCH_WORKERS: e.g. 1 or 1,2');
const load = () => loadavg().map((x) => Math.round(x * 10) / 10);
const say = (s: string) => console.log(`[scale ${new Date().toISOString().slice(11, 19)}] ${s}`);
const loads: Record<string, number[]> = { start: load() };

// --- the database
const imports: { code: string; planMs: number; actualsMs: number }[] = [];
let copyMs = 0;
let url: string;
if (reuse) {
  const u = new URL(adminUrl());
  u.pathname = `/${DB}`;
  url = u.toString();
  say(`database ${DB} as loaded before (BENCH_SCALE_REUSE=1): migrating to the latest schema, no loading`);
  const database = await createDatabase({ kind: 'postgres', url });
  await globally(() => migrateToLatest(database.db));
  await database.close();
} else {
  url = await freshDatabase(DB);
  say(`database ${DB}; ${N} municipalities`);
  const database = await createDatabase({ kind: 'postgres', url });
  await globally(() => migrateToLatest(database.db));
  const ctx = contextFor(database);
  for (const i of N >= 2 ? [1, 2] : [1]) {
    const m = syntheticMunicipality(i);
    const t0 = performance.now();
    const added = await addMunicipality(ctx, {
      code: m.code,
      hosts: [hostOf(m.code)],
      plan: { text: m.planYaml, file: 'plan.yaml' },
      actor: 'bench',
      // No accounts: the copies carry public data only (the bulk copy refuses tables it does not copy).
      admin: false,
    });
    if (!added.ok) throw new Error(JSON.stringify(added.problems.slice(0, 3)));
    const t1 = performance.now();
    const table = await readTableBytes(Buffer.from(m.actualsCsv), 'actuals.csv');
    if (!table.ok) throw new Error(JSON.stringify(table.problems.slice(0, 3)));
    const actuals = await withMunicipality(m.code, () =>
      importIndicatorActuals(ctx, table.value, { actor: 'bench' }),
    );
    if (!actuals.ok) throw new Error(JSON.stringify(actuals.problems.slice(0, 3)));
    imports.push({
      code: m.code,
      planMs: Math.round(t1 - t0),
      actualsMs: Math.round(performance.now() - t1),
    });
    say(
      `imported ${m.code} through the use cases: plan ${imports.at(-1)!.planMs} ms, actuals ${imports.at(-1)!.actualsMs} ms`,
    );
  }
  await ctx.close();

  if (N > 2) {
    const copied = await bulkCopy(url, {
      templateIndex: 1,
      from: 3,
      to: N,
      batch: 50,
      progress: (done, total, ms) => {
        if (done === total || done % 250 === 0 || done === 50)
          say(`copied ${done}/${total} (${Math.round(ms / 1000)} s, load ${load()[0]})`);
      },
    });
    copyMs = copied.ms;
  }
}
loads.afterCopy = load();
const admin = new pg.Client({ connectionString: url });
await admin.connect();
const tv = performance.now();
await admin.query('VACUUM ANALYZE');
const analyzeMs = performance.now() - tv;
say(`VACUUM ANALYZE ${Math.round(analyzeMs / 1000)} s`);
const copyProblems = await checkCopies(url, syntheticNames(1).code);
say(copyProblems.length ? `copy problems: ${copyProblems.join('; ')}` : 'copies check out');
const rows: Record<string, number> = {};
for (const t of [...copiedTables, 'municipalities', 'municipality_hosts'])
  rows[t] = Number((await admin.query(`SELECT count(*) AS n FROM ${t}`)).rows[0].n);
const dbBytes = Number((await admin.query('SELECT pg_database_size(current_database()) AS b')).rows[0].b);
await admin.end();
say(`rows ${JSON.stringify(rows)}; ${Math.round(dbBytes / 2 ** 20)} MiB`);
if (reuse && rows.municipalities !== N)
  throw new Error(`BENCH_SCALE_REUSE: ${DB} holds ${rows.municipalities} municipalities, not ${N}`);

// --- the requests
interface Answer {
  status: number;
  ms: number;
  body: string;
}
let port = 0;
let agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
const ask = (host: string, path: string, gzip: boolean) =>
  new Promise<Answer>((resolve, reject) => {
    const t0 = performance.now();
    const headers: Record<string, string> = { host };
    if (gzip) headers['accept-encoding'] = 'gzip';
    const req = httpRequest({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          ms: performance.now() - t0,
          body: res.headers['content-encoding'] ? '' : Buffer.concat(chunks).toString('utf8'),
        }),
      );
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
const get = (host: string, path: string) => ask(host, path, true);
const plain = (host: string, path: string) => ask(host, path, false);

// A seeded order of municipalities (so runs compare): set-up k times the k-th slice of SAMPLE.
let seed = 20261206;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const shuffle = <T>(xs: T[]) => {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [xs[i], xs[j]] = [xs[j]!, xs[i]!];
  }
  return xs;
};
const order = shuffle(Array.from({ length: N }, (_, k) => k + 1));
const samples = WORKERS.map((_, k) => order.slice(k * SAMPLE, (k + 1) * SAMPLE));
if (samples.some((x) => x.length < SAMPLE))
  throw new Error(`BENCH_WORKERS: ${WORKERS.length} set-ups × ${SAMPLE} municipalities exceed ${N}`);
const sampled = new Set(samples.flat());
// Checked through HTTP: municipalities no timed sample touches.
const checked = [
  ...new Set([1, 2, N, Math.ceil(N / 2), ...shuffle(Array.from({ length: N }, (_, k) => k + 1)).slice(0, 8)]),
].filter((i) => !sampled.has(i));

const indicatorCodes = syntheticMunicipality(1).indicatorCodes;
const kinds = ['plan', 'indicators', 'indicator', 'progress', 'page'] as const;
type Kind = (typeof kinds)[number];
const pathOf = (kind: Kind, i: number) =>
  kind === 'plan'
    ? '/api/v1/plan'
    : kind === 'indicators'
      ? '/api/v1/indicators'
      : kind === 'indicator'
        ? `/api/v1/indicators/${indicatorCodes[(i * 37) % indicatorCodes.length]}`
        : kind === 'progress'
          ? '/api/v1/progress'
          : '/';
type Timings = Record<Kind, number[]>;
const empty = (): Timings => ({ plan: [], indicators: [], indicator: [], progress: [], page: [] });
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]! * 10) / 10 : 0;
};
const summary = (t: Timings) =>
  Object.fromEntries(
    [...kinds, 'all' as const].map((k) => {
      const xs = k === 'all' ? kinds.flatMap((x) => t[x]) : t[k];
      return [k, { n: xs.length, p50: pct(xs, 50), p95: pct(xs, 95), p99: pct(xs, 99), max: pct(xs, 100) }];
    }),
  ) as Record<Kind | 'all', { n: number; p50: number; p95: number; p99: number; max: number }>;
type Summary = ReturnType<typeof summary>;
const target = 50;
const endpoints = ['plan', 'indicators', 'indicator'] as const;
const met = (s: Summary) => endpoints.every((k) => (s[k]?.p95 ?? Infinity) <= target);

async function checkHttp(): Promise<string[]> {
  const problems: string[] = [];
  for (const i of checked) {
    const n = syntheticNames(i);
    const plan = await plain(hostOf(n.code), '/api/v1/plan');
    const doc = plan.status === 200 ? JSON.parse(plan.body) : undefined;
    const text = JSON.stringify(doc ?? {});
    if (plan.status !== 200 || !text.includes(`"${n.code}"`) || !text.includes(n.name.ja))
      problems.push(`${n.code}: /api/v1/plan ${plan.status} without its own code and name`);
    for (const other of [1, 2, N].filter((x) => x !== i))
      if (
        text.includes(syntheticNames(other).name.ja + '"') ||
        text.includes(`"${syntheticNames(other).code}"`)
      )
        problems.push(`${n.code}: /api/v1/plan shows municipality ${syntheticNames(other).code}`);
    const list = await plain(hostOf(n.code), '/api/v1/indicators');
    const count =
      list.status === 200 ? (JSON.parse(list.body).indicators ?? JSON.parse(list.body)).length : -1;
    if (count !== 300) problems.push(`${n.code}: /api/v1/indicators ${list.status}, ${count} indicators`);
    const top = await plain(hostOf(n.code), '/');
    if (top.status !== 200 || !top.body.includes(n.name.ja))
      problems.push(`${n.code}: / ${top.status} without its own name`);
  }
  const unknown = await plain('nowhere.scale.test', '/api/v1/plan');
  if (unknown.status !== 404) problems.push(`unknown host: ${unknown.status}, not 404`);
  return problems;
}

/** One server set-up (`workers` processes on one port) timed on its own sample of municipalities. */
async function timeSetUp(workers: number, chosen: number[]) {
  const setUpLoads: Record<string, number[]> = { beforeStart: load() };
  const server = await startOnPostgres(url, { workers, env: { MIRAI_ACCESS_LOG: '0' } });
  port = Number(new URL(server.base).port);
  agent = new Agent({ keepAlive: true, maxSockets: CLIENTS });
  const label = workers === 1 ? 'one process' : `${workers} processes on one port`;
  let errors = 0;
  let httpProblems: string[] = [];
  const cold1 = empty();
  const cold = empty();
  const warm = empty();
  const pairs = shuffle(chosen.flatMap((i) => kinds.map((kind) => ({ i, kind }))));
  const half = Math.floor(pairs.length / 2);
  let cold1Seconds = 0;
  let coldSeconds = 0;
  let warmSeconds = 0;
  async function runPhase(list: typeof pairs, into: Timings, phase: string, clients = CLIENTS) {
    let next = 0;
    let done = 0;
    const t0 = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (next < list.length) {
          const { i, kind } = list[next++]!;
          const a = await get(hostOf(syntheticNames(i).code), pathOf(kind, i));
          if (a.status !== 200) errors++;
          into[kind].push(a.ms);
          if (++done % 250 === 0) say(`${label}, ${phase}: ${done}/${list.length}, load ${load()[0]}`);
        }
      }),
    );
    const sec = (performance.now() - t0) / 1000;
    say(
      `${label}, ${phase}: ${list.length} requests in ${sec.toFixed(1)} s (${Math.round(list.length / sec)} req/s), load ${load()[0]}`,
    );
    return sec;
  }
  try {
    httpProblems = await checkHttp();
    say(
      httpProblems.length
        ? `HTTP problems: ${httpProblems.join('; ')}`
        : `HTTP check (${label}): ${checked.length} municipalities each at their own host with their own code, name and 300 indicators; unknown host 404`,
    );
    // Cold requests: half one at a time (the time to answer), half from all clients at once (with
    // the queueing a busy server adds); warm: all of them again from all clients.
    setUpLoads.beforeCold = load();
    cold1Seconds = await runPhase(pairs.slice(0, half), cold1, 'cold, one client', 1);
    setUpLoads.between = load();
    coldSeconds = await runPhase(pairs.slice(half), cold, `cold, ${CLIENTS} clients`);
    setUpLoads.afterCold = load();
    for (let r = 0; r < WARM_ROUNDS; r++)
      warmSeconds += await runPhase(shuffle([...pairs]), warm, `warm ${r + 1}`);
    setUpLoads.afterWarm = load();
  } finally {
    await server.stop();
    agent.destroy();
  }
  const cold1S = summary(cold1);
  const coldS = summary(cold);
  const warmS = summary(warm);
  return {
    workers,
    label,
    loads: setUpLoads,
    sampledMunicipalities: chosen.length,
    httpChecked: checked.length,
    httpProblems,
    errors,
    cold1Requests: half,
    coldRequests: pairs.length - half,
    cold1Seconds,
    coldSeconds,
    warmSeconds,
    coldOneClient: cold1S,
    cold: coldS,
    warm: warmS,
    targetMet: { coldOneClient: met(cold1S), cold: met(coldS), warm: met(warmS) },
  };
}

// --- the timed runs
const runs = [];
for (const [k, workers] of WORKERS.entries()) runs.push(await timeSetUp(workers, samples[k]!));
if (!keep) await dropDatabase(DB);

// --- figures; earlier runs are kept below the new one
const jsonFile = join(root, 'bench/results/scale.json');
const mdFile = join(root, 'bench/results/scale.md');
const earlierJson = existsSync(jsonFile) ? JSON.parse(readFileSync(jsonFile, 'utf8')) : undefined;
const { earlier: olderJson = [], ...lastJson } = earlierJson ?? {};
const earlierMarker = '## Earlier runs';
const previousMd = existsSync(mdFile) ? readFileSync(mdFile, 'utf8') : '';
const [lastMd = '', olderMd = ''] = previousMd.split(`\n${earlierMarker}\n`);
const result = {
  benchmark: 'scale',
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  loads,
  municipalities: N,
  indicatorsEach: indicatorCodes.length,
  fiscalYears: 9,
  load: {
    reused: reuse,
    throughUseCases: imports,
    copied: reuse ? 0 : Math.max(0, N - 2),
    copySeconds: Math.round(copyMs / 100) / 10,
    vacuumAnalyzeSeconds: Math.round(analyzeMs / 100) / 10,
    copyProblems,
  },
  rows,
  databaseMiB: Math.round(dbBytes / 2 ** 20),
  run: {
    sampledMunicipalities: SAMPLE,
    clients: CLIENTS,
    warmRounds: WARM_ROUNDS,
    paths: kinds.map((k) => pathOf(k, 1)),
  },
  runs,
  targetP95Ms: target,
  earlier: earlierJson ? [lastJson, ...olderJson] : [],
};
writeFileSync(jsonFile, `${JSON.stringify(result, null, 2)}\n`);
const row = (label: string, s: Summary) =>
  [...kinds, 'all' as const].map(
    (k) =>
      `| ${label} | ${k === 'all' ? 'all' : `\`${pathOf(k as Kind, 1).replace(indicatorCodes[37 % 300]!, '{code}')}\``} | ${s[k]!.n} | ${s[k]!.p50} | ${s[k]!.p95} | ${s[k]!.p99} | ${s[k]!.max} |`,
  );
const loadText = (l: Record<string, number[]>) =>
  Object.entries(l)
    .map(([k, v]) => `${k} ${v.join('/')}`)
    .join(', ');
const allLoads = [loads, ...runs.map((r) => r.loads)].flatMap((l) => Object.values(l).map((v) => v[0]!));
const md = [
  '# Scale: many municipalities on one PostgreSQL server',
  '',
  `Measured ${result.measuredAt} on ${result.machine.cpus} cores (shared machine), Node ${result.machine.node}; load averages (1/5/15 min) ${loadText(loads)}.`,
  '',
  `**${N.toLocaleString('en')} municipalities × ${indicatorCodes.length} indicators × 9 fiscal years** in one database (${result.databaseMiB.toLocaleString('en')} MiB): ${Object.entries(
    rows,
  )
    .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
    .join(', ')}.`,
  '',
  reuse
    ? `Loading: not in this run (BENCH_SCALE_REUSE=1): the database loaded by an earlier run was migrated to the latest schema, then VACUUM ANALYZE ${result.load.vacuumAnalyzeSeconds} s. Checked: every copy has the template's row count in every copied table and no row pointing at another municipality's plan (${copyProblems.length ? copyProblems.join('; ') : 'holds'}).`
    : `Loading: ${imports.map((x) => `${x.code} through the use cases (plan ${x.planMs} ms, 2,700 values ${x.actualsMs} ms)`).join('; ')}; the other ${result.load.copied.toLocaleString('en')} copied from the first set-based (bench/scale/bulk-load.ts: INSERT … SELECT per batch of 50 with the municipality code, plan id, plan code, names and actual-value ids replaced; the copies' indicator values are the template's) in ${result.load.copySeconds} s, then VACUUM ANALYZE ${result.load.vacuumAnalyzeSeconds} s. Checked: every copy has the template's row count in every copied table and no row pointing at another municipality's plan (${copyProblems.length ? copyProblems.join('; ') : 'holds'}).`,
  '',
  `Each set-up: ${SAMPLE} municipalities chosen at random (seeded; each set-up its own, so that none is warmed by another), ${kinds.length} paths each, asked through keep-alive connections with the municipality's host name in the Host header and \`Accept-Encoding: gzip\`, in random order. **Cold** = the first request for that municipality and path (the answer cache cannot hold it): half of them by one client, one at a time, the other half by ${CLIENTS} concurrent clients. **Warm** = all of them again by ${CLIENTS} concurrent clients, ${WARM_ROUNDS} rounds in new random orders. Before timing, ${checked.length} municipalities outside the samples are checked through HTTP: each answers at its own host with its own code and name, 300 indicators and its name on the top page, and an unknown host gets 404.`,
  '',
  ...runs.flatMap((r) => [
    `### ${r.label}${r.workers > 1 ? ` (\`mirai-server --workers ${r.workers}\`)` : ' (`mirai-server`)'}`,
    '',
    ...(r.workers > 1
      ? [
          `Each process keeps its own answers and a keep-alive connection stays with one process, so a "warm" request that lands on the other process is its first there (cold): the warm rows of this set-up mix both.`,
          '',
        ]
      : []),
    `Load averages ${loadText(r.loads)}. HTTP check: ${r.httpProblems.length ? r.httpProblems.join('; ') : 'holds'}. Cold one client ${r.cold1Seconds.toFixed(1)} s for ${r.cold1Requests}; cold ${CLIENTS} clients ${r.coldSeconds.toFixed(1)} s for ${r.coldRequests}; warm ${r.warmSeconds.toFixed(1)} s. Errors (non-200): ${r.errors}.`,
    '',
    '| | path | n | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---:|---:|---:|---:|---:|',
    ...row('cold, 1 client', r.coldOneClient),
    ...row(`cold, ${CLIENTS} clients`, r.cold),
    ...row(`warm, ${CLIENTS} clients`, r.warm),
    '',
    `Target (issue #19 item 7): the public plan and indicator endpoints (\`/api/v1/plan\`, \`/api/v1/indicators\`, \`/api/v1/indicators/{code}\`) within ${target} ms at p95: cold with one client ${r.targetMet.coldOneClient ? 'met' : 'NOT met'}, cold with ${CLIENTS} clients ${r.targetMet.cold ? 'met' : 'NOT met'}, warm ${r.targetMet.warm ? 'met' : 'NOT met'}.`,
    '',
  ]),
  ...(Math.max(...allLoads) > cpus().length
    ? [
        `The machine was shared: load averages above its ${cpus().length} cores mean these times include waiting for a CPU (and PostgreSQL ran on the same cores); they are not a quiet machine's figures, so a cold target missed here is not shown to be missed on a quiet one, nor met.`,
        '',
      ]
    : []),
  `To time again on the database this run loaded (kept with BENCH_KEEP_DB=1): \`BENCH_SCALE_REUSE=1 BENCH_SCALE_DB=${DB} BENCH_WORKERS=${WORKERS.join(',')} npm run bench scale\`.`,
  '',
  earlierMarker,
  '',
  ...(lastMd.trim()
    ? [
        `### Run of ${String(lastJson.measuredAt ?? '').slice(0, 16) || 'before'}`,
        '',
        lastMd
          .trim()
          .replace(/^# Scale: many municipalities on one PostgreSQL server\n+/, '')
          .replace(/^### /gm, '#### '),
        '',
      ]
    : []),
  ...(olderMd.trim() ? [olderMd.trim(), ''] : []),
];
writeFileSync(mdFile, md.join('\n'));
console.log(md.slice(0, md.indexOf(earlierMarker)).join('\n'));
if (copyProblems.length || runs.some((r) => r.httpProblems.length || r.errors)) process.exitCode = 1;
