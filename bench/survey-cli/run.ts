/**
 * Surveys straight from a file, whole process, side by side in one run:
 * `mirai survey estimate --rake age,sex,district` against `Rscript` with
 * `survey` (bench/survey-cli/estimate.R) on the same CSV files of 20,000,
 * 1,000,000 and 5,000,000 respondents (SAMPLE data written to a temp dir):
 * wall, CPU and peak memory of each process (/usr/bin/time). In process, at
 * 1M: the CLI's estimate on the columns against a one-pass bound and R's
 * in-process rake. R is installed from Debian when missing and skipped when
 * that fails. Results: bench/results/survey-cli.{json,md}.
 */
import { spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtCli } from '../../packages/cli/build/fresh.js';
import { csvBlocks, population, populationFiles } from '../survey/generate';

const root = new URL('../..', import.meta.url).pathname;
const SIZES = (process.env.BENCH_SURVEY_CLI_SIZES ?? '20000,1000000,5000000').split(',').map(Number);
const R_TIMEOUT_MS = Number(process.env.BENCH_SURVEY_CLI_R_TIMEOUT_S ?? 900) * 1000;
const IN_PROCESS_REPS = 21;

interface Proc {
  wallS: number;
  cpuS: number;
  peakMiB: number;
  out?: { estimate: number; se: number };
  error?: string;
}

/** Runs a command under /usr/bin/time: wall, user+system CPU and peak RSS. */
function measure(cmd: string[], timeoutMs = 600_000): Proc {
  const r = spawnSync('/usr/bin/time', ['-f', 'TIME %e %U %S %M', ...cmd], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 1 << 26,
    timeout: timeoutMs,
  });
  const m = /TIME ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(r.stderr ?? '');
  const base = m
    ? { wallS: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]), peakMiB: Number(m[4]) / 1024 }
    : { wallS: Number.NaN, cpuS: Number.NaN, peakMiB: Number.NaN };
  if (r.status !== 0) return { ...base, error: (r.error?.message ?? r.stderr ?? '').slice(-400) };
  try {
    const j = JSON.parse(r.stdout.slice(r.stdout.indexOf('{')));
    return { ...base, out: { estimate: j.estimate, se: j.se } };
  } catch {
    return { ...base, error: `unreadable output: ${r.stdout.slice(0, 200)}` };
  }
}

function rAvailable(): boolean {
  const ok = () =>
    spawnSync('Rscript', ['-e', 'suppressMessages(library(survey))'], { encoding: 'utf8' }).status === 0;
  if (ok()) return true;
  console.log('R with survey missing: trying apt-get install -y r-base-core r-cran-survey …');
  spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=600', 'install', '-y', 'r-base-core', 'r-cran-survey'], {
    stdio: 'ignore',
  });
  return ok();
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length / 2;
  return s.length % 2 ? (s[Math.floor(k)] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
};

function best(runs: Proc[]): Proc & { runs: number; wallSAll: number[] } {
  const ok = runs.filter((r) => !r.error);
  if (ok.length === 0) return { ...(runs[0] as Proc), runs: runs.length, wallSAll: [] };
  const wall = median(ok.map((r) => r.wallS));
  return {
    wallS: wall,
    cpuS: median(ok.map((r) => r.cpuS)),
    peakMiB: Math.max(...ok.map((r) => r.peakMiB)),
    ...(ok[0]?.out ? { out: ok[0].out } : {}),
    runs: ok.length,
    wallSAll: ok.map((r) => r.wallS),
  };
}

function writeData(dir: string, n: number, seed: number) {
  mkdirSync(dir, { recursive: true });
  const data = join(dir, 'synthetic.csv');
  const fd = openSync(data, 'w');
  for (const block of csvBlocks(n, seed)) writeSync(fd, block);
  closeSync(fd);
  const pop = join(dir, 'population-margins.csv');
  writeFileSync(pop, populationFiles(population(Math.round(n * 2.5))).margins);
  return { data, pop, bytes: statSync(data).size };
}

