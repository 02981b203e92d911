import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { startServerProcess } from '../support/server-process';

const root = new URL('../..', import.meta.url).pathname;
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connectionCounts = (process.env.BENCH_CONNECTIONS ?? '50,200').split(',').map(Number);
const staticName = 'bench-top-page.html';
const staticFile = join(root, 'packages/web/dist', staticName);

async function startServer() {
  const dir = mkdtempSync(join(tmpdir(), 'mirai-bench-load-'));
  const s = await startServerProcess({
    tree: root,
    dataDir: join(dir, 'data'),
    env: { NODE_ENV: 'production', MIRAI_ACCESS_LOG: '0', MIRAI_LOG_FORMAT: 'json' },
    timeoutMs: 300_000,
  });
  return { base: s.base, proc: s.proc, dir };
}

interface Row {
  target: string;
  path: string;
  connections: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  bytesPerAnswer: number;
  loadAverage: number;
}

async function run(base: string, target: string, path: string, connections: number): Promise<Row> {
  const r = await autocannon({
    url: `${base}${path}`,
    connections,
    duration: seconds,
    headers: { 'accept-encoding': 'br, gzip', 'accept-language': 'ja' },
  });
  return {
    target,
    path,
    connections,
    requestsPerSecond: Math.round(r.requests.average),
    p50Ms: r.latency.p50,
    p99Ms: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
    bytesPerAnswer: r.requests.total > 0 ? Math.round(r.throughput.total / r.requests.total) : 0,
    loadAverage: Number(loadavg()[0]?.toFixed(2)),
  };
}

async function main() {
  const { base, proc, dir } = await startServer();
  try {
    // The top page's own bytes, as the static baseline.
    const top = await fetch(`${base}/`, { headers: { 'accept-language': 'ja' } });
    writeFileSync(staticFile, Buffer.from(await top.arrayBuffer()));
    const targets: [string, string][] = [
      ['static file (same bytes as the top page)', `/assets/${staticName}`],
      ['top page', '/'],
      ['field page', '/fields/C-8'],
      ['GET /api/v1/plan', '/api/v1/plan'],
      ['GET /api/v1/progress', '/api/v1/progress'],
    ];
    for (const [, path] of targets) {
      const res = await fetch(`${base}${path}`);
      if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
    }
    const rows: Row[] = [];
    for (const connections of connectionCounts) {
      for (const [target, path] of targets) {
        const row = await run(base, target, path, connections);
        console.log(
          `${target} @${connections}: ${row.requestsPerSecond} req/s, p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, errors ${row.errors}, non-2xx ${row.non2xx} (load ${row.loadAverage})`,
        );
        rows.push(row);
      }
    }
    writeResults(rows);
  } finally {
    proc.kill('SIGTERM');
    rmSync(staticFile, { force: true });
    await new Promise((r) => proc.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeResults(rows: Row[]) {
  const when = new Date().toISOString();
  const machine = `${cpus().length} cores, Node ${process.version}`;
  writeFileSync(
    join(root, 'bench/results/public-load.json'),
    `${JSON.stringify({ when, machine, seconds, rows }, null, 2)}\n`,
  );
  const baseline = (c: number) => rows.find((r) => r.connections === c && r.path.startsWith('/assets/'));
  const lines = [
    '# Public answers under load (autocannon)',
    '',
    `Measured ${when} on ${machine}; ${seconds} s per run; the server in its own process (embedded database, NODE_ENV=production, no access log), autocannon in the bench process on the same 2 cores; clients accept br/gzip.`,
    '',
    '| target | connections | req/s | vs static | p50 ms | p99 ms | errors | non-2xx | bytes/answer | load avg |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const b = baseline(r.connections);
      const ratio =
        b && r.requestsPerSecond > 0 ? `${(b.requestsPerSecond / r.requestsPerSecond).toFixed(2)}×` : '';
      return `| ${r.target} (\`${r.path}\`) | ${r.connections} | ${r.requestsPerSecond} | ${ratio} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors} | ${r.non2xx} | ${r.bytesPerAnswer} | ${r.loadAverage} |`;
    }),
    '',
    'Targets (issue #18): at 200 connections zero errors, p99 < 100 ms, throughput within 2× of the static file (at least 2,000 req/s for the top page).',
    '"vs static" is how many times more answers a second the static file got than this target.',
    '',
  ];
  writeFileSync(join(root, 'bench/results/public-load.md'), lines.join('\n'));
}

await main();
