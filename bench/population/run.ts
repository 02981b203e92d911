/**
 * Population bench: Mirai's engine beside a vectorised R implementation of
 * the same ipss method (population.R), in the same run, on Shiojiri's city
 * with its 10 districts (illustrative sample districts) to 2050:
 * 1. deterministic projection of the city and 10 districts, each with its own rates;
 * 2. 10,000 Monte Carlo trajectories of the same, with quantiles.
 * Checks that the deterministic results agree and that the Monte Carlo
 * quantiles agree to Monte Carlo error. Writes bench/results/population.{json,md}.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { readTableFile } from '@mirai/app';
import {
  allocateTotals,
  type CompiledDistrictSet,
  censusFromRows,
  compileForSimulation,
  DEFAULT_SIGMAS,
  type DistrictSetSpec,
  deriveDistrictSet,
  type FlatIpss,
  flattenIpss,
  laneKernelOf,
  projectDistrictsCompiled,
  QUANTILE_PROBS,
  rakeFlat,
  resultFromQuantiles,
  simulateInto,
  stepFlatDeterministic,
  summarise,
  totalsFlat,
  unwrap,
} from '@mirai/core';
import { CONTROL_LENGTH, NEXT_S, NEXT_T } from './control';
import type { RunMessage, RunReply } from './worker';

const root = new URL('../../', import.meta.url).pathname;
const T = 10_000;
/** Trajectories and series per chunk taken by a worker (25 and 11 chunks). */
const CHUNK = 400;
const SERIES_CHUNK = 8;
const SEED = 20215;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const best = (xs: number[]) => Math.min(...xs);

function ensureR(): string | undefined {
  const which = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
  if (which.status === 0) return (which.stderr || which.stdout).trim();
  console.log('R not found: installing r-base-core from Debian');
  spawnSync('apt-get', ['update'], { stdio: 'inherit' });
  spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=900', 'install', '-y', 'r-base-core'], {
    stdio: 'inherit',
  });
  const again = spawnSync('Rscript', ['--version'], { encoding: 'utf8' });
  return again.status === 0 ? (again.stderr || again.stdout).trim() : undefined;
}

async function buildSet(): Promise<DistrictSetSpec> {
  const census = unwrap(
    await readTableFile(join(root, 'data/population/shiojiri_census_1980_2015_sex_age5.csv')),
  );
  const sample = unwrap(await readTableFile(join(root, 'data/population/shiojiri-districts-sample.csv')));
  const city = unwrap(censusFromRows(census.rows, '20215'));
  const codes = [
    ...new Map(sample.rows.map((r) => [r.cells.district_code ?? '', r.cells.district ?? ''])).entries(),
  ];
  return unwrap(
    deriveDistrictSet(
      city,
      '20215',
      codes.map(([code, name]) => ({ code, name, table: unwrap(censusFromRows(sample.rows, code)) })),
      { from: 2010, to: 2015, horizon: 2050, sample: true },
    ),
  );
}

/** All states (cells × areas × years) of the deterministic flat run, in R's array order. */
function flatStates(F: FlatIpss): Float64Array {
  const len = 2 * F.n;
  const size = len * F.areas;
  const out = new Float64Array(size * (F.periods + 1));
  let a = F.base.slice();
  let b = new Float64Array(size);
  rakeFlat(a, F.areas, len);
  out.set(a, 0);
  for (let k = 0; k < F.periods; k++) {
    stepFlatDeterministic(F, k, a, b);
    [a, b] = [b, a];
    out.set(a, (k + 1) * size);
  }
  return out;
}

function timeUs(f: () => void, reps: number): number {
  const batches: number[] = [];
  for (let r = 0; r < 7; r++) {
    const t0 = performance.now();
    for (let i = 0; i < reps; i++) f();
    batches.push(((performance.now() - t0) * 1000) / reps);
  }
  return best(batches);
}

/**
 * A warm pool of worker threads (started once, outside the timed region, as R's start-up and
 * data reading are outside R's). A timed run = one message per worker (simulate chunks of
 * trajectories taken from a shared counter, a shared barrier, quantiles of chunks of the series)
 * until every reply is in, plus the result object built from the shared quantiles.
 */
