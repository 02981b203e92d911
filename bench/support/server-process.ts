/**
 * A Mirai server as its own process for a benchmark: the given tree's
 * `mirai-server` on a free port and an embedded data directory, waited on
 * until it says it is ready (its output kept for errors and checks).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { stopProcess, track } from './children';

export interface ServerProcess {
  proc: ChildProcess;
  base: string;
  log: () => string;
  /** From spawn to ready, in ms. */
  startMs: number;
}

const freePort = () =>
  new Promise<number>((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => r(port));
    });
  });

export async function startServerProcess(opts: {
  tree: string;
  dataDir: string;
  env?: Record<string, string>;
  /** How long to wait for "ready" (default 4 minutes). */
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const port = await freePort();
  const t0 = performance.now();
  const proc = track(
    spawn(
      process.execPath,
      [
        join(opts.tree, 'packages/server/bin/mirai-server.js'),
        '--port',
        String(port),
        '--data-dir',
        opts.dataDir,
      ],
      { cwd: opts.tree, env: { ...process.env, DATABASE_URL: '', ...opts.env } },
    ),
  );
  let log = '';
  proc.stdout?.on('data', (d) => {
    log += String(d);
  });
  proc.stderr?.on('data', (d) => {
    log += String(d);
  });
  const deadline = t0 + (opts.timeoutMs ?? 240_000);
  while (!/ready in/.test(log) && performance.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!/ready in/.test(log)) {
    await stopProcess(proc, 5000);
    throw new Error(`server not ready: ${log}`);
  }
  return { proc, base: `http://127.0.0.1:${port}`, log: () => log, startMs: performance.now() - t0 };
}
