// The embedded database has one owner, with real processes: a command beside a running server
// on the same data directory is refused at once (database/in-use, naming the server's URL) and
// changes nothing; after the server is killed (SIGKILL leaves a stale lock) the command runs
// and its value is kept.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { lockFileName } from '@mirai/app';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

const bin = resolve(new URL('.', import.meta.url).pathname, '../../bin/mirai.js');

function startServe(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, [bin, 'serve', '--port', '0', '--data-dir', dataDir], {
    env: { ...process.env, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolvePromise, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${out}`)), 240_000);
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /Mirai: (http:\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolvePromise({ child, url: m[1] });
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited ${code}: ${out}`)));
  });
}

describe('one owner of the embedded database', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mirai-owner-'));
  const dataDir = join(dir, 'db');
  let server: ChildProcess | undefined;
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  const record = (value: string) =>
    runCli([
      'indicators',
      'record',
      '--code',
      'TOP-POPULATION',
      '--fiscal-year',
      '2025',
      '--value',
      value,
      '--source',
      'owner test',
      '--data-dir',
      dataDir,
    ]);

  it('refuses a command beside a running server, then runs it once the server is gone', async () => {
    const started = await startServe(dataDir);
    server = started.child;
    const refused = record('66001');
    expect(refused.status).toBe(1);
    const said = refused.stdout + refused.stderr;
    expect(said).toContain('database/in-use');
    expect(said).toContain(started.url);
    expect(said).toContain('Nothing was changed');
    expect(said).not.toMatch(/Recorded|登録しました/);
    // The server still answers, without the refused value.
    const res = await fetch(`${started.url}api/v1/indicators/TOP-POPULATION`);
    expect(res.status).toBe(200);
    expect(await res.text()).not.toContain('66001');

    // SIGKILL leaves the lock behind; its process is gone, so the next command takes it over.
    const exited = new Promise((r) => server?.once('exit', r));
    server.kill('SIGKILL');
    await exited;
    server = undefined;
    expect(existsSync(join(dataDir, lockFileName))).toBe(true);
    const recorded = record('66002');
    expect(recorded.stderr).toBe('');
    expect(recorded.status).toBe(0);
    expect(existsSync(join(dataDir, lockFileName))).toBe(false);
    const shown = runCli(['indicators', 'show', 'TOP-POPULATION', '--format', 'json', '--data-dir', dataDir]);
    expect(shown.stdout).toContain('66002');
    expect(shown.stdout).not.toContain('66001');
  });
});
