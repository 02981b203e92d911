// readCurrentPlan on a real embedded data directory: a snapshot is used only while the database is
// exactly as it was closed after the read, and only by the same code; any other opener's change,
// another build, or a holder of the directory sends it back to the database (decision 0130).
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { snapshotFileName } from '@mirai/db';
import { afterAll, expect, it } from 'vitest';
import { openApp } from '../context';
import { readCurrentPlan } from './current-plan-read';
import { exportPlan, importPlan } from './plan-use-cases';

const root = mkdtempSync(join(tmpdir(), 'mirai-plan-read-'));
const dataDir = join(root, 'data');
const config = { dataDir, databaseUrl: undefined };
afterAll(() => rmSync(root, { recursive: true, force: true }));

it('reads the snapshot only while the database is unchanged and the code is the same', async () => {
  const saved = process.env.DATABASE_URL;
  delete process.env.DATABASE_URL;
  try {
    const first = await readCurrentPlan(config, 'build-a');
    expect(first.from).toBe('database');
    expect(existsSync(join(dataDir, snapshotFileName))).toBe(true);

    const again = await readCurrentPlan(config, 'build-a');
    expect(again).toEqual({ ...first, from: 'snapshot' });

    // Other code (a new build) reads the database, and leaves its own snapshot.
    const other = await readCurrentPlan(config, 'build-b');
    expect(other.from).toBe('database');
    expect(other.document).toEqual(first.document);

    // Another opener saves a draft with a new title: the snapshot is no longer the database.
    const ctx = await openApp(config);
    try {
      const exported = await exportPlan(ctx, 'json');
      if (!exported.ok) throw new Error('no plan');
      const doc = JSON.parse(exported.value);
      doc.plan.title.ja = `${doc.plan.title.ja}（改定案）`;
      const saved = await importPlan(ctx, JSON.stringify(doc), 'plan.json', { actor: 'test' });
      expect(saved.ok).toBe(true);
      // While it holds the directory, a read is refused like any other opener.
      await expect(readCurrentPlan(config, 'build-b')).rejects.toThrow('database/in-use');
    } finally {
      await ctx.close();
    }
    const changed = await readCurrentPlan(config, 'build-b');
    expect(changed.from).toBe('database');
    expect(changed.version).toBe(first.version + 1);
    expect(changed.document.plan.title.ja).toMatch(/（改定案）$/);
    expect(await readCurrentPlan(config, 'build-b')).toEqual({ ...changed, from: 'snapshot' });

    // Without a code key (sources through tsx): always the database.
    expect((await readCurrentPlan(config)).from).toBe('database');
  } finally {
    if (saved !== undefined) process.env.DATABASE_URL = saved;
  }
});
