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
  /** The static file's req/s measured just before this target (same connections). */
  baselineRequestsPerSecond?: number;
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
    // Each answer computed, kept and compressed once before it is measured.
    for (const [, path] of targets) {
      for (const encoding of ['identity', 'br', 'gzip']) {
        const res = await fetch(`${base}${path}`, {
          headers: { 'accept-encoding': encoding, 'accept-language': 'ja' },
        });
        if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
        await res.arrayBuffer();
      }
    }
    const loadBefore = loadavg();
    // Each target is measured right after the static file at the same connection count, so its
    // ratio is to a baseline taken under the same load from other work on the machine.
    const rows: Row[] = [];
    const [staticTarget, ...answers] = targets as [[string, string], ...[string, string][]];
    for (const connections of connectionCounts) {
      for (const [target, path] of answers) {
        const baseline = await run(base, staticTarget[0], staticTarget[1], connections);
        const row = await run(base, target, path, connections);
        row.baselineRequestsPerSecond = baseline.requestsPerSecond;
        for (const r of [baseline, row])
          console.log(
            `${r.target} @${connections}: ${r.requestsPerSecond} req/s, p50 ${r.p50Ms} ms, p99 ${r.p99Ms} ms, errors ${r.errors}, non-2xx ${r.non2xx} (load ${r.loadAverage})`,
          );
        rows.push(baseline, row);
      }
    }
    writeResults(rows, loadBefore, loadavg());
  } finally {
    proc.kill('SIGTERM');
    rmSync(staticFile, { force: true });
    await new Promise((r) => proc.once('exit', r));
    rmSync(dir, { recursive: true, force: true });
  }
}

function writeResults(rows: Row[], loadBefore: number[], loadAfter: number[]) {
  const la = (l: number[]) => l.map((x) => x.toFixed(2)).join(' ');
  const when = new Date().toISOString();
  const machine = `${cpus().length} cores, Node ${process.version}`;
  writeFileSync(
    join(root, 'bench/results/public-load.json'),
    `${JSON.stringify({ when, machine, seconds, loadBefore, loadAfter, rows }, null, 2)}\n`,
  );
  const lines = [
    '# Public answers under load (autocannon)',
    '',
    `Measured ${when} on ${machine}; ${seconds} s per run; the server in its own process (embedded database, NODE_ENV=production, no access log), autocannon in the bench process on the same 2 cores; clients accept br/gzip. Load average (1, 5, 15 min) ${la(loadBefore)} before, ${la(loadAfter)} after.`,
    '',
    "The static file is the top page's bytes written into the built assets and served by the same process as every asset is: from memory, compressed once, written straight to the socket before the application (decision 0128). That is the most this process can send on this machine, so it is the baseline. Each target is measured right after a run of the static file at the same connection count; on a machine shared with other work the absolute figures move with the load, and the ratio to that baseline is the figure to compare.",
    '',
    '| target | connections | req/s | static req/s just before | target ÷ static | p50 ms | p99 ms | errors | non-2xx | bytes/answer | load avg |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) => {
      const b = r.baselineRequestsPerSecond;
      const ratio = b ? `${(r.requestsPerSecond / b).toFixed(2)}` : '';
      return `| ${r.target} (\`${r.path}\`) | ${r.connections} | ${r.requestsPerSecond} | ${b ?? ''} | ${ratio} | ${r.p50Ms} | ${r.p99Ms} | ${r.errors} | ${r.non2xx} | ${r.bytesPerAnswer} | ${r.loadAverage} |`;
    }),
    '',
    'Targets (issue #18): at 200 connections zero errors, p99 < 100 ms, throughput within 2× of the static file (at least 2,000 req/s for the top page).',
    '"target ÷ static" at 0.5 or more is "within 2× of the static file".',
    '',
  ];
  writeFileSync(join(root, 'bench/results/public-load.md'), lines.join('\n'));
}

await main();
