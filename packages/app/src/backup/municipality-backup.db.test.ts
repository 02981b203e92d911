// Backup and restore of one municipality among two on one database (decision 0148), on PGlite and
// PostgreSQL: a municipality's backup restores to identical exports and touches no row of the
// other; one municipality is restored from a whole backup; a backup cannot be restored as another
// municipality, nor carry (or point at) another municipality's rows; a backup taken before tenancy
// restores whole and is refused for one municipality.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { globally, listAudit, listMunicipalities, migrateToLatest, withMunicipality } from '@mirai/db';
import { describeEachDatabase, openTestDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createUser } from '../auth/users';
import { type AppContext, contextFor } from '../context';
import { listIndicators, showIndicator } from '../indicators/list-indicators';
import { recordIndicatorActual } from '../indicators/record-actuals';
import { exportPlan, getCurrentPlan } from '../plan/plan-use-cases';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { addMunicipality } from '../tenancy/municipality-use-cases';
import { createBackup } from './backup-use-cases';
import { restoreBackup } from './restore-use-cases';

const otherPlan = new URL('../../../../data/examples/midorino/plan.yaml', import.meta.url);

/** What a user of one municipality could compare: plan export, indicators, accounts, audit trail. */
async function exportsOf(ctx: AppContext, code: string) {
  return withMunicipality(code, async () => {
    const plan = await exportPlan(ctx, 'json');
    const indicators = await listIndicators(ctx);
    const first = indicators.ok ? indicators.value[0]?.code : undefined;
    const detail = first ? await showIndicator(ctx, first) : undefined;
    const users = (await sql`SELECT * FROM users ORDER BY id`.execute(ctx.database.db)).rows;
    const audit = (await listAudit(ctx.database.db)).map((a) => ({ ...a, at: new Date(a.at).toISOString() }));
    return { plan, indicators, detail, users, audit };
  });
}
const withoutLastAudit = <T extends { audit: unknown[] }>(x: T) => ({ ...x, audit: x.audit.slice(0, -1) });

/** A backup file's lines, and writing changed lines back as a new file. */
const linesOf = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').trimEnd().split('\n');
function rewrite(dir: string, name: string, lines: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, gzipSync(`${lines.join('\n')}\n`));
  return file;
}

