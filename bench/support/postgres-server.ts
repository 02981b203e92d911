/**
 * Benchmarks on a PostgreSQL server: a fresh database for the run (dropped and created on the
 * server in BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), and Mirai
 * server processes on it: one `mirai-server`, or N behind one port (`mirai-server --workers N`,
 * node:cluster, decision 0144). The first start migrates and loads the bundled plan. A server
 * that does not become ready is stopped before the error is thrown; every one is tracked so that
 * none outlives the benchmark (children.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';
import { stopProcess, track } from './children';

const root = new URL('../..', import.meta.url).pathname;

export const adminUrl = () => process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Drops and creates `name` on the bench server; returns its URL. */
export async function freshDatabase(name: string): Promise<string> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const u = new URL(adminUrl());
  u.pathname = `/${name}`;
  return u.toString();
}

export async function dropDatabase(name: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}

export const freePort = () =>
  new Promise<number>((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => r(port));
    });
  });

export interface PgServer {
  proc: ChildProcess;
  base: string;
  /** The workers' process ids (several behind one port), else none. */
  pids: number[];
  log: () => string;
  /** SIGTERM (a primary stops its workers gracefully), SIGKILL after 30 s. */
  stop: () => Promise<void>;
}

/** `workers` server processes on one port (1: a plain mirai-server) on the database at `url`. */
export async function startOnPostgres(
  url: string,
  opts: { workers?: number; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<PgServer> {
  const port = await freePort();
  const workers = opts.workers ?? 1;
  const args = [join(root, 'packages/server/bin/mirai-server.js'), '--port', String(port)];
  if (workers > 1) args.push('--workers', String(workers));
  const proc = track(
    spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, DATABASE_URL: url, MIRAI_LOG_FORMAT: 'json', ...opts.env },
    }),
  );
  let log = '';
  proc.stdout?.on('data', (d) => {
    log += String(d);
  });
  proc.stderr?.on('data', (d) => {
    log += String(d);
  });
  const base = `http://127.0.0.1:${port}`;
  // One process says "ready in"; a primary says "all ready in" once each worker listens, after one
  // "worker i (pid P) ready" line per worker.
  const ready = () =>
    workers > 1
      ? /all ready in/.test(log) && (log.match(/worker \d+ \(pid \d+\) ready/g) ?? []).length >= workers
      : /ready in/.test(log);
  const deadline =
    performance.now() + (opts.timeoutMs ?? Number(process.env.BENCH_START_TIMEOUT_MS ?? 900_000));
  try {
    while (!ready() && performance.now() < deadline) {
      if (proc.exitCode !== null || proc.signalCode !== null) throw new Error(`server exited: ${log}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    if (!ready()) throw new Error(`server not ready: ${log}`);
    const res = await fetch(`${base}/readyz`);
    if (res.status !== 200) throw new Error(`/readyz answered ${res.status}: ${await res.text()}`);
  } catch (error) {
    await stopProcess(proc, 15_000);
    throw error;
  }
  return {
    proc,
    base,
    pids: [...log.matchAll(/worker \d+ \(pid (\d+)\) ready/g)].map((m) => Number(m[1])),
    log: () => log,
    stop: () => stopProcess(proc, 30_000),
  };
}
