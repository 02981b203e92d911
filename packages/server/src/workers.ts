/**
 * Several server processes behind one port (MIRAI_WORKERS=N or --workers N, decision 0144): this
 * process becomes a node:cluster primary that accepts connections and hands them to N unchanged
 * server processes in turn. Only on a PostgreSQL server (the embedded database has one owner).
 * Workers start one after another, so the first applies the migrations alone; the primary says
 * ready once every worker listens (a worker listens only after its database is open and migrated).
 * SIGTERM/SIGINT ask every worker to shut down gracefully and wait for them; a worker that dies
 * later is replaced; if the primary itself dies, node:cluster ends the workers (their IPC closes).
 * This module loads nothing of the application, so the primary stays small.
 */
import cluster, { type Worker } from 'node:cluster';
import { answerScrapes } from './cluster-metrics';

/** The message a worker takes as SIGTERM (run-server.ts). */
export const SHUTDOWN_MESSAGE = 'mirai:shutdown';

/** MIRAI_WORKERS (default 1); anything but a whole number from 1 to 64 is refused. */
export function workerCount(value: string | undefined): number {
  if (value === undefined || value === '') return 1;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`--workers / MIRAI_WORKERS must be 1–64, not ${value}`);
  return n;
}

/** True when this process should run as the primary of `workers` server processes. */
export const runsAsPrimary = (workers: number) => workers > 1 && cluster.isPrimary;

function say(level: 'info' | 'error', msg: string, fields: Record<string, unknown> = {}) {
  const json =
    process.env.MIRAI_LOG_FORMAT === 'json' ||
    (process.env.MIRAI_LOG_FORMAT !== 'text' && !process.stdout.isTTY);
  const line = json
    ? JSON.stringify({
        level,
        time: new Date().toISOString(),
        service: 'mirai',
        role: 'primary',
        ...fields,
        msg,
      })
    : `[primary] ${msg}`;
  (level === 'error' ? process.stderr : process.stdout).write(`${line}\n`);
}

/** Forks one worker and resolves once it listens; rejects if it exits first. */
function startWorker(index: number): Promise<Worker> {
  const worker = cluster.fork({ MIRAI_WORKER_INDEX: String(index) });
  return new Promise((resolve, reject) => {
    const onExit = (code: number | null, signal: string | null) =>
      reject(
        new Error(`worker ${index} (pid ${worker.process.pid}) exited before listening (${signal ?? code})`),
      );
    worker.once('exit', onExit);
    worker.once('listening', () => {
      worker.off('exit', onExit);
      resolve(worker);
    });
  });
}

/**
 * Runs the primary: `count` workers (this same program re-run by node:cluster, with the same
 * arguments), until SIGTERM/SIGINT. Exits 1 if a worker cannot start.
 */
export async function runPrimary(
  count: number,
  opts: { databaseUrl?: string; graceMs: number },
): Promise<never> {
  if (!opts.databaseUrl) {
    say(
      'error',
      'MIRAI_WORKERS > 1 needs a PostgreSQL server (DATABASE_URL): the embedded database has one owner',
    );
    process.exit(2);
  }
  const started = performance.now();
  const live = new Map<number, Worker>();
  let stopping = false;
  const stopAll = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    say('info', `停止中 / shutting down ${live.size} workers (${reason})`);
    const all = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    const exits = all.map((w) => new Promise<void>((r) => (w.isDead() ? r() : w.once('exit', () => r()))));
    const listening = new Set(live.values());
    for (const w of all) {
      // A listening worker finishes the answers under way; one still starting has nothing to finish.
      if (listening.has(w) && w.isConnected()) w.send(SHUTDOWN_MESSAGE);
      else w.process.kill('SIGTERM');
    }
    const hard = setTimeout(() => {
      for (const w of all) if (!w.isDead()) w.process.kill('SIGKILL');
    }, opts.graceMs + 10_000);
    await Promise.all(exits);
    clearTimeout(hard);
    say('info', '停止しました / stopped');
    process.exit(exitCode);
  };
  process.once('SIGTERM', () => void stopAll('SIGTERM', 0));
  process.once('SIGINT', () => void stopAll('SIGINT', 0));
  // A scrape of /metrics at any worker answers every listening worker's metrics (decision 0157).
  answerScrapes(() => [...live.values()]);

  const keep = (index: number, worker: Worker) => {
    live.set(index, worker);
    say('info', `worker ${index} (pid ${worker.process.pid}) ready`, {
      worker: index,
      pid: worker.process.pid,
    });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      live.delete(index);
      say(
        'error',
        `worker ${index} (pid ${worker.process.pid}) exited (${signal ?? code}); starting another`,
      );
      setTimeout(() => {
        if (stopping) return;
        startWorker(index).then(
          (w) => keep(index, w),
          (error: Error) => {
            say('error', error.message);
            void stopAll('a worker could not restart', 1);
          },
        );
      }, 1000);
    });
  };
  const forever = new Promise<never>(() => {});
  for (let i = 1; i <= count; i++) {
    if (stopping) return forever; // stopAll exits the process
    try {
      keep(i, await startWorker(i));
    } catch (error) {
      if (!stopping) say('error', (error as Error).message);
      void stopAll('a worker could not start', 1);
      return forever;
    }
  }
  const pids = [...live.values()].map((w) => w.process.pid);
  say(
    'info',
    `Mirai: ${count} workers on one port (pids ${pids.join(', ')}), all ready in ${Math.round(performance.now() - started)} ms`,
    {
      workers: count,
      pids,
    },
  );
  return forever;
}
