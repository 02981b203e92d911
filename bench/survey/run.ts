/**
 * Survey benchmark: Mirai against R's `survey` on the same files in the same
 * run. Installs r-base-core and r-cran-survey from Debian when missing, exports
 * survey's `api` data from R, writes synthetic surveys (20,000 and 1,000,000
 * respondents; SAMPLE data), runs the same estimates in both (timed inside each,
 * median of repetitions), and compares results, times and peak memory.
 * Results: bench/results/survey.{json,md}.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readTableFile } from '@mirai/app';
import { estimateFromRows, unwrap } from '@mirai/core';
import { type ApiData, peakRssMb, type Results, runApi, runRake, timeMedian } from './cases';
import { generate, population, populationFiles, toCsv } from './generate';

const root = new URL('../..', import.meta.url).pathname;
const BIG = Number(process.env.BENCH_SURVEY_BIG ?? 1_000_000);
const R_REPS_BIG = Number(process.env.BENCH_SURVEY_R_REPS_BIG ?? 3);

function sh(cmd: string, args: string[], opts: { allowFail?: boolean } = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: 'utf8', maxBuffer: 1 << 26 });
  if (r.status !== 0 && !opts.allowFail) throw new Error(`${cmd} ${args.join(' ')} failed:\n${r.stderr}`);
  return r;
}

function ensureR() {
  const ok = () =>
    sh('Rscript', ['-e', 'suppressMessages(library(survey))'], { allowFail: true }).status === 0;
  if (ok()) return;
  console.log('installing r-base-core and r-cran-survey from Debian …');
  sh('apt-get', ['update']);
  sh('apt-get', ['-o', 'DPkg::Lock::Timeout=900', 'install', '-y', 'r-base-core', 'r-cran-survey']);
  if (!ok()) throw new Error('R survey package still missing');
}

interface Side {
  results: Results;
  ms: number;
  peakRssMb?: number;
}

function runR(kind: string, dir: string, reps: number): Side & { version: string } {
  const out = join(dir, `r-${kind}.json`);
  sh('Rscript', ['bench/survey/bench.R', kind, dir, String(reps), out]);
  const j = JSON.parse(readFileSync(out, 'utf8'));
  return {
    results: j.results,
    ms: j.ms,
    peakRssMb: j.peak_rss_mb,
    version: `${j.r_version}, survey ${j.survey_version}`,
  };
}

/** Times a large case in one child process and measures its memory, for a single estimate, in another. */
function runChild(kind: string, n: number, seed: number, reps: number): Side & { peakRssMbRepeated: number } {
  const child = (k: number) =>
    JSON.parse(
      sh(process.execPath, [
        '--import',
        'tsx',
        'bench/survey/child.ts',
        kind,
        String(n),
        String(seed),
        String(k),
      ]).stdout,
    );
  const timed = child(reps);
  const once = child(0);
  return {
    results: timed.results,
    ms: timed.ms,
    peakRssMb: once.peakRssMb,
    peakRssMbRepeated: timed.peakRssMbRepeated,
  };
}

function writeSynthetic(dir: string, n: number, seed: number) {
  mkdirSync(dir, { recursive: true });
  const data = generate(n, seed);
  const pop = population(Math.round(n * 2.5));
  writeFileSync(join(dir, 'synthetic.csv'), toCsv(data));
  const files = populationFiles(pop);
  writeFileSync(join(dir, 'population-margins.csv'), files.margins);
  writeFileSync(join(dir, 'population-cells.csv'), files.cells);
  return { data, pop };
}

const extraOf = (s: Side) =>
  'peakRssMbRepeated' in s
    ? { peakRssMbRepeatedRuns: (s as { peakRssMbRepeated: number }).peakRssMbRepeated }
    : {};

