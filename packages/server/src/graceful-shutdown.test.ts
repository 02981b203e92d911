// A real server process (embedded database) as operations see it: every line it writes is a JSON
// object (MIRAI_LOG_FORMAT=json) with level, time and message; access-log lines name the path
// without its query and without long tokens; on SIGTERM it takes no new connections, finishes the
// answer under way and exits 0.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const bin = resolve(new URL('.', import.meta.url).pathname, '../bin/mirai-server.js');
const freePort = () =>
  new Promise<number>((r) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => r(port));
    });
  });

describe('a server process: JSON logs and graceful shutdown', () => {
  let proc: ChildProcess;
  let port = 0;
  let out = '';
  let dir = '';
  const exited = new Promise<number | null>((r) => {
    const wait = () => (proc ? proc.once('exit', (code) => r(code)) : setTimeout(wait, 50));
    wait();
  });
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mirai-ops-'));
    port = await freePort();
    proc = spawn(process.execPath, [bin, '--port', String(port), '--data-dir', join(dir, 'data')], {
      env: { ...process.env, DATABASE_URL: '', MIRAI_LOG_FORMAT: 'json', MIRAI_SHUTDOWN_GRACE_MS: '20000' },
    });
    proc.stdout?.on('data', (d) => {
      out += String(d);
    });
    proc.stderr?.on('data', (d) => {
      out += String(d);
    });
    for (let i = 0; i < 600 && !/ready in/.test(out); i++) await new Promise((r) => setTimeout(r, 250));
    expect(out).toMatch(/ready in/);
  }, 240_000);
  afterAll(() => {
    proc?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('writes JSON lines, and no query or token reaches the access log', async () => {
    const token = 'Zq9vLw3xT5yB7nM2kP4rS6tU8wX0aC1e';
    expect((await fetch(`http://127.0.0.1:${port}/?lang=en&unfollow=${token}`)).status).toBe(200);
    expect((await fetch(`http://127.0.0.1:${port}/voices/confirm/${token}`)).status).toBeGreaterThanOrEqual(
      200,
    );
    await new Promise((r) => setTimeout(r, 200));
    const lines = out.trim().split('\n');
    expect(lines.length).toBeGreaterThan(2);
    for (const line of lines) {
      const entry = JSON.parse(line) as { level: string; time: string; msg: string };
      expect(typeof entry.msg).toBe('string');
      expect(['info', 'warn', 'error', 'fatal', 'debug']).toContain(entry.level);
      expect(Number.isNaN(Date.parse(entry.time))).toBe(false);
    }
    const access = lines.map((l) => JSON.parse(l)).filter((e) => e.msg === 'request');
    expect(access.find((e) => e.path === '/')).toMatchObject({ method: 'GET', route: '/', status: 200 });
    expect(access.some((e) => e.path === '/voices/confirm/:redacted')).toBe(true);
    expect(out).not.toContain(token);
  });

  it('on SIGTERM finishes the answer under way, refuses new connections, and exits 0', async () => {
    // A sign-in whose body is still arriving when the signal comes.
    const answered = new Promise<number>((resolvePromise, reject) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/v1/auth/login',
          headers: { 'content-type': 'application/json', origin: `http://127.0.0.1:${port}` },
        },
        (res) => {
          res.resume();
          resolvePromise(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.write('{"login":"nobody",');
      setTimeout(() => {
        proc.kill('SIGTERM');
        setTimeout(async () => {
          const refused = await fetch(`http://127.0.0.1:${port}/healthz`).then(
            () => false,
            () => true,
          );
          expect(refused).toBe(true);
          req.end('"password":"wrong-password-123"}');
        }, 1500);
      }, 300);
    });
    expect(await answered).toBe(401);
    expect(await exited).toBe(0);
    expect(out).toMatch(/shutting down/);
    expect(out).toMatch(/stopped/);
  });
});
