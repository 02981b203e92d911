/**
 * Run by the durability test under strace: opens an embedded database in the
 * directory given, then makes one acknowledged write between two marker
 * system calls (access() of paths that do not exist), so the trace shows
 * which sync calls happened before the write was acknowledged.
 * Usage: node --import tsx durability-probe.ts DIR [durable|stock]
 */
import { accessSync } from 'node:fs';
import { sql } from 'kysely';
import { createDatabase } from '../create-database';

const mark = (name: string) => {
  try {
    accessSync(`/.mirai-probe-${name}`);
  } catch {
    // The call itself is the marker.
  }
};

const [dir, mode] = process.argv.slice(2);
if (!dir) throw new Error('usage: durability-probe.ts DIR [durable|stock]');
const database = await createDatabase({ kind: 'pglite', dataDir: dir, durable: mode !== 'stock' });
await sql`CREATE TABLE IF NOT EXISTS probe (id serial PRIMARY KEY, note text)`.execute(database.db);
mark('begin');
await sql`INSERT INTO probe (note) VALUES ('acknowledged')`.execute(database.db);
mark('acknowledged');
await database.close();
