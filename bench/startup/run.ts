/**
 * Time from starting the server (as `npm start` does) to the first answer of
 * /healthz, on an empty data directory (migrate + load the Shiojiri plan) and
 * on a warm one. Results: bench/results/startup.{json,md}.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('../..', import.meta.url).pathname;
const runs = Number(process.env.BENCH_RUNS ?? 3);

async function timeToHealthy(dataDir: string): Promise<number> {
  const t0 = performance.now();
  // Port 0: the system picks a free port, and the server prints its URL.
  const child = spawn(
    process.execPath,
    [join(root, 'scripts/start.js'), '--port', '0', '--data-dir', dataDir],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, DATABASE_URL: '' },
    },
  );
  let url: string | undefined;
  child.stdout.on('data', (chunk: Buffer) => {
    url ??= /http:\/\/[\d.]+:\d+\//.exec(chunk.toString())?.[0];
  });
  try {
    for (;;) {
      if (performance.now() - t0 > 60_000) throw new Error('server did not answer within 60 s');
      try {
        const res = url ? await fetch(`${url}healthz`) : undefined;
        if (res?.ok) return performance.now() - t0;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 25));
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((r) => child.once('exit', r));
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const empty: number[] = [];
const warm: number[] = [];
for (let i = 0; i < runs; i++) {
  const dir = mkdtempSync(join(tmpdir(), 'mirai-bench-'));
  empty.push(await timeToHealthy(join(dir, 'db')));
  warm.push(await timeToHealthy(join(dir, 'db')));
  rmSync(dir, { recursive: true, force: true });
}
const result = {
  benchmark: 'startup',
  measuredAt: new Date().toISOString(),
  machine: { cpus: (await import('node:os')).cpus().length, node: process.version },
  runs,
  emptyDataDirMs: { median: Math.round(median(empty)), all: empty.map(Math.round) },
  warmDataDirMs: { median: Math.round(median(warm)), all: warm.map(Math.round) },
};
writeFileSync(join(root, 'bench/results/startup.json'), `${JSON.stringify(result, null, 2)}\n`);
writeFileSync(
  join(root, 'bench/results/startup.md'),
  `# Startup: \`npm start\` to the first /healthz answer\n\nMeasured ${result.measuredAt} on ${result.machine.cpus} cores, Node ${result.machine.node}; ${runs} runs each, median.\n\n| data directory | median (ms) | runs (ms) |\n|---|---|---|\n| empty (migrate + load the Shiojiri plan) | ${result.emptyDataDirMs.median} | ${result.emptyDataDirMs.all.join(', ')} |\n| warm | ${result.warmDataDirMs.median} | ${result.warmDataDirMs.all.join(', ')} |\n`,
);
console.log(JSON.stringify(result, null, 2));
