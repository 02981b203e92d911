// The real CLI in a child process on a real embedded data directory: a second municipality with
// its host and plan, each command bound to the municipality it names (decision 0135).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../testing/run-cli';

const midorino = new URL('../../../../data/examples/midorino/plan.yaml', import.meta.url).pathname;

describe('mirai municipalities', () => {
  it('adds a municipality with its host and plan, lists them, and binds commands by --municipality', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mirai-municipalities-'));
    const db = ['--data-dir', join(dir, 'db')];
    // A new directory holds the bundled plan: one municipality, answering at any host.
    const bundled = runCli(['plan', 'export', '--format', 'json', ...db]);
    const first = (JSON.parse(bundled.stdout) as { municipality: { code: string } }).municipality.code;
    const wrongCode = runCli(['municipalities', 'add', '--code', '99002', '--plan', midorino, ...db]);
    expect([wrongCode.status, wrongCode.stderr]).toEqual([
      1,
      expect.stringContaining('municipality/plan-for-another'),
    ]);
    const added = runCli([
      'municipalities',
      'add',
      '--code',
      '99001',
      '--host',
      'B.Example:443',
      '--plan',
      midorino,
      ...db,
    ]);
    expect(added.stderr).toBe('');
    expect(added.stdout).toContain('99001');
    // Its own first administrator, with a one-time password printed once.
    expect(added.stdout).toMatch(/one-time password for admin: \S{12,}/);
    const admins = JSON.parse(
      runCli(['users', 'list', '--format', 'json', '--municipality', '99001', ...db]).stdout,
    ) as { login: string; role: string }[];
    expect(admins.map((u) => [u.login, u.role])).toEqual([['admin', 'admin']]);
    const taken = runCli(['municipalities', 'add', '--code', first, '--host', 'b.example', ...db]);
    expect([taken.status, taken.stderr]).toEqual([1, expect.stringContaining('municipality/host-taken')]);
    expect(runCli(['municipalities', 'add', '--code', first, '--host', 'a.example', ...db]).status).toBe(0);
    const both = JSON.parse(runCli(['municipalities', 'list', '--format', 'json', ...db]).stdout) as {
      code: string;
      hosts: string[];
    }[];
    expect(both.map((m) => [m.code, m.hosts])).toEqual(
      [
        [first, ['a.example']],
        ['99001', ['b.example']],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    // Public URLs (decision 0154): registered for one, derived from its host for the other; audited.
    const badUrl = runCli([
      'municipalities',
      'update',
      '--code',
      '99001',
      '--public-url',
      'https://c.example',
      ...db,
    ]);
    expect([badUrl.status, badUrl.stderr]).toEqual([
      1,
      expect.stringContaining('municipality/public-url-host'),
    ]);
    const set = runCli([
      'municipalities',
      'update',
      '--code',
      '99001',
      '--public-url',
      'https://b.example',
      ...db,
    ]);
    expect([set.stderr, set.stdout]).toEqual(['', expect.stringContaining('https://b.example')]);
    const urls = JSON.parse(runCli(['municipalities', 'list', '--format', 'json', ...db]).stdout) as {
      code: string;
      publicUrl: string;
      publicUrlRegistered: boolean;
    }[];
    expect(urls.map((m) => [m.code, m.publicUrl, m.publicUrlRegistered]).sort()).toEqual(
      [
        [first, 'http://a.example', false],
        ['99001', 'https://b.example', true],
      ].sort(),
    );
    // Each command works for the municipality it names; with two and none named, it sees no plan.
    const plan = runCli(['plan', 'export', '--format', 'json', '--municipality', '99001', ...db]);
    expect(plan.stderr).toBe('');
    expect(JSON.parse(plan.stdout).municipality.code).toBe('99001');
    expect(
      JSON.parse(runCli(['plan', 'export', '--format', 'json', '--municipality', first, ...db]).stdout)
        .municipality.code,
    ).toBe(first);
    expect(runCli(['plan', 'export', ...db]).stderr).toContain('plan/not-found');
    const unknown = runCli(['plan', 'export', '--municipality', '99003', ...db]);
    expect([unknown.status, unknown.stderr]).toEqual([
      1,
      expect.stringContaining('cli/unknown-municipality'),
    ]);
    // One municipality's backup, restored; it cannot be restored as the other.
    const file = join(dir, 'b.backup.jsonl.gz');
    const backup = runCli(['backup', '--out', file, '--municipality', '99001', ...db]);
    expect([backup.stderr, backup.stdout]).toEqual(['', expect.stringContaining('municipality 99001')]);
    const restored = runCli(['restore', file, ...db]);
    expect([restored.stderr, restored.stdout]).toEqual(['', expect.stringContaining('municipality 99001')]);
    const crossed = runCli(['restore', file, '--municipality', first, ...db]);
    expect([crossed.status, crossed.stderr]).toEqual([
      1,
      expect.stringContaining('backup/other-municipality'),
    ]);
    expect(
      JSON.parse(runCli(['plan', 'export', '--format', 'json', '--municipality', '99001', ...db]).stdout)
        .municipality.code,
    ).toBe('99001');
  }, 900_000);
});
