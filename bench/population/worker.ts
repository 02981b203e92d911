/**
 * Bench worker (one of a warm pool): on each 'run' message it simulates its
 * slice of the trajectories into the shared totals, waits at a barrier (a
 * shared counter, Atomics) until every worker has done so, then computes the
 * quantiles of its slice of the series into the shared quantiles buffer, and
 * answers with how many of its trajectories were guarded (and its phase times). One message per
 * worker and run; nothing is copied.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compileForSimulation, quantilesInto, simulateInto, unwrap } from '@mirai/core';

const set = unwrap(compileForSimulation(workerData.spec));
const totals = new Float64Array(workerData.totals as SharedArrayBuffer);
const quantiles = new Float64Array(workerData.quantiles as SharedArrayBuffer);
/** [0]: workers done simulating in this run; [1]: the run number. */
const barrier = new Int32Array(workerData.barrier as SharedArrayBuffer);
const workers = workerData.workers as number;

export interface RunMessage {
  run: number;
  seed: number;
  trajectories: number;
  /** Trajectories [from, to) and series [seriesFrom, seriesTo) of this worker. */
  from: number;
  to: number;
  seriesFrom: number;
  seriesTo: number;
}

/** The reply: guarded trajectories and the worker's own phase times (ms). */
export interface RunReply {
  guarded: number;
  simulateMs: number;
  waitMs: number;
  quantilesMs: number;
}

parentPort?.on('message', (m: RunMessage) => {
  const t0 = performance.now();
  const guarded = simulateInto(set, { trajectories: m.trajectories, seed: m.seed }, m.from, m.to, totals);
  const t1 = performance.now();
  if (Atomics.add(barrier, 0, 1) === workers - 1) {
    // The last one in resets the counter and opens the barrier for this run.
    Atomics.store(barrier, 0, 0);
    Atomics.store(barrier, 1, m.run);
    Atomics.notify(barrier, 1);
  } else {
    while (Atomics.load(barrier, 1) !== m.run) Atomics.wait(barrier, 1, m.run - 1);
  }
  const t2 = performance.now();
  quantilesInto(totals, m.trajectories, m.seriesFrom, m.seriesTo, quantiles);
  const reply: RunReply = {
    guarded,
    simulateMs: t1 - t0,
    waitMs: t2 - t1,
    quantilesMs: performance.now() - t2,
  };
  parentPort?.postMessage(reply);
});
