/**
 * Reads as data grow: 1,000 indicators × 10 fiscal years × (a first value + 12 corrections) =
 * 130,000 actual versions (SAMPLE data, bench/growth/seed.ts). Page times of the top page, an
 * indicator page, /api/v1/progress and /api/v1/indicators from a real server process on the embedded
 * database, first with an earlier revision's code (BENCH_BEFORE, checked out into a temporary tree),
 * then with this tree's code on the same data directory (its start runs the migrations since, 0093
 * filling the copied columns of `current_actuals` among them). Each request has a new query string,
 * so the public answer cache never answers it. Each run adds a section to
 * bench/results/growth.{json,md}, with the load average; earlier sections are kept.
 */
import { type ChildProcess, execSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServerProcess } from '../support/server-process';

const root = new URL('../..', import.meta.url).pathname;
// The last revision before current values carried their columns (decision 0152).
const before = process.env.BENCH_BEFORE ?? '7d9acc3';
const samples = Number(process.env.BENCH_RUNS ?? 5);
const timeoutMs = Number(process.env.BENCH_TIMEOUT_MS ?? 120_000);
const work = mkdtempSync(join(tmpdir(), 'mirai-bench-growth-'));
const dataDir = join(work, 'data');
const pages = ['/', '/indicators/GROW-0500', '/api/v1/progress', '/api/v1/indicators'];

/** A runnable copy of another revision: its sources, this tree's installed packages and built assets. */
function checkout(rev: string): string {
  const dir = join(work, 'before');
  mkdirSync(dir);
  execSync(`git -C ${root} archive ${rev} | tar -x -C ${dir}`);
  const nm = join(dir, 'node_modules');
  mkdirSync(join(nm, '@mirai'), { recursive: true });
  for (const e of readdirSync(join(root, 'node_modules')))
    if (e !== '@mirai' && e !== '.bin') symlinkSync(join(root, 'node_modules', e), join(nm, e));
  for (const p of readdirSync(join(dir, 'packages')))
    symlinkSync(`../../packages/${p}`, join(nm, '@mirai', p));
  cpSync(join(root, 'packages/web/dist'), join(dir, 'packages/web/dist'), { recursive: true });
  if (existsSync(join(root, '.mirai-template')))
    cpSync(join(root, '.mirai-template'), join(dir, '.mirai-template'), { recursive: true });
  return dir;
}

const serve = (tree: string) => startServerProcess({ tree, dataDir, timeoutMs: 600_000 });

/** SIGKILL: a server stuck computing an answer does not get to its SIGTERM handler. */
async function stop(proc: ChildProcess) {
  const done = new Promise((r) => proc.once('exit', r));
  proc.kill('SIGKILL');
  await done;
}

