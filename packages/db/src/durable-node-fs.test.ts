// Acknowledged means durable: strace shows fsync(2) of the WAL between the start of a write and its
// acknowledgement on the embedded database, and none with PGlite's stock settings (the control).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const probe = resolve(new URL('.', import.meta.url).pathname, 'testing/durability-probe.ts');
const hasStrace = spawnSync('strace', ['-V']).status === 0;

function syncsOfOneWrite(mode: 'durable' | 'stock'): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'mirai-durable-'));
  try {
    const trace = join(dir, 'trace.txt');
    const run = spawnSync(
      'strace',
      [
        '-f',
        '-y',
        '-o',
        trace,
        '-e',
        'trace=fsync,fdatasync,syncfs,sync_file_range,access,faccessat,faccessat2',
        process.execPath,
        '--import',
        'tsx',
        probe,
        join(dir, 'data'),
        mode,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(run.status, run.stderr).toBe(0);
    const lines = readFileSync(trace, 'utf8').split('\n');
    const begin = lines.findIndex((l) => l.includes('.mirai-probe-begin'));
    const end = lines.findIndex((l) => l.includes('.mirai-probe-acknowledged'));
    expect(begin).toBeGreaterThanOrEqual(0);
    expect(end).toBeGreaterThan(begin);
    return lines.slice(begin + 1, end).filter((l) => /\b(fsync|fdatasync|syncfs|sync_file_range)\(/.test(l));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe.skipIf(!hasStrace)('embedded database durability (strace)', () => {
  it('syncs the WAL to disk before a write is acknowledged', () => {
    const syncs = syncsOfOneWrite('durable');
    expect(
      syncs.some((l) => /fsync\(\d+<[^>]*\/pg_wal\/[0-9A-F]{24}>\)\s+=\s+0/.test(l)),
      syncs.join('\n'),
    ).toBe(true);
  }, 180_000);

  it("makes no sync call at all with PGlite's stock settings (what the durable filesystem fixes)", () => {
    expect(syncsOfOneWrite('stock')).toEqual([]);
  }, 180_000);
});