const rel = (a?: number, b?: number) =>
  a === undefined || b === undefined ? undefined : Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);

async function main() {
  const withR = rAvailable();
  const loadBefore = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'mirai-bench-survey-cli-'));
  // biome-ignore lint/suspicious/noExplicitAny: report rows are free-form JSON
  const cases: any[] = [];
  // biome-ignore lint/suspicious/noExplicitAny: free-form JSON
  let inProcess: any;
  // The floor under the same load: an empty Node process (start and exit).
  const nodeFloor = best(
    Array.from({ length: 5 }, () => {
      const r = measure([process.execPath, '-e', 'process.stdout.write("{}")']);
      return { ...r, error: undefined };
    }),
  );
  try {
    for (const n of SIZES) {
      const files = writeData(join(dir, String(n)), n, 77);
      const mirai = [
        process.execPath,
        'packages/cli/bin/mirai.js',
        'survey',
        'estimate',
        '--data',
        files.data,
      ];
      mirai.push('--variable', 'happiness', '--rake', 'age,sex,district', '--population', files.pop);
      mirai.push('--max-file-mb', '2048');
      const reps = n <= 100_000 ? 5 : n <= 1_000_000 ? 3 : 1;
      // One unmeasured run first: it builds the command line when its build is stale.
      if (cases.length === 0) measure(mirai);
      const load = loadavg()[0];
      const m = best(Array.from({ length: reps }, () => measure(mirai)));
      const r = withR
        ? best(
            Array.from({ length: n <= 100_000 ? 3 : 1 }, () =>
              measure(['Rscript', 'bench/survey-cli/estimate.R', files.data, files.pop], R_TIMEOUT_MS),
            ),
          )
        : undefined;
      const row = {
        n,
        fileMiB: files.bytes / 2 ** 20,
        loadAverage1m: load,
        mirai: m,
        ...(r ? { r, speedupWall: r.wallS / m.wallS, speedupCpu: r.cpuS / m.cpuS } : {}),
        maxRelDiff: r
          ? Math.max(
              rel(m.out?.estimate, r.out?.estimate) ?? Number.NaN,
              rel(m.out?.se, r.out?.se) ?? Number.NaN,
            )
          : undefined,
      };
      console.log(
        `n=${n}: mirai ${m.wallS}s wall ${m.cpuS.toFixed(2)}s cpu ${m.peakMiB.toFixed(0)} MiB` +
          (r
            ? ` | R ${r.wallS}s wall ${r.cpuS.toFixed(2)}s cpu ${r.peakMiB.toFixed(0)} MiB${r.error ? ` (${r.error.slice(0, 80)})` : ''}`
            : ' | R skipped'),
      );
      cases.push(row);
      if (n === 1_000_000) {
        const ipLoad = loadavg()[0];
        const ip = spawnSync(
          process.execPath,
          ['--import', 'tsx', 'bench/survey-cli/inproc.ts', files.data, files.pop, String(IN_PROCESS_REPS)],
          { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 },
        );
        const mine = JSON.parse(ip.stdout);
        let rIn: { ms: number; results: { raked_mean: { estimate: number; se: number } } } | undefined;
        if (withR) {
          const out = join(dir, 'r-inproc.json');
          const rr = spawnSync(
            'Rscript',
            ['bench/survey/bench.R', 'synthetic-rake', join(dir, String(n)), '1', out],
            {
              cwd: root,
              encoding: 'utf8',
              timeout: R_TIMEOUT_MS,
            },
          );
          if (rr.status === 0) rIn = JSON.parse(readFileSync(out, 'utf8'));
        }
        inProcess = {
          n,
          reps: mine.reps,
          loadAverage1m: ipLoad,
          estimateMs: mine.ms,
          boundMs: mine.boundMs,
          overBound: mine.ms / mine.boundMs,
          estimateMinMs: mine.minMs,
          boundMinMs: mine.boundMinMs,
          ...(rIn
            ? {
                rMs: rIn.ms,
                speedupVsR: rIn.ms / mine.ms,
                maxRelDiff: Math.max(
                  rel(mine.estimate, rIn.results.raked_mean.estimate) as number,
                  rel(mine.se, rIn.results.raked_mean.se) as number,
                ),
              }
            : {}),
        };
        console.log('in process:', JSON.stringify(inProcess));
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const result = {
    benchmark: 'survey-cli',
    date: new Date().toISOString(),
    machine: {
      cpus: cpus().length,
      node: process.version,
      loadAverageBefore: loadBefore,
      loadAverageAfter: loadavg(),
    },
    rAvailable: withR,
    cli: builtCli().entry ? 'built' : 'sources through tsx',
    note: `Whole processes, each under /usr/bin/time (wall = elapsed, CPU = user + system, peak = max RSS); Mirai through packages/cli/bin/mirai.js as a user runs it, which ran ${builtCli().entry ? 'the built command line (packages/cli/dist, checked against its sources at start; one unmeasured run first, which builds it when stale)' : 'the sources through tsx (no usable build)'}; medians of 5/3/1 runs (20k/1M/5M) for Mirai and 3/1/1 for R. In process: the estimate and the one-pass bound alternate in one process (${IN_PROCESS_REPS} pairs after a warm-up of each), medians; R's rake + svymean timed inside R on the same file. Synthetic respondents and population counts are SAMPLE data. The machine is shared: compare sides within a row.`,
    nodeStartup: { wallS: nodeFloor.wallS, cpuS: nodeFloor.cpuS, peakMiB: nodeFloor.peakMiB },
    cases,
    inProcess,
    targets: targets(cases, inProcess, nodeFloor.wallS),
  };
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  writeFileSync(join(root, 'bench/results/survey-cli.json'), `${JSON.stringify(result, null, 2)}\n`);
  writeFileSync(join(root, 'bench/results/survey-cli.md'), markdown(result));
  console.log('wrote bench/results/survey-cli.{json,md}');
}

/** Issue 18's targets, each with the figure it is judged on and whether it is met. */
// biome-ignore lint/suspicious/noExplicitAny: free-form JSON
type Json = any;

function targets(
  cases: Json[],
  ip: Json,
  floorS: number,
): { target: string; figure: string; met: boolean | undefined }[] {
  const at = (n: number) => cases.find((c) => c.n === n);
  const [small, mid, big] = [at(20_000), at(1_000_000), at(5_000_000)];
  const out: { target: string; figure: string; met: boolean | undefined }[] = [];
  if (mid)
    out.push({
      target: '1M raked, whole process: ≥ 25× faster than R (wall) and peak under 300 MiB',
      figure: `×${mid.speedupWall?.toFixed(1) ?? '–'} R (${mid.mirai.wallS} s vs ${mid.r?.wallS ?? '–'} s), ${mid.mirai.peakMiB.toFixed(0)} MiB`,
      met: mid.speedupWall === undefined ? undefined : mid.speedupWall >= 25 && mid.mirai.peakMiB < 300,
    });
  if (small)
    out.push({
      target: '20k, whole process: under 0.5 s',
      figure: `${small.mirai.wallS} s wall, ${small.mirai.cpuS.toFixed(2)} s CPU (an empty Node process: ${floorS} s wall)`,
      met: small.mirai.wallS < 0.5,
    });
  if (big && mid) {
    const perRow = big.mirai.wallS / 5 / mid.mirai.wallS;
    out.push({
      target: '5M: completes and scales linearly (wall per respondent within 1.25× of 1M)',
      figure: big.mirai.error
        ? `failed: ${big.mirai.error.slice(0, 80)}`
        : `${big.mirai.wallS} s (${(big.mirai.wallS / mid.mirai.wallS).toFixed(2)}× the 1M wall for 5× the rows), ${big.mirai.peakMiB.toFixed(0)} MiB`,
      met: !big.mirai.error && perRow <= 1.25,
    });
  }
  if (ip)
    out.push({
      target: 'In process, 1M: within 10× of the one-pass bound, ≥ 250× R, equal to R to 1e-9',
      figure: `×${ip.overBound.toFixed(1)} the bound, ×${ip.speedupVsR?.toFixed(0) ?? '–'} R, rel. diff ${ip.maxRelDiff?.toExponential(1) ?? '–'}`,
      met:
        ip.speedupVsR === undefined
          ? undefined
          : ip.overBound <= 10 && ip.speedupVsR >= 250 && ip.maxRelDiff <= 1e-9,
    });
  return out;
}

// biome-ignore lint/suspicious/noExplicitAny: free-form JSON
function markdown(r: any): string {
  const f = (x: number | undefined, d = 2) => (x === undefined || Number.isNaN(x) ? '–' : x.toFixed(d));
  const ip = r.inProcess;
  return [
    '# Surveys from a CSV, whole process: `mirai survey estimate` vs `Rscript` + survey',
    '',
    `${r.date} · ${r.machine.cpus} CPUs · Node ${r.machine.node} · load average ${r.machine.loadAverageBefore[0].toFixed(1)} before, ${r.machine.loadAverageAfter[0].toFixed(1)} after${r.rAvailable ? '' : ' · **R not available: R columns skipped**'}`,
    '',
    'Raked mean and SE (age group × sex × district margins), from the same CSV and population file.',
    '',
    `Floor under the same load: an empty Node process (\`node -e\`, start and exit) takes ${f(r.nodeStartup?.wallS)} s wall, ${f(r.nodeStartup?.cpuS)} s CPU (median of 5).`,
    '',
    '| respondents | file MiB | load (1 min) | Mirai wall s | Mirai CPU s | Mirai peak MiB | R wall s | R CPU s | R peak MiB | R / Mirai (wall) | max rel. diff |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...r.cases.map(
      // biome-ignore lint/suspicious/noExplicitAny: free-form JSON
      (c: any) =>
        `| ${c.n.toLocaleString('en')} | ${f(c.fileMiB, 1)} | ${f(c.loadAverage1m, 1)} | ${f(c.mirai.wallS)} | ${f(c.mirai.cpuS)} | ${f(c.mirai.peakMiB, 0)} | ${f(c.r?.wallS)} | ${f(c.r?.cpuS)} | ${f(c.r?.peakMiB, 0)} | ${f(c.speedupWall, 1)} | ${c.maxRelDiff === undefined ? '–' : c.maxRelDiff.toExponential(1)} |`,
    ),
    '',
    ip
      ? `In process at ${ip.n.toLocaleString('en')} respondents (columns already read; load ${f(ip.loadAverage1m, 1)}): estimateFromColumns ${f(ip.estimateMs)} ms (fastest ${f(ip.estimateMinMs)}), one-pass bound ${f(ip.boundMs)} ms (fastest ${f(ip.boundMinMs)}): ×${f(ip.overBound, 1)} the bound${ip.rMs ? `; R survey's rake + svymean ${f(ip.rMs, 0)} ms (×${f(ip.speedupVsR, 0)}), max rel. diff ${ip.maxRelDiff.toExponential(1)}` : ''}.`
      : '',
    '',
    '## Targets (issue 18)',
    '',
    '| target | measured | met |',
    '|---|---|---|',
    ...r.targets.map(
      // biome-ignore lint/suspicious/noExplicitAny: free-form JSON
      (t: any) =>
        `| ${t.target} | ${t.figure} | ${t.met === undefined ? 'not judged (R missing)' : t.met ? 'yes' : '**no**'} |`,
    ),
    '',
    r.note,
    '',
  ].join('\n');
}

await main();
