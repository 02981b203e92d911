/** Runs the real `mirai` command in a child process (for CLI tests). */
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const bin = resolve(new URL('.', import.meta.url).pathname, '../../bin/mirai.js');

export function runCli(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATABASE_URL: '', ...env },
    timeout: 280_000,
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
