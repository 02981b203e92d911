/**
 * In-process part of the whole-file survey bench, in its own process:
 * node --import tsx bench/survey-cli/inproc.ts data.csv population.csv reps
 * Reads the data file as columns once, then times estimateFromColumns (raked
 * mean and SE, the CLI's path) against a one-pass bound: the cheapest loop
 * that could produce the same result (per-cell count, Σy, Σy² from the coded
 * columns, then nothing else), median of repetitions.
 */
import { readColumnsFile } from '@mirai/app/read-columns';
import { columnsForEstimate, estimateFromColumns, type RowsTable, unwrap } from '@mirai/core';
import { timeMedian } from '../survey/cases';

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
const est = timeMedian(reps, () => unwrap(estimateFromColumns(data, { ...spec, population })));
const age = data.texts.age!.codes;
const sex = data.texts.sex!.codes;
const district = data.texts.district!.codes;
const y = data.numbers.happiness!.values;
const nd = data.texts.district!.levels.length;
const ns = data.texts.sex!.levels.length;
const bound = timeMedian(reps, () => {
  const sums = new Float64Array(data.texts.age!.levels.length * ns * nd * 3);
  for (let i = 0; i < data.n; i++) {
    const o = ((age[i]! * ns + sex[i]!) * nd + district[i]!) * 3;
    const v = y[i]!;
    sums[o]! += 1;
    sums[o + 1]! += v;
    sums[o + 2]! += v * v;
  }
  return sums[0];
});
process.stdout.write(
  JSON.stringify({
    n: data.n,
    estimate: est.result.estimate,
    se: est.result.se,
    ms: est.ms,
    boundMs: bound.ms,
  }),
);
