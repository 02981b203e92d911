// Migrates an empty database (PGlite, and PostgreSQL when TEST_DATABASE_URL is set) and compares
// the resulting tables and columns with the committed snapshot, so schema drift is seen in review.
// Regenerate after adding a migration: UPDATE_SNAPSHOTS=1 npx vitest run packages/db/src/migrations
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeEachDatabase } from '../testing/each-database';

const file = new URL('./schema-snapshot.json', import.meta.url);

describeEachDatabase('schema after all migrations', (t) => {
  it('matches the committed snapshot', async () => {
    const { rows } = await sql<{
      table_name: string;
      column_name: string;
      data_type: string;
      is_nullable: string;
    }>`
      SELECT table_name, column_name, data_type, is_nullable
      FROM information_schema.columns
      WHERE table_schema = current_schema() AND table_name NOT LIKE 'kysely_%'
      ORDER BY table_name, ordinal_position`.execute(t.handle.db);
    const snapshot: Record<string, string[]> = {};
    for (const r of rows) {
      const cols = snapshot[r.table_name] ?? [];
      cols.push(`${r.column_name} ${r.data_type}${r.is_nullable === 'NO' ? ' not null' : ''}`);
      snapshot[r.table_name] = cols;
    }
    const text = `${JSON.stringify(snapshot, null, 2)}\n`;
    if (process.env.UPDATE_SNAPSHOTS || !existsSync(file)) writeFileSync(file, text);
    // Compared as data: the formatter may lay a short table's columns out on one line.
    expect(snapshot).toEqual(JSON.parse(readFileSync(file, 'utf8')));
  });
});
