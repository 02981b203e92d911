/**
 * 200 concurrent clients on the public pages and endpoints (issue #19 item 7, decision 0142):
 * each connection cycles through a mix of pages and API reads for BENCH_SECONDS (default 300,
 * the issue's 5 minutes is BENCH_SECONDS=300), with autocannon in this process. Two set-ups:
 * the embedded database (one server process: PGlite has one owner), and a PostgreSQL server
 * with two server processes behind one port (`mirai-server --workers 2`, node:cluster, decision
 * 0144), both on the same database. Every answer's time is kept for p50/p95/p99; errors are
 * socket errors, timeouts and non-2xx. The CPU time each server process used during the run
 * shows that both workers answered. Servers are stopped whatever happens (children.ts).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { stopProcess } from '../support/children';
import { adminUrl, dropDatabase, freshDatabase, startOnPostgres } from '../support/postgres-server';
import { startServerProcess } from '../support/server-process';

const root = new URL('../..', import.meta.url).pathname;
const SECONDS = Number(process.env.BENCH_SECONDS ?? 300);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 200);
const WORKERS = Number(process.env.BENCH_WORKERS ?? 2);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 10);
const START_TIMEOUT_MS = Number(process.env.BENCH_START_TIMEOUT_MS ?? 600_000);
const serverEnv = { NODE_ENV: 'production', MIRAI_ACCESS_LOG: '0', MIRAI_LOG_FORMAT: 'json' };

interface Row {
  setup: string;
  processes: number;
  connections: number;
  seconds: number;
  requests: number;
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  errors: number;
  timeouts: number;
  non2xx: number;
  /** The warm-up before the measured run: its answers and errors (socket errors, timeouts, non-2xx). */
  warmup: { seconds: number; requests: number; errors: number; detail: string };
  /** CPU seconds each server process (workers, then a primary) used during the run. */
  cpuSeconds: Record<string, number>;
  /** 1-minute load average at the start and the end of the run, and the 5-minute one at the end. */
  loadAverage: { start: number; end: number; end5: number };
}

/** User + system CPU seconds of a process so far (Linux /proc; 100 ticks a second). */
function cpuOf(pid: number): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

const pct = (xs: Float64Array, p: number) =>
  xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;

/** The mix: pages and API reads a visitor and a portal make, with codes from the plan itself. */
async function paths(base: string): Promise<string[]> {
  const plan = (await (await fetch(`${base}/api/v1/plan`)).json()) as {
    fields?: { code: string }[];
    strategies?: { code: string; fields?: { code: string }[] }[];
  };
  const indicators = (await (await fetch(`${base}/api/v1/indicators`)).json()) as
    | { indicators?: { code: string }[] }
    | { code: string }[];
  const list = Array.isArray(indicators) ? indicators : (indicators.indicators ?? []);
  // Fields sit under their strategies in the plan tree.
  const field = (plan.fields ?? plan.strategies?.flatMap((st) => st.fields ?? []))?.[0]?.code;
  if (!field) throw new Error('the plan has no field to ask for');
  const indicator = list[0]?.code;
  if (!indicator) throw new Error('the plan has no indicator to ask for');
  const mix = [
    '/',
    '/population',
    '/calendar',
    '/measures',
    '/api/v1/plan',
    '/api/v1/indicators',
    '/api/v1/progress',
    '/api/v1/calendar',
    `/fields/${field}`,
    `/api/v1/fields/${field}`,
    `/indicators/${indicator}`,
  ];
  for (const p of mix) {
    const res = await fetch(`${base}${p}`);
    if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
    await res.arrayBuffer();
  }
  return mix;
}

/** `seconds` of CONNECTIONS clients cycling through `mix`; each answer's time into `times`. */
function cannon(base: string, mix: string[], seconds: number, times?: number[]) {
  return new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: base,
        connections: CONNECTIONS,
        duration: seconds,
        timeout: 10,
        headers: { 'accept-encoding': 'br, gzip', 'accept-language': 'ja' },
        requests: mix.map((path) => ({ method: 'GET', path })),
      },
      (error, result) => (error ? reject(error) : resolve(result)),
    );
    if (times)
      instance.on('response', (_client, _status, _bytes, ms) => {
        times.push(ms);
      });
  });
}

async function load(
  setup: string,
  processes: number,
  base: string,
  pids: Record<string, number>,
): Promise<Row> {
  const mix = await paths(base);
  // Every worker fills its answer cache and connection pool before the measured run.
  const warm = WARMUP_SECONDS > 0 ? await cannon(base, mix, WARMUP_SECONDS) : undefined;
  const cpu0 = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuOf(pid)]));
  const load0 = loadavg()[0] ?? 0;
  const times: number[] = [];
  const r = await cannon(base, mix, SECONDS, times);
  const sorted = Float64Array.from(times).sort();
  const row: Row = {
    setup,
    processes,
    connections: CONNECTIONS,
    seconds: SECONDS,
    requests: r.requests.total,
    requestsPerSecond: Math.round(r.requests.total / SECONDS),
    p50Ms: Math.round(pct(sorted, 50)),
    p95Ms: Math.round(pct(sorted, 95)),
    p99Ms: Math.round(pct(sorted, 99)),
    maxMs: Math.round(sorted[sorted.length - 1] ?? 0),
    errors: r.errors,
    timeouts: r.timeouts,
    non2xx: r.non2xx,
    warmup: {
      seconds: WARMUP_SECONDS,
      requests: warm?.requests.total ?? 0,
      errors: (warm?.errors ?? 0) + (warm?.timeouts ?? 0) + (warm?.non2xx ?? 0),
      detail: `socket errors ${warm?.errors ?? 0}, timeouts ${warm?.timeouts ?? 0}, non-2xx ${warm?.non2xx ?? 0} (4xx ${warm?.['4xx'] ?? 0}, 5xx ${warm?.['5xx'] ?? 0})`,
    },
    cpuSeconds: Object.fromEntries(
      Object.entries(pids).map(([k, pid]) => [k, Number((cpuOf(pid) - (cpu0[k] ?? 0)).toFixed(1))]),
    ),
    loadAverage: {
      start: Number(load0.toFixed(2)),
      end: Number(loadavg()[0]?.toFixed(2)),
      end5: Number(loadavg()[1]?.toFixed(2)),
    },
  };
  console.log(JSON.stringify(row));
  return row;
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

