/**
 * The database connection dropped and restored under a running server (issue #19 item 7,
 * decision 0141). One `mirai-server` process on PostgreSQL reaches the server through a TCP
 * proxy on loopback (@mirai/db/testing). Probes every 100 ms: /readyz, an API read that always
 * reaches the database (a query string the answer cache has not seen) and a page. Per cycle:
 * up, then the proxy resets every connection and refuses new ones for BENCH_OUTAGE_SECONDS,
 * then accepts again. A last cycle terminates the application's backends with
 * pg_terminate_backend (no refusal window). Counts answers by phase and status, how long
 * /readyz takes to turn 200 after the database is back, and checks the process never restarted.
 */
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { serverOf, startTcpProxy } from '@mirai/db/testing';
import pg from 'pg';
import { dropDatabase, freshDatabase, startOnPostgres } from '../support/postgres-server';

const root = new URL('../..', import.meta.url).pathname;
const CYCLES = Number(process.env.BENCH_CYCLES ?? 3);
const OUTAGE_S = Number(process.env.BENCH_OUTAGE_SECONDS ?? 8);
const STEADY_S = Number(process.env.BENCH_STEADY_SECONDS ?? 4);
const dbName = 'mirai_bench_outage';

interface Probe {
  phase: string;
  path: string;
  status: number;
  code?: string;
  ms: number;
}
const probes: Probe[] = [];
let phase = 'warm-up';
let n = 0;

async function probe(base: string, path: string, accept = 'application/json') {
  const t0 = performance.now();
  try {
    const res = await fetch(`${base}${path}`, { headers: { accept }, signal: AbortSignal.timeout(15_000) });
    const text = await res.text();
    const code = /"error":\{"code":"([^"]+)"/.exec(text)?.[1] ?? /database\/unavailable/.exec(text)?.[0];
    probes.push({
      phase,
      path: path.replace(/\?.*/, '?…'),
      status: res.status,
      ...(code ? { code } : {}),
      ms: performance.now() - t0,
    });
    return res.status;
  } catch {
    probes.push({ phase, path, status: 0, ms: performance.now() - t0 });
    return 0;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function probeFor(base: string, seconds: number) {
  const end = performance.now() + seconds * 1000;
  while (performance.now() < end) {
    n++;
    await Promise.all([
      probe(base, '/readyz'),
      probe(base, `/api/v1/indicators?probe=${n}`),
      probe(base, `/population?probe=${n}`, 'text/html'),
    ]);
    await sleep(100);
  }
}

/** ms from now until /readyz answers 200 (probing every 50 ms). */
async function untilReady(base: string): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const res = await fetch(`${base}/readyz`).catch(() => undefined);
    if (res?.status === 200) return Math.round(performance.now() - t0);
    if (performance.now() - t0 > 60_000) return Number.NaN;
    await sleep(50);
  }
}

const url = await freshDatabase(dbName);
const proxy = await startTcpProxy(serverOf(url));
const server = await startOnPostgres(proxy.via(url), { env: { MIRAI_ACCESS_LOG: '0' } });
let aliveAtEnd = false;
const recovery: { cycle: number; how: string; readyAfterMs: number }[] = [];
try {
  await probeFor(server.base, 2);
  for (let c = 1; c <= CYCLES; c++) {
    phase = 'up';
    await probeFor(server.base, STEADY_S);
    phase = 'down';
    proxy.drop();
    await probeFor(server.base, OUTAGE_S);
    phase = 'recovering';
    proxy.restore();
    const readyAfterMs = await untilReady(server.base);
    recovery.push({ cycle: c, how: 'proxy refuses and resets', readyAfterMs });
    console.log(`cycle ${c}: /readyz 200 ${readyAfterMs} ms after the database came back`);
  }
  phase = 'up';
  await probeFor(server.base, STEADY_S);
  // Backends terminated by the server (as a failover or an administrator would).
  const admin = new pg.Client({ connectionString: url.replace(`/${dbName}`, '/postgres') });
  await admin.connect();
  phase = 'terminated';
  const killed = await admin.query(
    'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
    [dbName],
  );
  await admin.end();
  const readyAfterMs = await untilReady(server.base);
  recovery.push({
    cycle: CYCLES + 1,
    how: `pg_terminate_backend (${killed.rows[0]?.n} backends)`,
    readyAfterMs,
  });
  await probeFor(server.base, 2);
  phase = 'after';
  await probeFor(server.base, STEADY_S);
  aliveAtEnd = server.proc.exitCode === null && server.proc.signalCode === null;
} finally {
  await server.stop();
  writeFileSync(join(root, 'bench/results/outage-server.log'), server.log());
  await proxy.close();
  await dropDatabase(dbName);
}

