// Restoring one municipality locks no table for the others (decision 0160), on PGlite and
// PostgreSQL: while a restore of A has deleted A's rows and holds its transaction open, B writes
// its audit trail from another connection without waiting (PostgreSQL: PGlite has one connection);
// the way through the append-only triggers opens only to deletes of the restoring municipality's
// rows by global work — B's rows, A's rows without the setting, tenant work, updates and an empty
// setting are still refused.
import { actAsMunicipalityIn, audit, type Database, globally, withMunicipality } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { type Kysely, sql, type Transaction } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { tablesOf } from './backup-tables';
import { emptyMunicipality } from './restore-use-cases';

const a = '99001';
const b = '99002';
const entry = (action: string) => ({ actor: 'test', action, entityType: 'test', entityId: action });

/** Runs `fn` in a transaction of global work that is always rolled back. */
async function rolledBack(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<void>) {
  const done = new Error('rolled back');
  await expect(
    globally(() =>
      db.transaction().execute(async (trx) => {
        await fn(trx);
        throw done;
      }),
    ),
  ).rejects.toBe(done);
}

const rowsOf = async (db: Kysely<Database> | Transaction<Database>, code: string) =>
  Number(
    (
      await sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM audit_log WHERE municipality_code = ${code}`.execute(db)
    ).rows[0]?.n,
  );

describeEachDatabase('restoring one municipality: deletes scoped to it', (t) => {
  let db: Kysely<Database>;

  beforeAll(async () => {
    db = t.handle.db;
    await globally(() =>
      sql`INSERT INTO municipalities (code, name_ja) VALUES (${a}, 'A'), (${b}, 'B')`.execute(db),
    );
    for (const code of [a, b])
      await withMunicipality(code, () => db.transaction().execute((tx) => audit(tx, entry(`seed-${code}`))));
  });

  it('deletes the restoring municipality’s rows, and while it holds them B writes without waiting', async () => {
    const bBefore = await globally(() => rowsOf(db, b));
    await rolledBack(db, async (trx) => {
      await emptyMunicipality(trx, await tablesOf(trx), a);
      expect(await rowsOf(trx, a)).toBe(0);
      expect(await rowsOf(trx, b)).toBe(bBefore);
      if (t.dialect !== 'postgres') return;
      // Another connection: a table lock held by the restore would make this wait until the lock timeout.
      await withMunicipality(b, () =>
        db.transaction().execute(async (tx) => {
          await sql`SET LOCAL lock_timeout = '2s'`.execute(tx);
          await audit(tx, entry('during-restore'));
        }),
      );
    });
    expect(await globally(() => rowsOf(db, a))).toBeGreaterThan(0);
    expect(await globally(() => rowsOf(db, b))).toBe(bBefore + (t.dialect === 'postgres' ? 1 : 0));
  });

  it('refuses every other delete and every update of the append-only rows', async () => {
    const refused = async (fn: (trx: Transaction<Database>) => Promise<unknown>) => {
      const before = [await globally(() => rowsOf(db, a)), await globally(() => rowsOf(db, b))];
      await expect(globally(() => db.transaction().execute(fn))).rejects.toThrow(/append-only/);
      expect([await globally(() => rowsOf(db, a)), await globally(() => rowsOf(db, b))]).toEqual(before);
    };
    const restoring = (trx: Transaction<Database>, code: string) =>
      sql`SELECT set_config('mirai.restoring', ${code}, true)`.execute(trx);
    // Another municipality's rows.
    await refused(async (trx) => {
      await restoring(trx, a);
      await sql`DELETE FROM audit_log WHERE municipality_code = ${b}`.execute(trx);
    });
    // Without the setting.
    await refused((trx) => sql`DELETE FROM audit_log WHERE municipality_code = ${a}`.execute(trx));
    // Tenant work (what application requests run as), even with the setting.
    await refused(async (trx) => {
      await restoring(trx, a);
      await actAsMunicipalityIn(trx, a);
      await sql`DELETE FROM audit_log WHERE municipality_code = ${a}`.execute(trx);
    });
    // An update.
    await refused(async (trx) => {
      await restoring(trx, a);
      await sql`UPDATE audit_log SET actor = 'x' WHERE municipality_code = ${a}`.execute(trx);
    });
    // An empty setting (what a transaction-local setting leaves behind) and a row of no municipality.
    await refused(async (trx) => {
      await sql`INSERT INTO audit_log (actor, action, entity_type, entity_id, municipality_code)
        VALUES ('test', 'unowned', 'test', 'unowned', '')`.execute(trx);
      await restoring(trx, '');
      await sql`DELETE FROM audit_log WHERE municipality_code = ''`.execute(trx);
    });
  });
});