async function startPool(spec: DistrictSetSpec, set: CompiledDistrictSet, workers: number) {
  const m = allocateTotals(set, T);
  const series = m.areas.length * m.years.length;
  const totalsBuf = new SharedArrayBuffer(m.totals.byteLength);
  const quantBuf = new SharedArrayBuffer(series * 5 * 8);
  const controlBuf = new SharedArrayBuffer(CONTROL_LENGTH * 4);
  const control = new Int32Array(controlBuf);
  const pool = Array.from(
    { length: workers },
    () =>
      // Node 20 workers do not inherit tsx's loader: register it inside the worker, then load the TypeScript module.
      new Worker(
        `import('tsx/esm/api').then((m) => { m.register(); return import(${JSON.stringify(new URL('./worker.ts', import.meta.url).href)}); });`,
        {
          eval: true,
          workerData: { spec, totals: totalsBuf, quantiles: quantBuf, control: controlBuf, workers },
        },
      ),
  );
  const call = (w: Worker, msg: RunMessage) =>
    new Promise<RunReply>((resolve, reject) => {
      const onError = (e: Error) => reject(e);
      w.once('error', onError);
      w.once('message', (v: RunReply) => {
        w.off('error', onError);
        resolve(v);
      });
      w.postMessage(msg);
    });
  let run = 0;
  const quantiles = new Float64Array(quantBuf);
  const once = async () => {
    run++;
    const t0 = performance.now();
    // The chunk counters (the workers' Atomics.add on them happen after they receive the message).
    Atomics.store(control, NEXT_T, 0);
    Atomics.store(control, NEXT_S, 0);
    const replies = await Promise.all(
      pool.map((w) =>
        call(w, { run, seed: SEED, trajectories: T, series, chunk: CHUNK, seriesChunk: SERIES_CHUNK }),
      ),
    );
    const result = resultFromQuantiles(
      set,
      { ...m, guarded: replies.reduce((s, r) => s + r.guarded, 0) },
      quantiles,
      { trajectories: T, seed: SEED },
    );
    const total = performance.now() - t0;
    return {
      total,
      kernels: replies.map((r) => r.kernel),
      // The slower worker's own CPU time (null where the kernel does not say), and the most one waited for a core.
      cpu: replies.every((r) => r.cpuMs !== null) ? Math.max(...replies.map((r) => r.cpuMs!)) : null,
      runQueue: replies.every((r) => r.runQueueMs !== null)
        ? Math.max(...replies.map((r) => r.runQueueMs!))
        : null,
      simulate: Math.max(...replies.map((r) => r.simulateMs)),
      quantiles: Math.max(...replies.map((r) => r.quantilesMs)),
      result,
    };
  };
  const measure = async (rounds: number) => {
    const times: Awaited<ReturnType<typeof once>>[] = [];
    for (let r = 0; r < rounds; r++) times.push(await once());
    const totals = times.map((t) => t.total);
    const bestRun = times.find((t) => t.total === Math.min(...totals))!;
    const cpus = times.flatMap((t) => (t.cpu === null ? [] : [t.cpu]));
    return {
      ...bestRun,
      median: median(totals),
      bestCpu: cpus.length > 0 ? best(cpus) : null,
      medianCpu: cpus.length > 0 ? median(cpus) : null,
      quantiles5: quantiles.slice(),
    };
  };
  // Warm-up (JIT), not timed.
  for (let r = 0; r < 3; r++) await once();
  return { measure, close: () => Promise.all(pool.map((w) => w.terminate())) };
}

const rVersion = ensureR();
const spec = await buildSet();
const set = unwrap(compileForSimulation(spec));
const F = flattenIpss(set)!;
const years = [set.city.baseYear, ...set.city.years];

// --- Mirai, deterministic
const totalsOut = new Float64Array(F.areas * (F.periods + 1));
const scratchA = new Float64Array(F.base.length);
const scratchB = new Float64Array(F.base.length);
const detKernelUs = timeUs(() => totalsFlat(F, totalsOut, scratchA, scratchB), 20_000);
const detFullUs = timeUs(() => projectDistrictsCompiled(set), 500);
const states = flatStates(F);