describeEachDatabase('backup and restore of one municipality', (t) => {
  let ctx: AppContext;
  let a: string;
  let b: string;
  const dir = mkdtempSync(join(tmpdir(), 'mirai-municipality-backup-'));
  const account = (login: string) => ({
    login,
    role: 'planning-editor' as const,
    password: 'correct horse battery',
    displayName: login,
  });

  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
    const current = await getCurrentPlan(ctx);
    if (!current.ok) throw new Error('no plan');
    a = current.value.document.municipality.code;
    expect((await addMunicipality(ctx, { code: a, hosts: ['a.example'], actor: 'test' })).ok).toBe(true);
    const text = readFileSync(otherPlan, 'utf8');
    b = /code:\s*'?"?(\d{5,6})/.exec(text)![1]!;
    const added = await addMunicipality(ctx, {
      code: b,
      hosts: ['b.example'],
      plan: { text, file: 'plan.yaml' },
      actor: 'test',
    });
    if (!added.ok) throw new Error(JSON.stringify(added.problems));
    for (const code of [a, b]) {
      const list = await withMunicipality(code, () => listIndicators(ctx));
      if (!list.ok || !list.value[0]) throw new Error('no indicators');
      const rec = await withMunicipality(code, () =>
        recordIndicatorActual(
          ctx,
          code === a
            ? {
                indicatorCode: 'TOP-POPULATION',
                fiscalYear: 2025,
                date: '2025-10-01',
                value: 66000,
                source: 'test',
              }
            : {
                indicatorCode: list.value[0]!.code,
                fiscalYear: 2026,
                date: '2026-10-01',
                value: 50,
                source: 'test',
              },
          { actor: 'test' },
        ),
      );
      if (!rec.ok) throw new Error(JSON.stringify(rec.problems));
      expect(rec.ok).toBe(true);
      expect(
        (await withMunicipality(code, () => createUser(ctx, account(`u-${code}`), { actor: 'test' }))).ok,
      ).toBe(true);
    }
  }, 180_000);

  /** A second write in a municipality (changes its exports). */
  const change = async (code: string, login: string) => {
    const r = await withMunicipality(code, () => createUser(ctx, account(login), { actor: 'test' }));
    expect(r.ok).toBe(true);
  };

  it('restores one municipality to identical exports and leaves the other untouched', async () => {
    const aBefore = await exportsOf(ctx, a);
    const file = join(dir, 'a.gz');
    const made = await createBackup(ctx, file, { municipality: a });
    expect(made.ok && made.value.municipality).toBe(a);
    // Only A's rows are in it.
    const rows = linesOf(file)
      .slice(1, -1)
      .map((l) => JSON.parse(l) as { t: string; r: { municipality_code?: string; code?: string } });
    expect(rows.length).toBeGreaterThan(aBefore.audit.length);
    expect(rows.filter((r) => (r.r.municipality_code ?? r.r.code) !== a)).toEqual([]);

    await change(a, 'after-backup-a');
    await change(b, 'after-backup-b');
    const bNow = await exportsOf(ctx, b);
    const restored = await restoreBackup(ctx, file, { actor: 'cli:test' });
    expect(restored.ok && restored.value.municipality).toBe(a);
    const aAfter = await exportsOf(ctx, a);
    expect(aAfter.audit.at(-1)).toMatchObject({ action: 'backup.restore', actor: 'cli:test' });
    expect(withoutLastAudit(aAfter)).toEqual(aBefore);
    // B: not a row changed, not even an audit entry.
    expect(await exportsOf(ctx, b)).toEqual(bNow);
    // Ids go on after the restored rows in both.
    await change(a, 'after-restore-a');
    await change(b, 'after-restore-b');
  });

  it('restores one municipality from a whole backup, the other untouched', async () => {
    const bBefore = await exportsOf(ctx, b);
    const file = join(dir, 'whole.gz');
    expect((await createBackup(ctx, file)).ok).toBe(true);
    await change(b, 'after-whole-b');
    await change(a, 'after-whole-a');
    const aNow = await exportsOf(ctx, a);
    const restored = await restoreBackup(ctx, file, { actor: 'cli:test', municipality: b });
    expect(restored.ok).toBe(true);
    expect(withoutLastAudit(await exportsOf(ctx, b))).toEqual(bBefore);
    expect(await exportsOf(ctx, a)).toEqual(aNow);
  });

  it('refuses to cross municipalities through a backup, and changes nothing', async () => {
    const file = join(dir, 'a2.gz');
    expect((await createBackup(ctx, file, { municipality: a })).ok).toBe(true);
    const before = { a: await exportsOf(ctx, a), b: await exportsOf(ctx, b) };
    const code = async (f: string, municipality?: string) => {
      const r = await restoreBackup(ctx, f, { actor: 'test', ...(municipality ? { municipality } : {}) });
      return r.ok ? 'ok' : r.problems[0]?.code;
    };
    // As another municipality.
    expect(await code(file, b)).toBe('backup/other-municipality');
    // Not registered: nothing to back up.
    expect((await createBackup(ctx, join(dir, 'x.gz'), { municipality: '99998' })).ok).toBe(false);

    const lines = linesOf(file);
    // A row of A's backup relabelled as B's.
    const users = lines.findIndex((l) => l.startsWith('{"t":"users"'));
    const relabelled = [...lines];
    relabelled[users] = lines[users]!.replace(`"municipality_code":"${a}"`, `"municipality_code":"${b}"`);
    expect(await code(rewrite(dir, 'relabelled.gz', relabelled))).toBe('backup/crosses-municipality');

    // A row of A pointing at B's indicator definition (an added actual value of A's, same counts kept).
    const bDef = await withMunicipality(b, async () => {
      const r = await sql<{ plan_id: number; code: string }>`
        SELECT plan_id, code FROM indicator_definitions ORDER BY plan_id, code LIMIT 1`.execute(
        ctx.database.db,
      );
      return r.rows[0]!;
    });
    const actual = lines.findIndex((l) => l.startsWith('{"t":"indicator_actuals"'));
    const row = JSON.parse(lines[actual]!) as { t: string; r: Record<string, unknown> };
    const pointing = [...lines];
    pointing[actual] = JSON.stringify({
      t: row.t,
      r: { ...row.r, plan_id: bDef.plan_id, indicator_code: bDef.code, fiscal_year: 2031, supersedes: null },
    });
    expect(await code(rewrite(dir, 'pointing.gz', pointing))).toBe('backup/crosses-municipality');

    expect({ a: await exportsOf(ctx, a), b: await exportsOf(ctx, b) }).toEqual(before);
  });

  it('restores a municipality’s backup into an empty database, registered with its hosts', async () => {
    const file = join(dir, 'b.gz');
    expect((await createBackup(ctx, file, { municipality: b })).ok).toBe(true);
    const bBefore = await exportsOf(ctx, b);
    const empty = await openTestDatabase(t.dialect);
    try {
      await migrateToLatest(empty.db, empty.schema);
      const other = contextFor(empty);
      const r = await restoreBackup(other, file, { actor: 'cli:test' });
      expect(r.ok).toBe(true);
      expect((await listMunicipalities(empty.db)).map((m) => [m.code, m.hosts])).toEqual([
        [b, ['b.example']],
      ]);
      expect(withoutLastAudit(await exportsOf(other, b))).toEqual(bBefore);
    } finally {
      await empty.close();
    }
  });

  it('restores a backup taken before tenancy whole, and refuses it for one municipality', async () => {
    const file = join(dir, 'whole-old.gz');
    expect((await createBackup(ctx, file, { municipality: a })).ok).toBe(true);
    const aBefore = await exportsOf(ctx, a);
    // The shape of a backup made before migration 0090: format 1, no registry, no municipality
    // column except on the three tables that had one, no 0090 in the schema version.
    const had = new Set(['plans', 'statistical_datasets', 'area_boundaries']);
    const [head, ...rest] = linesOf(file);
    const manifest = JSON.parse(head!) as {
      formatVersion: number;
      municipality?: unknown;
      migrations: string[];
      tables: { name: string; columns: string[]; rows: number }[];
    };
    manifest.formatVersion = 1;
    delete manifest.municipality;
    manifest.migrations = manifest.migrations.filter((m) => !m.startsWith('0090'));
    manifest.tables = manifest.tables
      .filter((x) => !x.name.startsWith('municipalit'))
      .map((x) =>
        had.has(x.name) ? x : { ...x, columns: x.columns.filter((c) => c !== 'municipality_code') },
      );
    const body = rest.slice(0, -1).flatMap((l) => {
      const r = JSON.parse(l) as { t: string; r: Record<string, unknown> };
      if (r.t.startsWith('municipalit')) return [];
      if (!had.has(r.t)) delete r.r.municipality_code;
      return [JSON.stringify(r)];
    });
    const endLine = JSON.parse(rest.at(-1)!) as { end: true; rows: Record<string, number> };
    for (const k of Object.keys(endLine.rows)) if (k.startsWith('municipalit')) delete endLine.rows[k];
    const old = rewrite(dir, 'old.gz', [JSON.stringify(manifest), ...body, JSON.stringify(endLine)]);

    const r = await restoreBackup(ctx, old, { actor: 'test', municipality: a });
    expect(r.ok ? 'ok' : r.problems[0]?.code).toBe('backup/before-tenancy');

    const empty = await openTestDatabase(t.dialect);
    try {
      await migrateToLatest(empty.db, empty.schema);
      const other = contextFor(empty);
      const whole = await restoreBackup(other, old, { actor: 'cli:test' });
      expect(whole.ok).toBe(true);
      // Its municipality is the plan's, registered; every row is that municipality's.
      expect((await listMunicipalities(empty.db)).map((m) => m.code)).toEqual([a]);
      const unowned = await globally(() =>
        sql<{ n: number }>`SELECT count(*)::int AS n FROM users WHERE municipality_code <> ${a}`.execute(
          empty.db,
        ),
      );
      expect(unowned.rows[0]?.n).toBe(0);
      expect(withoutLastAudit(await exportsOf(other, a))).toEqual(aBefore);
    } finally {
      await empty.close();
    }
  });
});