const maxRel = (a: Results, b: Results) => {
  let m = 0;
  for (const k of Object.keys(b)) {
    for (const f of ['estimate', 'se'] as const) {
      const x = a[k]?.[f] as number;
      const y = b[k]?.[f] as number;
      m = Math.max(m, Math.abs(x - y) / Math.max(Math.abs(y), 1e-300));
    }
  }
  return m;
};

/** Reads the api files exported from R (the benchmark's child processes avoid loading @mirai/app). */
async function loadApi(dir: string): Promise<ApiData> {
  const load = async (name: string) => {
    const t = unwrap(await readTableFile(`${dir}/${name}.csv`));
    return Object.fromEntries(t.headers.map((h) => [h, t.rows.map((r) => r.cells[h] ?? '')]));
  };
  return { srs: await load('apisrs'), strat: await load('apistrat'), clus: await load('apiclus1') };
}

// biome-ignore lint/suspicious/noExplicitAny: report rows are free-form JSON
type Row = any;

async function main() {
  ensureR();
  const loadBefore = (await import('node:os')).loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'mirai-bench-survey-'));
  try {
    const cases: Record<string, unknown>[] = [];
    let rVersion = '';
    const add = (
      name: string,
      description: string,
      mirai: Side,
      r: Side & { version: string },
      extra = {},
    ) => {
      rVersion = r.version;
      const row = {
        name,
        description,
        mirai: { ms: mirai.ms, peakRssMb: mirai.peakRssMb, ...extraOf(mirai), results: mirai.results },
        r: { ms: r.ms, peakRssMb: r.peakRssMb, results: r.results },
        speedup: r.ms / mirai.ms,
        maxRelativeDifference: maxRel(mirai.results, r.results),
        ...extra,
      };
      console.log(
        `${name}: Mirai ${mirai.ms.toFixed(2)} ms, R ${r.ms.toFixed(1)} ms, ×${row.speedup.toFixed(1)}, max rel diff ${row.maxRelativeDifference.toExponential(2)}`,
      );
      cases.push(row);
    };

    // 1. survey's api data, exported from R.
    sh('Rscript', ['bench/survey/bench.R', 'export-api', dir, '1', join(dir, 'none.json')]);
    const api = await loadApi(dir);
    const apiM = timeMedian(50, () => runApi(api));
    add(
      'api',
      'api data: SRS/stratified/cluster means and total, raked cluster mean, stratified median (all with SE)',
      { results: apiM.result, ms: apiM.ms },
      runR('api', dir, 20),
    );

    // 2. 20,000 synthetic respondents raked on age group, sex, district.
    const d20 = join(dir, 'n20k');
    const s20 = writeSynthetic(d20, 20_000, 2024);
    const m20 = timeMedian(30, () => runRake(s20.data, s20.pop));
    // The CLI path (file → readTableFile → estimateFromRows) gives the same numbers.
    const t0 = performance.now();
    const viaCli = unwrap(
      estimateFromRows(unwrap(await readTableFile(join(d20, 'synthetic.csv'))), {
        variable: 'happiness',
        rake: ['age', 'sex', 'district'],
        population: unwrap(await readTableFile(join(d20, 'population-margins.csv'))),
      }),
    );
    const cliMs = performance.now() - t0;
    add(
      'rake-20k',
      '20,000 respondents raked on age group × sex × district margins: mean and SE',
      { results: m20.result, ms: m20.ms },
      runR('synthetic-rake', d20, 10),
      {
        cliPath: {
          ms: cliMs,
          estimate: viaCli.estimate,
          se: viaCli.se,
          iterations: viaCli.calibration?.iterations,
        },
      },
    );

    // 3–4. 1,000,000 respondents: raking on three margins, and post-stratification on age × sex.
    const dBig = join(dir, 'big');
    writeSynthetic(dBig, BIG, 77);
    const mRake = runChild('rake', BIG, 77, 9);
    add(
      'rake-1m',
      `${BIG.toLocaleString('en')} respondents raked on three margins: mean and SE (memory: each side in its own process)`,
      mRake,
      runR('synthetic-rake', dBig, R_REPS_BIG),
    );
    const mPost = runChild('poststratify', BIG, 77, 9);
    add(
      'poststratify-1m',
      `${BIG.toLocaleString('en')} respondents post-stratified on age group × sex (12 cells): mean and SE`,
      mPost,
      runR('synthetic-poststratify', dBig, R_REPS_BIG),
    );

    const result = {
      benchmark: 'survey',
      date: new Date().toISOString(),
      machine: {
        cpus: (await import('node:os')).cpus().length,
        node: process.version,
        r: rVersion,
        loadAverageBefore: loadBefore,
        loadAverageAfter: (await import('node:os')).loadavg(),
      },
      note: 'Times are medians of repetitions measured inside each process (R: proc.time elapsed; Mirai: performance.now after one warm-up). Data files are read before timing in both. Synthetic data and population counts are SAMPLE values. The 1M Mirai runs regenerate the same data in a child process from the same seed instead of parsing the CSV; identical results confirm the same data.',
      mainProcessPeakRssMb: peakRssMb(),
      cases,
    };
    mkdirSync(join(root, 'bench/results'), { recursive: true });
    writeFileSync(join(root, 'bench/results/survey.json'), `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(join(root, 'bench/results/survey.md'), markdown(result));
    console.log('wrote bench/results/survey.{json,md}');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
function markdown(r: Row): string {
  const f = (x: number | undefined, d = 1) => (x === undefined ? '–' : x.toFixed(d));
  const lines = [
    '# Survey estimation: Mirai vs R survey',
    '',
    `${r.date} · ${r.machine.cpus} CPUs · Node ${r.machine.node} · ${r.machine.r} · load average ${r.machine.loadAverageBefore[0].toFixed(1)} before, ${r.machine.loadAverageAfter[0].toFixed(1)} after (the machine is shared; both sides are measured under the same load, in turn)`,
    '',
    '| case | Mirai ms | R ms | R / Mirai | Mirai peak MB | R peak MB | max rel. diff (estimate, SE) |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...r.cases.map(
      (c: Row) =>
        `| ${c.name} | ${f(c.mirai.ms, 2)} | ${f(c.r.ms)} | ${f(c.speedup)} | ${f(c.mirai.peakRssMb, 0)} | ${f(c.r.peakRssMb, 0)} | ${c.maxRelativeDifference.toExponential(1)} |`,
    ),
    '',
    '## Results (estimate, SE)',
    '',
    '| case | statistic | Mirai | R |',
    '|---|---|---|---|',
    ...r.cases.flatMap((c: Row) =>
      Object.keys(c.r.results).map(
        (k) =>
          `| ${c.name} | ${k} | ${c.mirai.results[k].estimate}, ${c.mirai.results[k].se} | ${c.r.results[k].estimate}, ${c.r.results[k].se} |`,
      ),
    ),
    '',
    ...r.cases.map((c: Row) => `- **${c.name}**: ${c.description}.`),
    '',
    "Peak memory (VmHWM, MB): Mirai's figure is a fresh Node process that generates the 1M respondents and runs the estimate once (Node and tsx included); after the repeated timing runs that process peaks higher because the garbage collector lets freed typed arrays accumulate (`peakRssMbRepeatedRuns` in the JSON). R's figure is its process after the timed repetitions, including the data frame read from CSV.",
    `Main bench process peak: ${f(r.mainProcessPeakRssMb, 0)} MB.`,
    '',
    r.note,
    '',
    'Path: these cases time the row-level API (createDesign on label arrays, rake or postStratify, surveyMean), the general path every design takes; the one-pass path from file columns that `mirai survey estimate` takes for a mean without clusters is timed in bench/results/survey-cli.md (decision 0138).',
    '',
  ];
  return lines.join('\n');
}

await main();
