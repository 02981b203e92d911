/**
 * Benchmarks on a PostgreSQL server: a fresh database for the run (dropped and created on the
 * server in BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres), and Mirai
 * server processes on it: one `mirai-server`, or N behind one port (node:cluster,
 * cluster-primary.mjs). The first start migrates and loads the bundled plan.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';
import pg from 'pg';

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
  log: () => string;
  stop: () => Promise<void>;
}

/** `workers` server processes on one port (1: a plain mirai-server) on the database at `url`. */
export async function startOnPostgres(
  url: string,
  opts: { workers?: number; env?: Record<string, string>; timeoutMs?: number } = {},
): Promise<PgServer> {
  const port = await freePort();
  const workers = opts.workers ?? 1;
  const args =
    workers > 1
      ? [
          join(root, 'bench/support/cluster-primary.mjs'),
          '--workers',
          String(workers),
          '--port',
          String(port),
        ]
      : [join(root, 'packages/server/bin/mirai-server.js'), '--port', String(port)];
  const proc = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url, MIRAI_LOG_FORMAT: 'json', ...opts.env },
  });
  let log = '';
  proc.stdout?.on('data', (d) => {
    log += String(d);
  });
  proc.stderr?.on('data', (d) => {
    log += String(d);
  });
  const ready = workers > 1 ? /cluster: .* ready in/ : /ready in/;
  const deadline =
    performance.now() + (opts.timeoutMs ?? Number(process.env.BENCH_START_TIMEOUT_MS ?? 900_000));
  while (!ready.test(log) && performance.now() < deadline) {
    if (proc.exitCode !== null) throw new Error(`server exited: ${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  if (!ready.test(log)) throw new Error(`server not ready: ${log}`);
  return {
    proc,
    base: `http://127.0.0.1:${port}`,
    log: () => log,
    stop: () =>
      new Promise<void>((r) => {
        if (proc.exitCode !== null) return r();
        proc.once('exit', () => r());
        proc.kill('SIGTERM');
      }),
  };
}
