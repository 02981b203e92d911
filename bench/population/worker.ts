/**
 * Bench worker (one of a warm pool). On each 'run' message it takes chunks of
 * trajectories from a shared counter and simulates them into the shared
 * totals, waits at a barrier (a shared counter, Atomics) until every worker
 * has finished, then takes chunks of the series and computes their quantiles
 * into the shared quantiles buffer, and answers with how many of its
 * trajectories were guarded (and its phase times). Taking chunks rather than
 * fixed halves keeps both cores busy when the machine is shared and one
 * worker is held up; a trajectory's totals do not depend on which worker or
 * chunk runs it. One message per worker and run; nothing is copied.
 */
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { compileForSimulation, laneKernelOf, quantilesInto, simulateInto, unwrap } from '@mirai/core';
import { DONE, NEXT_S, NEXT_T, RUN } from './control';

const set = unwrap(compileForSimulation(workerData.spec));
const totals = new Float64Array(workerData.totals as SharedArrayBuffer);
const quantiles = new Float64Array(workerData.quantiles as SharedArrayBuffer);
const control = new Int32Array(workerData.control as SharedArrayBuffer);
const workers = workerData.workers as number;

export interface RunMessage {
  run: number;
  seed: number;
  trajectories: number;
  series: number;
  /** Chunk sizes: trajectories (a multiple of the kernel's lanes) and series. */
  chunk: number;
  seriesChunk: number;
}

/** The reply: guarded trajectories and the worker's own phase times (ms). */
export interface RunReply {
  guarded: number;
  simulateMs: number;
  waitMs: number;
  quantilesMs: number;
  /**
   * This thread's own time on a CPU and waiting for one during the run (ms; Linux's
   * /proc/thread-self/schedstat, null elsewhere): what the run costs with a core to itself.
   */
  cpuMs: number | null;
  runQueueMs: number | null;
  /** The kernel this worker ran (see laneKernelOf). */
  kernel: ReturnType<typeof laneKernelOf>;
}

/** Nanoseconds this thread has run on a CPU and waited in the run queue, when the kernel says. */
function schedstat(): [number, number] | null {
  try {
    const [cpu, wait] = readFileSync('/proc/thread-self/schedstat', 'utf8').trim().split(/\s+/).map(Number);
    return cpu !== undefined && wait !== undefined ? [cpu, wait] : null;
  } catch {
    return null;
  }
}

parentPort?.on('message', (m: RunMessage) => {
  const s0 = schedstat();
  const t0 = performance.now();
  let guarded = 0;
  const o = { trajectories: m.trajectories, seed: m.seed };
  for (;;) {
    const from = Atomics.add(control, NEXT_T, 1) * m.chunk;
    if (from >= m.trajectories) break;
    guarded += simulateInto(set, o, from, Math.min(m.trajectories, from + m.chunk), totals);
  }
  const t1 = performance.now();
  if (Atomics.add(control, DONE, 1) === workers - 1) {
    // The last one in resets the counter and opens the barrier for this run.
    Atomics.store(control, DONE, 0);
    Atomics.store(control, RUN, m.run);
    Atomics.notify(control, RUN);
  } else {
    while (Atomics.load(control, RUN) !== m.run) Atomics.wait(control, RUN, m.run - 1);
  }
  const t2 = performance.now();
  for (;;) {
    const from = Atomics.add(control, NEXT_S, 1) * m.seriesChunk;
    if (from >= m.series) break;
    quantilesInto(totals, m.trajectories, from, Math.min(m.series, from + m.seriesChunk), quantiles);
  }
  const s1 = schedstat();
  const reply: RunReply = {
    cpuMs: s0 && s1 ? (s1[0] - s0[0]) / 1e6 : null,
    runQueueMs: s0 && s1 ? (s1[1] - s0[1]) / 1e6 : null,
    guarded,
    simulateMs: t1 - t0,
    waitMs: t2 - t1,
    quantilesMs: performance.now() - t2,
    kernel: laneKernelOf(set),
  };
  parentPort?.postMessage(reply);
});
