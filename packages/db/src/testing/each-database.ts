/**
 * Runs a database test suite on every dialect: PGlite in memory always, and the
 * PostgreSQL server in TEST_DATABASE_URL when set (each suite in a fresh schema).
 * Nothing is mocked.
 */
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe } from 'vitest';
import { createDatabase, type MiraiDatabase, migrateToLatest } from '../create-database';
import { globally } from '../tenancy/binding';

export interface DatabaseUnderTest {
  /** The migrated database for the current dialect. */
  readonly handle: MiraiDatabase;
  readonly dialect: 'pglite' | 'postgres';
}

export function dialectsUnderTest(): ('pglite' | 'postgres')[] {
  return process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
}

export async function openTestDatabase(dialect: 'pglite' | 'postgres'): Promise<MiraiDatabase> {
  if (dialect === 'pglite') return createDatabase({ kind: 'pglite' });
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const handle = await createDatabase({ kind: 'postgres', url: process.env.TEST_DATABASE_URL!, schema });
  return {
    ...handle,
    close: () =>
      globally(async () => {
        await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(handle.db);
        // The job queue's schema beside it (pg-boss), when a test used one.
        await sql`DROP SCHEMA IF EXISTS ${sql.id(`${schema}_boss`)} CASCADE`.execute(handle.db);
        await handle.close();
      }),
  };
}

export function describeEachDatabase(title: string, body: (t: DatabaseUnderTest) => void): void {
  for (const dialect of dialectsUnderTest()) {
    describe(`${title} [${dialect}]`, () => {
      let handle: MiraiDatabase | undefined;
      const t: DatabaseUnderTest = {
        get handle() {
          if (!handle) throw new Error('database not open yet');
          return handle;
        },
        dialect,
      };
      beforeAll(async () => {
        handle = await openTestDatabase(dialect);
        await migrateToLatest(handle.db, handle.schema);
      });
      afterAll(async () => {
        await handle?.close();
      });
      body(t);
    });
  }
}
