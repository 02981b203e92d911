/**
 * Runs one large benchmark case in a fresh process so that its peak memory
 * (VmHWM) is Mirai's alone: node bench/survey/child.ts <rake|poststratify> <n> <seed> <reps>
 * With reps = 0 it runs the case once and reports only the peak memory of
 * generating the data and estimating once (the memory an estimate needs).
 */
import { peakRssMb, runPostStratify, runRake, timeMedian } from './cases';
import { generate, population } from './generate';

const [kind, nArg, seedArg, repsArg] = process.argv.slice(2);
const n = Number(nArg);
const reps = Number(repsArg);
const data = generate(n, Number(seedArg));
const pop = population(Math.round(n * 2.5));
const run = () => (kind === 'rake' ? runRake(data, pop) : runPostStratify(data, pop));
if (reps === 0) {
  const results = run();
  process.stdout.write(JSON.stringify({ results, peakRssMb: peakRssMb() }));
} else {
  const t = timeMedian(reps, run);
  process.stdout.write(
    JSON.stringify({ results: t.result, ms: t.ms, timesMs: t.timesMs, peakRssMbRepeated: peakRssMb() }),
  );
}