// --- Mirai, Monte Carlo in this thread, then with worker threads (measured again after R: best of both)
const single: number[] = [];
const singleCpu: number[] = [];
let singleResult: ReturnType<typeof summarise> | undefined;
let mJs = allocateTotals(set, T);
function runSingle(rounds: number): void {
  for (let r = 0; r < rounds; r++) {
    const m = allocateTotals(set, T);
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    m.guarded = simulateInto(set, { trajectories: T, seed: SEED }, 0, T, m.totals);
    const t1 = performance.now();
    const c1 = process.cpuUsage(c0);
    // summarise may reorder the totals: keep a copy (not timed) for the agreement check.
    const raw = m.totals.slice();
    const c2 = process.cpuUsage();
    const t2 = performance.now();
    singleResult = summarise(set, m, { trajectories: T, seed: SEED });
    const t3 = performance.now();
    const c3 = process.cpuUsage(c2);
    if (r > 0) {
      single.push(t1 - t0 + (t3 - t2));
      singleCpu.push((c1.user + c1.system + c3.user + c3.system) / 1000);
    }
    mJs = { ...m, totals: raw };
  }
}
runSingle(6);
const cores = availableParallelism();
const workers = Math.max(2, Math.min(2, cores));
const pool = await startPool(spec, set, workers);
let par = await pool.measure(5);

// --- R, same inputs
const dir = mkdtempSync(join(tmpdir(), 'mirai-pop-bench-'));
const put = (name: string, xs: ArrayLike<number>) =>
  writeFileSync(join(dir, name), `${Array.from(xs, (x) => x.toPrecision(17)).join('\n')}\n`);
put('dims.txt', [F.areas, F.periods, F.n, T, 2000, 5]);
put('sigmas.txt', [
  DEFAULT_SIGMAS.fertility,
  DEFAULT_SIGMAS.migrationLevel,
  DEFAULT_SIGMAS.migrationPeriod,
  DEFAULT_SIGMAS.migrationDistrict,
  DEFAULT_SIGMAS.mortality,
]);
put('base.txt', F.base);
put('deathProb.txt', F.deathProb);
put('migration.txt', F.migration);
put('added.txt', F.added);
put('cwr.txt', F.cwr);
put('maleShare.txt', F.maleShare);
let r:
  | {
      matrixMs: number;
      loopMs: number;
      mcMs: number;
      mcMedianMs: number;
      mcCpuMs: number;
      det: number[];
      q: number[];
    }
  | undefined;