const rows: Row[] = [];
const paths0: string[] = [];
if (process.env.BENCH_SKIP_EMBEDDED !== '1') {
  const dir = mkdtempSync(join(tmpdir(), 'mirai-bench-clients-'));
  try {
    const s = await startServerProcess({
      tree: root,
      dataDir: join(dir, 'data'),
      env: serverEnv,
      timeoutMs: START_TIMEOUT_MS,
    });
    try {
      paths0.push(...(await paths(s.base)));
      rows.push(await load('embedded (PGlite)', 1, s.base, { server: s.proc.pid ?? 0 }));
    } finally {
      await stopProcess(s.proc);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (process.env.BENCH_SKIP_POSTGRES !== '1' && (await postgresReachable())) {
  const name = 'mirai_bench_clients';
  try {
    const s = await startOnPostgres(await freshDatabase(name), {
      workers: WORKERS,
      env: serverEnv,
      timeoutMs: START_TIMEOUT_MS,
    });
    try {
      if (paths0.length === 0) paths0.push(...(await paths(s.base)));
      const pids: Record<string, number> = Object.fromEntries(
        s.pids.map((pid, i) => [`worker ${i + 1}`, pid]),
      );
      if (s.proc.pid) pids[WORKERS > 1 ? 'primary' : 'server'] = s.proc.pid;
      const label =
        WORKERS > 1
          ? `PostgreSQL, ${WORKERS} processes on one port (--workers ${WORKERS})`
          : 'PostgreSQL, 1 process';
      rows.push(await load(label, WORKERS, s.base, pids));
    } finally {
      await s.stop();
    }
  } finally {
    await dropDatabase(name);
  }
}

const result = {
  benchmark: 'concurrent-clients',
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  settings: { seconds: SECONDS, warmupSeconds: WARMUP_SECONDS, connections: CONNECTIONS, workers: WORKERS },
  paths: paths0,
  rows,
};
writeFileSync(join(root, 'bench/results/concurrent-clients.json'), `${JSON.stringify(result, null, 2)}\n`);
const md = [
  '# 200 concurrent clients on public pages and endpoints',
  '',
  `Measured ${result.measuredAt} on ${result.machine.cpus} cores shared with other work (load average in the table: 1-minute at start → end, 5-minute at end), Node ${result.machine.node}. ${CONNECTIONS} connections for ${SECONDS} s per set-up (BENCH_SECONDS; the issue asks for 300), each cycling through: ${paths0.map((p) => `\`${p}\``).join(', ')}. Before each measured run, ${WARMUP_SECONDS} s of the same load warm every process (BENCH_WARMUP_SECONDS; its errors are counted in the table too). autocannon runs in the bench process on the same cores; clients accept br/gzip; 10 s timeout. Servers: NODE_ENV=production, no access log. CPU s: what each server process used during the run (both workers answering shows the port is shared).`,
  '',
  '| set-up | processes | answers | answers/s | p50 ms | p95 ms | p99 ms | max ms | socket errors | timeouts | non-2xx | warm-up errors | CPU s per process | load avg |',
  '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|',
  ...rows.map(
    (r) =>
      `| ${r.setup} | ${r.processes} | ${r.requests} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p95Ms} | ${r.p99Ms} | ${r.maxMs} | ${r.errors} | ${r.timeouts} | ${r.non2xx} | ${r.warmup.errors} of ${r.warmup.requests} | ${Object.entries(
        r.cpuSeconds,
      )
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} | ${r.loadAverage.start} → ${r.loadAverage.end} (5-min ${r.loadAverage.end5}) |`,
  ),
  '',
  ...(rows.some((r) => Math.min(r.loadAverage.start, r.loadAverage.end) > cpus().length)
    ? [
        `The load average stayed above the ${cpus().length} cores (other work on the machine): the servers got only part of a core (CPU s above against ${SECONDS} s), so times and throughput are inflated by the machine, not measured on a quiet one.`,
        '',
      ]
    : []),
  'Target (issue #19): zero errors. Settings: BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONNECTIONS, BENCH_WORKERS, BENCH_START_TIMEOUT_MS, BENCH_DATABASE_URL, BENCH_SKIP_EMBEDDED=1, BENCH_SKIP_POSTGRES=1.',
  '',
];
writeFileSync(join(root, 'bench/results/concurrent-clients.md'), md.join('\n'));
console.log(md.join('\n'));
if (rows.some((r) => r.errors + r.timeouts + r.non2xx + r.warmup.errors > 0)) process.exitCode = 1;
