// The real CLI in a child process on real embedded data directories.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

describe('mirai users, tokens, audit', () => {
  it('create-admin once, add, list, disable, tokens create/revoke, audit export of it all', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirai-users-'));
    const db = ['--data-dir', join(dir, 'db')];
    const admin = runCli(['users', 'create-admin', '--login', 'root', ...db]);
    expect(admin.stderr).toBe('');
    expect(admin.stdout).toMatch(/one-time password for root: [A-Za-z0-9]{20}/);
    const again = runCli(['users', 'create-admin', ...db]);
    expect([again.status, again.stderr]).toEqual([1, expect.stringContaining('auth/admin-exists')]);
    expect(
      runCli(['users', 'add', 'tanaka', '--role', 'department-editor', '--department', 'DEPT-CHILD', ...db])
        .status,
    ).toBe(0);
    const badDept = runCli([
      'users',
      'add',
      'x',
      '--role',
      'department-editor',
      '--department',
      'DEPT-NOPE',
      ...db,
    ]);
    expect(badDept.stderr).toContain('auth/unknown-department (field department)');
    const token = runCli([
      'tokens',
      'create',
      'tanaka',
      '--name',
      'etl',
      '--scope',
      'indicators:write',
      ...db,
    ]);
    expect(token.stdout).toMatch(/^Token 1 for tanaka \(indicators:write\)\nmirai_[A-Za-z0-9_-]{43}\n$/);
    expect(runCli(['tokens', 'revoke', '1', ...db]).stdout).toContain('Revoked token 1');
    expect(runCli(['users', 'disable', 'tanaka', ...db]).stdout).toContain('Disabled tanaka');
    const list = JSON.parse(runCli(['users', 'list', '--format', 'json', ...db]).stdout) as {
      login: string;
      disabled: boolean;
    }[];
    expect(list.map((u) => [u.login, u.disabled])).toEqual([
      ['root', false],
      ['tanaka', true],
    ]);
    const out = join(dir, 'audit.csv');
    expect(runCli(['audit', 'export', '--from', '2000-01-01', '--out', out, ...db]).status).toBe(0);
    const csv = readFileSync(out, 'utf8');
    expect(csv.startsWith('\uFEFFid,at,actor,action')).toBe(true);
    const actions = csv
      .split('\n')
      .slice(1, -1)
      .map((l) => l.split(',')[3])
      .filter((a) => /^"(user|token|audit)\./.test(a ?? ''));
    expect(actions).toEqual([
      '"user.create"',
      '"user.create"',
      '"token.create"',
      '"token.revoke"',
      '"user.disable"',
      '"audit.export"',
    ]);
    expect(csv).not.toContain('scrypt$');
    const badRange = runCli(['audit', 'export', '--from', '2026-04-01', '--to', '2025-04-01', ...db]);
    expect(badRange.stderr).toContain('audit/invalid-range');
  });
});
