/**
 * How long a `mirai` command takes from process start to exit, before and after decision 0083:
 * - before: the sources through tsx with every command module registered (as the old bin did);
 * - from source: the sources through tsx, one command's module (the bin's fallback path);
 * - built: the bin as users run it, on the built JavaScript (packages/cli/dist).
 * Commands: `--help`, `calendar` on a warm embedded data directory (unchanged since the last read,
 * so answered from its closed snapshot; and changed since, so read from the database: decision
 * 0130), and `survey estimate` (raked
 * mean) on 1,000 and 20,000 synthetic respondents (SAMPLE data). Each run under /usr/bin/time:
 * wall and CPU (user + system), medians; the load average beside each row (the machine is shared).
 * Results: bench/results/cli-startup.{json,md}.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureCli } from '../../packages/cli/build/build.js';
import { snapshotFileName } from '../../packages/db/src/closed-snapshot';
import { csvBlocks, population, populationFiles } from '../survey/generate';

const root = new URL('../..', import.meta.url).pathname;
const RUNS = {
  built: Number(process.env.BENCH_CLI_RUNS ?? 7),
  tsx: Number(process.env.BENCH_CLI_TSX_RUNS ?? 3),
};

interface Timed {
  wallS: number;
  cpuS: number;
}

function timed(cmd: string[], env: Record<string, string> = {}): Timed {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S', ...cmd], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
    maxBuffer: 1 << 26,
  });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+)\s*$/.exec(r.stderr ?? '');
  if (r.status !== 0 || !m) throw new Error(`${cmd.join(' ')} failed (${r.status}): ${r.stderr.slice(-500)}`);
  return { wallS: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]) };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length / 2;
  return s.length % 2 ? (s[Math.floor(k)] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
};

function series(cmd: string[], runs: number, env: Record<string, string> = {}, prepare?: () => void) {
  const load = loadavg()[0] as number;
  const all = Array.from({ length: runs }, () => {
    prepare?.();
    return timed(cmd, env);
  });
  return {
    wallS: median(all.map((t) => t.wallS)),
    cpuS: median(all.map((t) => t.cpuS)),
    wallSAll: all.map((t) => t.wallS),
    loadAverage1m: load,
  };
}

function surveyFiles(dir: string, n: number) {
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'respondents.csv');
  writeFileSync(data, [...csvBlocks(n, 77)].join(''));
  const pop = join(dir, 'population-margins.csv');
  writeFileSync(pop, populationFiles(population(Math.round(n * 2.5))).margins);
  return { data, pop };
}

async function main() {
  await ensureCli();
  const loadBefore = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'mirai-bench-cli-'));
  const node = process.execPath;
  const bin = 'packages/cli/bin/mirai.js';
  const eager = 'bench/cli-startup/eager-tsx.js';
  // biome-ignore lint/suspicious/noExplicitAny: report rows are free-form JSON
  const cases: any[] = [];
  try {
    const dataDir = join(dir, 'data');
    timed([node, bin, 'calendar', '--data-dir', dataDir]); // migrate and seed once: warm from here on
    const small = surveyFiles(join(dir, '1k'), 1_000);
    const large = surveyFiles(join(dir, '20k'), 20_000);
    const estimate = (f: { data: string; pop: string }) => [
      'survey',
      'estimate',
      '--data',
      f.data,
      '--variable',
      'happiness',
      '--rake',
      'age,sex,district',
      '--population',
      f.pop,
    ];
    // Removing the snapshot (outside the timing) stands for any change since the last read.
    const changed = () => rmSync(join(dataDir, snapshotFileName), { force: true });
    const commands: [string, string[], (() => void)?][] = [
      ['mirai --help', ['--help']],
      [
        'mirai calendar (warm data directory, unchanged since the last read)',
        ['calendar', '--data-dir', dataDir],
      ],
      [
        'mirai calendar (warm data directory, changed since the last read)',
        ['calendar', '--data-dir', dataDir],
        changed,
      ],
      ['mirai survey estimate, 1,000 respondents', estimate(small)],
      ['mirai survey estimate, 20,000 respondents', estimate(large)],
    ];
    const nodeAlone = series([node, '-e', '0'], RUNS.built);
    console.log(`node -e 0: ${nodeAlone.wallS} s wall, ${nodeAlone.cpuS.toFixed(2)} s CPU`);
    for (const [name, args, prepare] of commands) {
      const before = series([node, eager, ...args], RUNS.tsx, {}, prepare);
      const source = series([node, bin, ...args], RUNS.tsx, { MIRAI_CLI_FROM_SOURCE: '1' }, prepare);
      timed([node, bin, ...args]); // the built CLI's first read after the tsx runs opened the database
      const built = series([node, bin, ...args], RUNS.built, {}, prepare);
      console.log(
        `${name}: before ${before.wallS} s (${before.cpuS.toFixed(2)} CPU) · from source ${source.wallS} s · built ${built.wallS} s (${built.cpuS.toFixed(2)} CPU)`,
      );
      cases.push({ name, args: args.map((a) => a.replace(dir, '$TMP')), before, source, built });
    }
    const result = {
      benchmark: 'cli-startup',
      date: new Date().toISOString(),
      machine: {
        cpus: cpus().length,
        node: process.version,
        loadAverageBefore: loadBefore,
        loadAverageAfter: loadavg(),
      },
      runs: RUNS,
      nodeAlone,
      cases,
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/cli-startup.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(root, 'bench/results/cli-startup.md'), markdown(result));
    console.log('wrote bench/results/cli-startup.{json,md}');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// biome-ignore lint/suspicious/noExplicitAny: free-form JSON
function markdown(r: any): string {
  const f = (x: number) => x.toFixed(2);
  return [
    '# CLI start: `mirai` commands, whole process, before and after the built CLI (decisions 0083, 0130)',
    '',
    `${r.date} · ${r.machine.cpus} CPUs · Node ${r.machine.node} · load average ${r.machine.loadAverageBefore[0].toFixed(1)} before, ${r.machine.loadAverageAfter[0].toFixed(1)} after`,
    '',
    `\`node -e 0\` alone: ${f(r.nodeAlone.wallS)} s wall, ${f(r.nodeAlone.cpuS)} s CPU (median of ${r.runs.built}).`,
    '',
    '| command | load (1 min) | before: tsx, all commands — wall s | CPU s | from source: tsx, one command — wall s | CPU s | built — wall s | CPU s | before / built (wall) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.cases.map(
      // biome-ignore lint/suspicious/noExplicitAny: free-form JSON
      (c: any) =>
        `| ${c.name} | ${c.built.loadAverage1m.toFixed(1)} | ${f(c.before.wallS)} | ${f(c.before.cpuS)} | ${f(c.source.wallS)} | ${f(c.source.cpuS)} | ${f(c.built.wallS)} | ${f(c.built.cpuS)} | ${(c.before.wallS / c.built.wallS).toFixed(1)} |`,
    ),
    '',
    `Medians of ${r.runs.tsx} runs (tsx) and ${r.runs.built} runs (built), each under /usr/bin/time (wall = elapsed, CPU = user + system). ` +
      '"Before" runs the sources through tsx with every command module registered, as the bin did before decision 0083 ' +
      "(on today's sources, whose application modules load Excel, pg, pg-boss and nodemailer at their point of use, so it is if anything faster than the old code). " +
      '`calendar` "unchanged": the data directory is as the built CLI\'s previous read left it, so the plan comes from its closed snapshot ' +
      '(valid only while global/pg_control has the bytes it had after that clean close, and for the same build: decision 0130) and no database starts; ' +
      '"changed": the snapshot is removed before each run (as after any write), so the plan is read from the embedded database (PGlite start, migration check), which is most of its time. ' +
      'The tsx columns always read the database (no build, no snapshot). ' +
      'Survey respondents and population margins are synthetic SAMPLE data. The machine is shared by several engineers: wall times are inflated by the load; CPU times less so.',
    '',
  ].join('\n');
}

await main();
