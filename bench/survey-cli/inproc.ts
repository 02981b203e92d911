/**
 * In-process part of the whole-file survey bench, in its own process:
 * node --import tsx bench/survey-cli/inproc.ts data.csv population.csv reps
 * Reads the data file as columns once, then times estimateFromColumns (raked
 * mean and SE, the CLI's path) against a one-pass bound: the cheapest loop
 * that could produce the same result (per-cell count, Σy, Σy² from the coded
 * columns, then nothing else). The two alternate, one warm-up each; medians
 * and minimums of the repetitions.
 */
import { readColumnsFile } from '@mirai/app/read-columns';
import { columnsForEstimate, estimateFromColumns, type RowsTable, unwrap } from '@mirai/core';

const [dataPath, popPath, repsArg] = process.argv.slice(2) as [string, string, string];
const reps = Number(repsArg);
const spec = { variable: 'happiness', rake: ['age', 'sex', 'district'] };
const data = unwrap(await readColumnsFile(dataPath, { columns: columnsForEstimate(spec) }));
const p = unwrap(
  await readColumnsFile(popPath, { columns: { numbers: [], texts: ['age', 'sex', 'district', 'count'] } }),
);
const population: RowsTable = {
  headers: p.headers,
  rows: Array.from(p.rows, (row, i) => ({
    row,
    cells: Object.fromEntries(
      Object.entries(p.texts).map(([k, c]) => [k, c.levels[c.codes[i] as number] ?? '']),
    ),
  })),
};
const estimate = () => unwrap(estimateFromColumns(data, { ...spec, population }));
const age = data.texts.age!.codes;
const sex = data.texts.sex!.codes;
const district = data.texts.district!.codes;
const y = data.numbers.happiness!.values;
const nd = data.texts.district!.levels.length;
const ns = data.texts.sex!.levels.length;
const bound = () => {
  const sums = new Float64Array(data.texts.age!.levels.length * ns * nd * 3);
  for (let i = 0; i < data.n; i++) {
    const o = ((age[i]! * ns + sex[i]!) * nd + district[i]!) * 3;
    const v = y[i]!;
    sums[o]! += 1;
    sums[o + 1]! += v;
    sums[o + 2]! += v * v;
  }
  return sums[0];
};
// Interleaved (estimate, bound) pairs after one warm-up of each, so both see the same load.
let result = estimate();
bound();
const times: number[] = [];
const boundTimes: number[] = [];
for (let r = 0; r < reps; r++) {
  let t0 = performance.now();
  result = estimate();
  times.push(performance.now() - t0);
  t0 = performance.now();
  bound();
  boundTimes.push(performance.now() - t0);
}
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const k = s.length / 2;
  return s.length % 2 ? (s[Math.floor(k)] as number) : ((s[k - 1] as number) + (s[k] as number)) / 2;
};
const est = { result, ms: median(times), minMs: Math.min(...times) };
const one = { ms: median(boundTimes), minMs: Math.min(...boundTimes) };
process.stdout.write(
  JSON.stringify({
    n: data.n,
    estimate: est.result.estimate,
    se: est.result.se,
    ms: est.ms,
    boundMs: one.ms,
    minMs: est.minMs,
    boundMinMs: one.minMs,
    reps,
  }),
);
