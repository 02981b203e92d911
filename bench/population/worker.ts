/** Bench worker: runs a slice of the Monte Carlo trajectories, or of the quantile series, into shared memory. */
import { parentPort, workerData } from 'node:worker_threads';
import { compileForSimulation, quantilesInto, simulateInto, unwrap } from '@mirai/core';

const set = unwrap(compileForSimulation(workerData.spec));
const totals = new Float64Array(workerData.totals as SharedArrayBuffer);
const quantiles = new Float64Array(workerData.quantiles as SharedArrayBuffer);

parentPort?.on(
  'message',
  (m: { kind: 'simulate' | 'quantiles'; from: number; to: number; seed: number; trajectories: number }) => {
    let guarded = 0;
    if (m.kind === 'simulate')
      guarded = simulateInto(set, { trajectories: m.trajectories, seed: m.seed }, m.from, m.to, totals);
    else quantilesInto(totals, m.trajectories, m.from, m.to, quantiles);
    parentPort?.postMessage(guarded);
  },
);
