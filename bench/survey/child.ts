/**
 * Runs one large benchmark case in a fresh process so that its peak memory
 * (VmHWM) is Mirai's alone: node bench/survey/child.ts <rake|poststratify> <n> <seed> <reps>
 */
import { peakRssMb, runPostStratify, runRake, timeMedian } from './cases';
import { generate, population } from './generate';

const [kind, nArg, seedArg, repsArg] = process.argv.slice(2);
const n = Number(nArg);
const data = generate(n, Number(seedArg));
const pop = population(Math.round(n * 2.5));
const t = timeMedian(Number(repsArg), () =>
  kind === 'rake' ? runRake(data, pop) : runPostStratify(data, pop),
);
process.stdout.write(
  JSON.stringify({ results: t.result, ms: t.ms, timesMs: t.timesMs, peakRssMb: peakRssMb() }),
);
