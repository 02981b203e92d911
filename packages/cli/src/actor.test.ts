// The real CLI in a child process: a write is audited as the operating-system user, `--actor` only as a claim.
import { mkdtempSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './testing/run-cli';

describe('CLI audit identity', () => {
  const dir = mkdtempSync(join(tmpdir(), 'mirai-cli-actor-'));
  const db = ['--data-dir', join(dir, 'db')];
  const me = userInfo().username;

  it('records cli:<os user>, with --actor beside it as a claim; $USER and --actor never replace it', () => {
    const record = (fy: string, extra: string[]) =>
      runCli(
        [
          'indicators',
          'record',
          '--code',
          'TOP-POPULATION',
          '--fiscal-year',
          fy,
          '--value',
          '66000',
          '--source',
          '試験',
          ...extra,
          ...db,
        ],
        { USER: 'mallory', LOGNAME: 'mallory' },
      );
    const plain = record('2025', []);
    expect(plain.stderr).toBe('');
    const claimed = record('2026', ['--actor', 'tanaka']);
    expect(claimed.stderr).toBe('');

    const out = runCli(['audit', 'export', '--format', 'jsonl', ...db]);
    expect(out.status).toBe(0);
    const actors = out.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { action: string; actor: string })
      .filter((e) => e.action.startsWith('indicator') && !e.actor.startsWith('system:'))
      .map((e) => e.actor);
    expect(actors).toEqual([`cli:${me}`, `cli:${me}(as tanaka)`]);
    expect(actors.join()).not.toContain('mallory');
  });
});