if (rVersion) {
  const run = spawnSync('Rscript', [join(root, 'bench/population/population.R'), dir], {
    encoding: 'utf8',
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  if (run.status !== 0) throw new Error('R failed');
  runSingle(4);
  const again = await pool.measure(5);
  const bestCpu = [par.bestCpu, again.bestCpu].flatMap((x) => (x === null ? [] : [x]));
  if (again.total < par.total) par = again;
  par.bestCpu = bestCpu.length > 0 ? best(bestCpu) : null;
  const num = (name: string) => readFileSync(join(dir, name), 'utf8').trim().split(/\s+/).map(Number);
  const [matrixMs, loopMs, mcMs, mcMedianMs, mcCpuMs] = num('r_times.txt') as [
    number,
    number,
    number,
    number,
    number,
  ];
  r = { matrixMs, loopMs, mcMs, mcMedianMs, mcCpuMs, det: num('r_det.txt'), q: num('r_mc_quantiles.txt') };
}

await pool.close();
// The workers' trajectories and quantiles are the one-thread run's, exactly.
if (JSON.stringify(par.result) !== JSON.stringify(singleResult))
  throw new Error('worker result differs from the one-thread result');

// --- Agreement
let detMaxAbs = Number.NaN;
let mcMaxZ = Number.NaN;
let mcWithin3 = Number.NaN;
const mcRows: { area: string; year: number; quantile: number; mirai: number; r: number; z: number }[] = [];
if (r) {
  detMaxAbs = 0;
  for (let i = 0; i < states.length; i++) detMaxAbs = Math.max(detMaxAbs, Math.abs(states[i]! - r.det[i]!));
  // Monte Carlo standard error of each quantile from Mirai's own trajectories (order-statistic interval).
  const Y = years.length;
  let within = 0;
  let count = 0;
  mcMaxZ = 0;
  for (let a = 0; a < F.areas; a++) {
    for (let y = 1; y < Y; y++) {
      const sorted = mJs.totals.slice((a * Y + y) * T, (a * Y + y + 1) * T).sort();
      QUANTILE_PROBS.forEach((p, qi) => {
        const half = 1.96 * Math.sqrt(T * p * (1 - p));
        const lo = sorted[Math.max(0, Math.floor(T * p - half))]!;
        const hi = sorted[Math.min(T - 1, Math.ceil(T * p + half))]!;
        const se = (hi - lo) / (2 * 1.96);
        const js = par.quantiles5[(a * Y + y) * 5 + qi]!;
        const rv = r!.q[(a * Y + y) * 5 + qi]!;
        const z = Math.abs(js - rv) / (Math.SQRT2 * se);
        mcMaxZ = Math.max(mcMaxZ, z);
        if (z <= 3) within++;
        count++;
        if (a === 0 && y === Y - 1)
          mcRows.push({ area: 'city', year: years[y]!, quantile: p, mirai: js, r: rv, z });
      });
    }
  }
  mcWithin3 = within / count;
}

const mcSingleMs = best(single);
const mcSingleMedianMs = median(single);
const results = {
  bench: 'population',
  date: new Date().toISOString(),
  machine: {
    cores,
    node: process.version,
    r: rVersion ?? 'not available',
    loadAverage: (await import('node:os')).loadavg(),
  },
  data: 'Shiojiri census 2010/2015 (city) + illustrative SAMPLE districts (10), ipss method, 2015→2050 (7 steps), 19 age groups × 2 sexes',
  deterministic: {
    miraiKernelMs: detKernelUs / 1000,
    miraiFullOutputMs: detFullUs / 1000,
    rMatrixMs: r?.matrixMs ?? null,
    rOneAreaAtATimeMs: r?.loopMs ?? null,
    ratioVsRMatrix: r ? r.matrixMs / (detKernelUs / 1000) : null,
    ratioVsROneArea: r ? r.loopMs / (detKernelUs / 1000) : null,
    ratioFullOutputVsRMatrix: r ? r.matrixMs / (detFullUs / 1000) : null,
    maxAbsDifferenceVsR: detMaxAbs,
  },
  monteCarlo: {
    trajectories: T,
    seed: SEED,
    sigmas: DEFAULT_SIGMAS,
    miraiOneThreadMs: mcSingleMs,
    miraiOneThreadMedianMs: mcSingleMedianMs,
    miraiOneThreadCpuMs: best(singleCpu),
    rCpuMs: r?.mcCpuMs ?? null,
    ratioCpu: r ? r.mcCpuMs / best(singleCpu) : null,
    rMedianMs: r?.mcMedianMs ?? null,
    miraiWorkers: workers,
    miraiWorkersMs: par.total,
    miraiWorkersMedianMs: par.median,
    miraiWorkersSimulateMs: par.simulate,
    miraiWorkersQuantilesMs: par.quantiles,
    rMs: r?.mcMs ?? null,
    ratioWorkers: r ? r.mcMs / par.total : null,
    /** CPU time of the slower worker (its own, from /proc/thread-self/schedstat; best and median run) and its run-queue wait in the fastest run. */
    miraiWorkersCpuMs: par.bestCpu,
    miraiWorkersMedianCpuMs: par.medianCpu,
    miraiWorkersRunQueueMs: par.runQueue,
    ratioWorkersCpu: r && par.bestCpu ? r.mcCpuMs / par.bestCpu : null,
    ratioOneThread: r ? r.mcMs / mcSingleMs : null,
    quantileAgreement: { maxZ: mcMaxZ, shareWithin3SE: mcWithin3, city2050: mcRows },
    guardedTrajectories: singleResult?.guardedTrajectories ?? null,
    /** The kernel the one-thread run used, and the workers' (groups given back to TypeScript: see lanes-wasm.ts). */
    kernel: laneKernelOf(set),
    workerKernels: par.kernels,
  },
  cityMedian2050: singleResult?.areas[0]?.total['2050'] ?? null,
};
writeFileSync(join(root, 'bench/results/population.json'), `${JSON.stringify(results, null, 2)}\n`);
const f = (x: number | null | undefined, d = 3) =>
  x === null || x === undefined || Number.isNaN(x) ? 'n/a' : x.toFixed(d);
const md = `# Population bench

${results.date} · ${cores} cores · Node ${process.version} · ${rVersion ?? 'R not available'} · load average ${results.machine.loadAverage.map((x) => x.toFixed(2)).join(' ')}

Data: ${results.data}. The district data are an **illustrative sample** (sample: true).
R: \`bench/population/population.R\`, a vectorised implementation of the same method (matrix arithmetic), run in the same bench.

## Deterministic: city + 10 districts, each with its own rates, to 2050

| implementation | time per run | ratio (R ÷ Mirai kernel) |
|---|---|---|
| Mirai, flat kernel (totals; all states in typed arrays) | ${f(results.deterministic.miraiKernelMs, 4)} ms | |
| Mirai, full output objects (populations, 3 groups, ratios, annual totals per area) | ${f(results.deterministic.miraiFullOutputMs, 4)} ms | |
| R, one matrix pass per step | ${f(r?.matrixMs, 4)} ms | ${f(results.deterministic.ratioVsRMatrix, 1)}× |
| R, one area at a time | ${f(r?.loopMs, 4)} ms | ${f(results.deterministic.ratioVsROneArea, 1)}× |

Largest absolute difference between Mirai's and R's cells (all areas, years, sexes, ages): ${detMaxAbs.toExponential(2)} persons.

## Monte Carlo: ${T.toLocaleString('en-US')} trajectories of the city + 10 districts to 2050, quantiles

| implementation | time | ratio (R ÷ Mirai) |
|---|---|---|
| Mirai, ${workers} worker threads (simulate ${f(par.simulate, 1)} ms + quantiles ${f(par.quantiles, 1)} ms) | ${f(par.total, 1)} ms | ${f(results.monteCarlo.ratioWorkers, 1)}× |
| Mirai, one thread | ${f(mcSingleMs, 1)} ms | ${f(results.monteCarlo.ratioOneThread, 1)}× |
| R, vectorised over trajectories | ${f(r?.mcMs, 1)} ms | |

Kernel: ${results.monteCarlo.kernel.kernel === 'wasm' ? 'WebAssembly SIMD (f64x2) lanes, `packages/core/src/population/lanes.wat`' : results.monteCarlo.kernel.kernel} in this thread and ${par.kernels.map((k) => k.kernel).join(', ')} in the workers; groups of 8 trajectories given back to the TypeScript kernel: ${results.monteCarlo.kernel.declined} (this thread, all runs), ${par.kernels.map((k) => k.declined).join(', ')} (workers). Totals are bit-for-bit those of the TypeScript kernel (decision 0133).

Target (issue 18): the Monte Carlo with the warm workers at least 25× faster than R in the same run: **${results.monteCarlo.ratioWorkers === null ? 'not measured (no R)' : results.monteCarlo.ratioWorkers >= 25 ? 'met' : 'not met'}** (${f(results.monteCarlo.ratioWorkers, 1)}× at load average ${results.machine.loadAverage[0]!.toFixed(2)}). With two cores and many other processes, two workers rarely get both cores at once; on the workers' own CPU time (a core each, below) the ratio is ${f(results.monteCarlo.ratioWorkersCpu, 1)}×.

CPU time (less sensitive to other load on the machine): Mirai one thread ${f(best(singleCpu), 1)} ms, R ${f(r?.mcCpuMs, 1)} ms, ratio ${f(results.monteCarlo.ratioCpu, 1)}×. Two workers, the slower worker's own CPU time in a run (from \`/proc/thread-self/schedstat\`: what the run takes when each worker has a core to itself; the main thread's posting and result object, well under a millisecond, not included): best ${f(par.bestCpu, 1)} ms, median ${f(par.medianCpu, 1)} ms, ratio to R's CPU time ${f(results.monteCarlo.ratioWorkersCpu, 1)}×. In the fastest run a worker waited ${f(par.runQueue, 1)} ms in the run queue for a core.

Quantile agreement (different random streams, same distributions): largest |Mirai − R| / (√2·SE) = ${f(mcMaxZ, 2)}; share within 3 SE = ${f(mcWithin3 * 100, 1)}% over ${F.areas} areas × ${years.length - 1} years × 5 quantiles.

| city 2050 quantile | Mirai | R | z |
|---|---|---|---|
${mcRows.map((x) => `| ${x.quantile} | ${x.mirai.toFixed(0)} | ${x.r.toFixed(0)} | ${x.z.toFixed(2)} |`).join('\n')}

Timing: best of repeated runs (the machine is shared; the best run is the least disturbed), both for Mirai (in one process) and for R (timed inside R with proc.time()); medians are in the JSON (workers: median ${f(par.median, 1)} ms). What is timed, on both sides: seeding and all random draws, the projection of every trajectory, the quantiles of every area and year (and for Mirai's workers the result object). Not timed, on both sides: start-up and reading the inputs (R: Rscript start and scan(); Mirai: a warm pool of worker threads, started once, each with the compiled district set). The worker times are from the main thread: posting one message to each worker until both replies are in (simulate ${f(par.simulate, 1)} ms and quantiles ${f(par.quantiles, 1)} ms are the slower worker's own phases; workers take chunks of ${CHUNK} trajectories and ${SERIES_CHUNK} series from shared counters).
`;
writeFileSync(join(root, 'bench/results/population.md'), md);
console.log(md);