const restarted = !aliveAtEnd || (server.log().match(/ready in/g) ?? []).length !== 1;
const byPhase: Record<string, Record<string, number>> = {};
for (const p of probes) {
  const k = `${p.status}${p.code ? ` ${p.code}` : ''}`;
  byPhase[p.phase] ??= {};
  (byPhase[p.phase] as Record<string, number>)[k] =
    ((byPhase[p.phase] as Record<string, number>)[k] ?? 0) + 1;
}
const down = probes.filter((p) => p.phase === 'down');
const maxDownMs = Math.round(Math.max(0, ...down.map((p) => p.ms)));
const unclear = probes.filter((p) => p.status === 500 || p.status === 0).length;
const after = probes.filter((p) => p.phase === 'after');
const result = {
  benchmark: 'outage',
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  loadAtEnd: loadavg().map((x) => Math.round(x * 10) / 10),
  settings: { cycles: CYCLES, outageSeconds: OUTAGE_S, steadySeconds: STEADY_S, probeEveryMs: 100 },
  byPhase,
  recovery,
  maxAnswerMsWhileDown: maxDownMs,
  answers500OrNone: unclear,
  afterAll200: after.every((p) => p.status === 200),
  sameProcessThroughout: !restarted,
};
writeFileSync(join(root, 'bench/results/outage.json'), `${JSON.stringify(result, null, 2)}\n`);
const md = [
  '# Database connection dropped and restored (PostgreSQL)',
  '',
  `Measured ${result.measuredAt} on ${result.machine.cpus} cores (shared), Node ${result.machine.node}; load at end ${result.loadAtEnd.join(' / ')}.`,
  `One \`mirai-server\` process on PostgreSQL through a TCP proxy on loopback; ${CYCLES} cycles of ${STEADY_S} s up and ${OUTAGE_S} s with every connection reset and new ones refused, then one cycle of pg_terminate_backend on the application's backends. Probes every 100 ms: \`/readyz\`, \`/api/v1/indicators?probe=N\` (never cached, always reads the database) and the page \`/population?probe=N\`. Settings: BENCH_CYCLES, BENCH_OUTAGE_SECONDS, BENCH_STEADY_SECONDS.`,
  '',
  '`503` without an error code is `/readyz` (its body says `database: "unreachable"`); the API and page answers carry `database/unavailable`.',
  '',
  '| phase | answers (status and error code: count) |',
  '|---|---|',
  ...Object.entries(byPhase).map(
    ([p, m]) =>
      `| ${p} | ${Object.entries(m)
        .map(([k, v]) => `${k}: ${v}`)
        .join('; ')} |`,
  ),
  '',
  '| cycle | how | /readyz 200 after the database is back (ms) |',
  '|---:|---|---:|',
  ...recovery.map((r) => `| ${r.cycle} | ${r.how} | ${r.readyAfterMs} |`),
  '',
  `Slowest answer while the database was away: ${maxDownMs} ms. Answers 500 or no answer at all: ${unclear}. Every answer after the last cycle 200: ${result.afterAll200 ? 'yes' : 'no'}. The same process throughout (no restart): ${result.sameProcessThroughout ? 'yes' : 'no'}.`,
  '',
];
writeFileSync(join(root, 'bench/results/outage.md'), md.join('\n'));
console.log(md.join('\n'));
if (unclear > 0 || !result.afterAll200 || restarted) process.exitCode = 1;
