// Several server processes on one port (`mirai-server --workers 2`, decision 0144), as real
// processes. Without PostgreSQL the primary refuses at once. On PostgreSQL (TEST_DATABASE_URL; a
// database of its own, created and dropped here) both workers start on the same database and
// say ready, answers come from both, a killed worker is replaced, SIGTERM stops every process
// with exit 0, and a killed primary leaves no worker behind. A scrape of /metrics at either
// worker counts the answers of both (decision 0157).
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { workerCount } from './workers';

const bin = resolve(new URL('.', import.meta.url).pathname, '../bin/mirai-server.js');
const url = process.env.TEST_DATABASE_URL;

const freePort = () =>
  new Promise<number>((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => r(port));
    });
  });
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};
/** CPU ticks a process has used (Linux /proc). */
const ticks = (pid: number) => {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return Number(f[11]) + Number(f[12]);
};
async function until(check: () => boolean, ms: number, what: () => string) {
  for (const end = Date.now() + ms; !check(); await new Promise((r) => setTimeout(r, 100)))
    if (Date.now() > end) throw new Error(`timed out: ${what()}`);
}

interface Started {
  proc: ChildProcess;
  out: () => string;
  exit: Promise<number | null>;
  pids: () => number[];
}

function start(env: Record<string, string>, args: string[] = []): Started {
  let out = '';
  const proc = spawn(process.execPath, [bin, ...args], {
    env: { ...process.env, MIRAI_LOG_FORMAT: 'json', MIRAI_ACCESS_LOG: '0', ...env },
  });
  proc.stdout?.on('data', (d) => {
    out += String(d);
  });
  proc.stderr?.on('data', (d) => {
    out += String(d);
  });
  const exit = new Promise<number | null>((r) => proc.once('exit', (code) => r(code)));
  return {
    proc,
    out: () => out,
    exit,
    pids: () => [...out.matchAll(/worker \d+ \(pid (\d+)\) ready/g)].map((m) => Number(m[1])),
  };
}

describe('workers on one port', () => {
  it('reads the worker count from 1 to 64', () => {
    expect(workerCount(undefined)).toBe(1);
    expect(workerCount('')).toBe(1);
    expect(workerCount('2')).toBe(2);
    for (const bad of ['0', '65', '1.5', 'two', '-2']) expect(() => workerCount(bad)).toThrow(/1–64/);
  });

  it('refuses several workers on the embedded database, before loading anything', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirai-workers-'));
    try {
      const s = start({ DATABASE_URL: '' }, [
        '--workers',
        '2',
        '--port',
        '0',
        '--data-dir',
        join(dir, 'data'),
      ]);
      expect(await s.exit).toBe(2);
      expect(s.out()).toMatch(/needs a PostgreSQL server/);
      expect(s.out()).not.toMatch(/ready/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe.skipIf(!url)('workers on one port [postgres]', () => {
  const name = `mirai_workers_${randomBytes(4).toString('hex')}`;
  const admin = () => new pg.Client({ connectionString: url });
  let dbUrl = '';
  const started: Started[] = [];
  beforeAll(async () => {
    const c = admin();
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    const u = new URL(url!);
    u.pathname = `/${name}`;
    dbUrl = u.toString();
  });
  afterAll(async () => {
    for (const s of started) s.proc.kill('SIGKILL');
    for (const pid of started.flatMap((s) => s.pids())) if (alive(pid)) process.kill(pid, 'SIGKILL');
    const c = admin();
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await c.end();
  });

  const launch = async () => {
    const port = await freePort();
    const s = { ...start({ DATABASE_URL: dbUrl }, ['--workers', '2', '--port', String(port)]), port };
    started.push(s);
    await until(() => /all ready in/.test(s.out()) || s.proc.exitCode !== null, 300_000, s.out);
    expect(s.out()).toMatch(/all ready in/);
    return s;
  };

  it('starts two workers on one database, answers from both, replaces a killed one, and stops all on SIGTERM', async () => {
    const s = await launch();
    const [a, b] = s.pids();
    expect(s.pids()).toHaveLength(2);
    expect(a).not.toBe(b);
    expect(alive(a!) && alive(b!)).toBe(true);
    const base = `http://127.0.0.1:${s.port}`;
    expect((await fetch(`${base}/readyz`)).status).toBe(200);

    // New connections go to each worker in turn: both do work.
    const before = [ticks(a!), ticks(b!)];
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${base}/api/v1/plan?n=${i}`, { headers: { connection: 'close' } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    expect(ticks(a!)).toBeGreaterThan(before[0]!);
    expect(ticks(b!)).toBeGreaterThan(before[1]!);

    process.kill(a!, 'SIGKILL');
    await until(() => s.pids().length === 3, 240_000, s.out);
    const replacement = s.pids()[2]!;
    expect(s.out()).toMatch(/worker 1 \(pid \d+\) exited \(SIGKILL\)/);
    expect(alive(replacement)).toBe(true);
    expect((await fetch(`${base}/api/v1/plan`)).status).toBe(200);

    s.proc.kill('SIGTERM');
    expect(await s.exit).toBe(0);
    expect(s.out()).toMatch(/stopped/);
    await until(
      () => !alive(b!) && !alive(replacement),
      10_000,
      () => 'workers still running',
    );
  }, 600_000);

  it('answers /metrics with the counts of both workers, whichever takes the scrape', async () => {
    const s = await launch();
    const base = `http://127.0.0.1:${s.port}`;
    // A scraper's token, made beside the running server on the same database.
    const { openApp } = await import('@mirai/app');
    const { bearerHeaders, createTestAccount } = await import('@mirai/api/testing');
    const ctx = await openApp({ databaseUrl: dbUrl, noSeed: true });
    let scraper: Record<string, string>;
    try {
      scraper = await bearerHeaders(ctx, await createTestAccount(ctx, 'admin'), ['ops:read-metrics']);
    } finally {
      await ctx.close();
    }
    // New connections go to each worker in turn: 40 answers, about 20 each.
    for (let i = 0; i < 40; i++) {
      const res = await fetch(`${base}/healthz`, { headers: { connection: 'close' } });
      expect(res.status).toBe(200);
      await res.arrayBuffer();
    }
    const healthz = /^mirai_http_requests_total\{method="GET",route="\/healthz",status="200"\} (\d+)$/m;
    for (let scrape = 0; scrape < 4; scrape++) {
      // Several scrapes, on new connections: each worker takes some.
      const res = await fetch(`${base}/metrics`, { headers: { ...scraper, connection: 'close' } });
      expect(res.status).toBe(200);
      const text = await res.text();
      expect(Number(healthz.exec(text)?.[1]), text.slice(0, 2000)).toBe(40);
      expect(text).toMatch(/^mirai_worker_up\{worker="1"\} 1$/m);
      expect(text).toMatch(/^mirai_worker_up\{worker="2"\} 1$/m);
      // Figures read from the shared database are not summed across workers.
      expect(text).not.toMatch(/^mirai_jobs\{status="queued"\} [1-9]/m);
    }
    s.proc.kill('SIGTERM');
    expect(await s.exit).toBe(0);
  }, 600_000);

  it('leaves no worker behind when the primary is killed', async () => {
    const s = await launch();
    const pids = s.pids();
    s.proc.kill('SIGKILL');
    await s.exit;
    await until(
      () => pids.every((p) => !alive(p)),
      30_000,
      () => `still running: ${pids.filter(alive)}`,
    );
  }, 600_000);
});