let n = 0;
/** Page times in ms; a request over the timeout is recorded as -1 and ends the run (the server is stuck in it). */
/**
 * The server process's CPU time so far in ms (Linux /proc, user + system, all its threads; 10 ms
 * ticks): on a shared machine it says what a page costs when the wall time says mostly the load.
 */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function measure(base: string, pid: number) {
  const out: Record<string, number[]> = {};
  const cpu: Record<string, number[]> = {};
  for (const page of pages) {
    out[page] = [];
    cpu[page] = [];
  }
  for (const page of pages) {
    for (let i = 0; i < samples; i++) {
      const url = `${base}${page}${page.includes('?') ? '&' : '?'}bench=${++n}`;
      const c0 = cpuMs(pid);
      const t0 = performance.now();
      try {
        const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${url}: ${res.status}`);
      } catch (e) {
        if ((e as Error).name !== 'TimeoutError') throw e;
        out[page]!.push(-1);
        return { out, cpu };
      }
      out[page]!.push(Math.round(performance.now() - t0));
      cpu[page]!.push(cpuMs(pid) - c0);
    }
  }
  return { out, cpu };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? Number.NaN;
const result: Record<string, unknown> = {
  benchmark: 'growth',
  measuredAt: new Date().toISOString(),
  machine: { cpus: cpus().length, node: process.version },
  before,
  versions: 130_000,
};
const after =
  process.env.BENCH_AFTER_LABEL ??
  execSync(`git -C ${root} rev-parse --short HEAD`, { encoding: 'utf8' }).trim();
result.after = after;
try {
  const beforeTree = checkout(before);
  // The seed runs inside the old tree, on its own code and schema (a copy when it has none).
  mkdirSync(join(beforeTree, 'bench/growth'), { recursive: true });
  cpSync(join(root, 'bench/growth/seed.ts'), join(beforeTree, 'bench/growth/seed.ts'));
  const seeded = spawnSync(process.execPath, ['--import', 'tsx', 'bench/growth/seed.ts', dataDir], {
    cwd: beforeTree,
    encoding: 'utf8',
  });
  if (seeded.status !== 0) throw new Error(seeded.stderr);
  console.log(seeded.stdout.trim());

  const runs: Record<
    string,
    {
      startMs: number;
      load: number[];
      loadAfter: number[];
      pages: Record<string, number[]>;
      cpu: Record<string, number[]>;
    }
  > = {};
  for (const [label, tree] of [
    ['before', beforeTree],
    ['after', root],
  ] as const) {
    const s = await serve(tree);
    try {
      const load = loadavg().map((x) => Math.round(x * 10) / 10);
      const { out: pages, cpu } = await measure(s.base, s.proc.pid!);
      runs[label] = {
        startMs: Math.round(s.startMs),
        load,
        pages,
        cpu,
        loadAfter: loadavg().map((x) => Math.round(x * 10) / 10),
      };
      console.log(label, JSON.stringify(runs[label]));
    } finally {
      await stop(s.proc);
    }
  }
  result.runs = runs;
  const shown = (xs: number[]) =>
    xs.length === 0 ? 'not reached' : xs.map((x) => (x < 0 ? `> ${timeoutMs}` : String(x))).join(', ');
  const med = (xs: number[]) =>
    xs.length === 0 ? '—' : xs.includes(-1) ? `> ${timeoutMs}` : String(median(xs));
  const row = (p: string) =>
    `| \`${p}\` | ${med(runs.before!.pages[p]!)} | ${shown(runs.before!.pages[p]!)} | ${med(runs.before!.cpu[p]!)} | ${med(runs.after!.pages[p]!)} | ${shown(runs.after!.pages[p]!)} | ${med(runs.after!.cpu[p]!)} |`;
  const jsonFile = join(root, 'bench/results/growth.json');
  const mdFile = join(root, 'bench/results/growth.md');
  // Earlier runs are kept: the file holds every section, oldest first (a single older run is wrapped).
  const old = existsSync(jsonFile) ? JSON.parse(readFileSync(jsonFile, 'utf8')) : { sections: [] };
  const sections = old.sections ?? [old];
  writeFileSync(
    jsonFile,
    `${JSON.stringify({ benchmark: 'growth', sections: [...sections, result] }, null, 2)}\n`,
  );
  const title = '# Reads as data grow: 130,000 actual versions\n';
  const earlier = existsSync(mdFile) ? readFileSync(mdFile, 'utf8').replace(title, '').trim() : '';
  const section =
    `## ${result.measuredAt}: before ${before}, after ${after}\n\n` +
    `Measured on ${cpus().length} cores (shared), Node ${process.version}; one server process on the embedded database (PGlite), one client, ${samples} requests per page, each with a new query string (the answer cache never answers).\n` +
    `Data (SAMPLE): the default plan plus 1,000 synthetic indicators × 10 fiscal years × (a first value + 12 corrections).\n` +
    `Before: revision ${before}. After: this tree (${after}). Server CPU: the server process's user + system time over each request (/proc, 10 ms ticks), less sensitive to the shared machine's load than the wall time.\n\n` +
    `Load average (1, 5, 15 min) at the start and end of each run: before ${runs.before!.load.join(' / ')} → ${runs.before!.loadAfter.join(' / ')}, after ${runs.after!.load.join(' / ')} → ${runs.after!.loadAfter.join(' / ')}. Server start (after includes the migrations since the before revision): before ${runs.before!.startMs} ms, after ${runs.after!.startMs} ms.\n\n` +
    `| page | before median (ms) | before (ms) | before server CPU median (ms) | after median (ms) | after (ms) | after server CPU median (ms) |\n|---|---:|---|---:|---:|---|---:|\n` +
    `${pages.map(row).join('\n')}\n`;
  // Newest first under the title; the older sections below keep their own headings.
  const older = earlier && !earlier.startsWith('## ') ? `## Earlier run\n\n${earlier}` : earlier;
  writeFileSync(mdFile, `${title}\n${section}${older ? `\n${older}\n` : ''}`);
  console.log(JSON.stringify(result, null, 2));
} finally {
  rmSync(work, { recursive: true, force: true });
}
