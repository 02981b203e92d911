/**
 * mirai backup / mirai restore: a logical dump of Mirai's tables to a portable
 * file (backup-format.ts) and its restore, on the embedded database and on a
 * PostgreSQL server alike. The dump reads one consistent snapshot; the restore
 * is one transaction: it empties every table, loads every row, resets the id
 * sequences and records the restore in the audit trail — or changes nothing.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { finished } from 'node:stream/promises';
import { createGunzip, createGzip } from 'node:zlib';
import { fail, ok, type Result } from '@mirai/core';
import { audit, type Database, globally, registryChanged } from '@mirai/db';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { AppContext } from '../context';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupEnd,
  type BackupManifest,
  type BackupTable,
  unknownMigrations,
} from './backup-format';
import { backupProblems as P } from './backup-problems';

type Db = Kysely<Database> | Transaction<Database>;
const BATCH = 2000;
/** Kysely's own bookkeeping: the schema version travels in the manifest instead. */
const skipped = new Set(['kysely_migration', 'kysely_migration_lock']);
/** Kept by triggers from other tables (emptied on restore, then refilled as the rows go in): not backed up. */
const derived = new Set(['current_actuals']);

/** Mirai's tables in the current schema, parents before children, with their columns. */
async function tablesOf(db: Db): Promise<{ name: string; columns: string[]; key: string[] }[]> {
  const cols = await sql<{ table_name: string; column_name: string }>`
    SELECT c.table_name, c.column_name FROM information_schema.columns c
    JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
    WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
    ORDER BY c.table_name, c.ordinal_position`.execute(db);
  const fks = await sql<{ child: string; parent: string }>`
    SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE c.contype = 'f' AND n.nspname = current_schema()`.execute(db);
  const keys = await sql<{ table_name: string; column_name: string }>`
    SELECT kcu.table_name, kcu.column_name FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage kcu
      ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
    WHERE tc.table_schema = current_schema() AND tc.constraint_type = 'PRIMARY KEY'
    ORDER BY kcu.table_name, kcu.ordinal_position`.execute(db);
  const columns = new Map<string, string[]>();
  for (const r of cols.rows) {
    if (skipped.has(r.table_name)) continue;
    columns.set(r.table_name, [...(columns.get(r.table_name) ?? []), r.column_name]);
  }
  const bare = (n: string) => n.replace(/^.*\./, '').replace(/"/g, '');
  const parents = new Map<string, Set<string>>();
  for (const f of fks.rows) {
    const child = bare(f.child);
    const parent = bare(f.parent);
    if (child !== parent) parents.set(child, new Set([...(parents.get(child) ?? []), parent]));
  }
  const ordered: string[] = [];
  const visit = (t: string, path: Set<string>) => {
    if (ordered.includes(t) || path.has(t) || !columns.has(t)) return;
    path.add(t);
    for (const p of [...(parents.get(t) ?? [])].sort()) visit(p, path);
    ordered.push(t);
  };
  for (const t of [...columns.keys()].sort()) visit(t, new Set());
  return ordered.map((name) => ({
    name,
    columns: columns.get(name) ?? [],
    key: keys.rows.filter((k) => k.table_name === name).map((k) => k.column_name),
  }));
}

async function appliedMigrations(db: Db): Promise<string[]> {
  const r = await sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY timestamp, name`.execute(
    db,
  );
  return r.rows.map((x) => x.name);
}

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  migrations: number;
}

/** Writes every table of the database to `file` (written beside it, then renamed into place). */
/** The whole database, every municipality's rows (global work; decision 0137). */
export function createBackup(ctx: AppContext, file: string): Promise<Result<BackupSummary>> {
  return globally(() => backupAll(ctx, file));
}

async function backupAll(ctx: AppContext, file: string): Promise<Result<BackupSummary>> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial);
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await new Promise((r) => gzip.once('drain', r));
  };
  try {
    const summary = await ctx.database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const tables = (await tablesOf(trx)).filter((t) => !derived.has(t.name));
        const counted: BackupTable[] = [];
        for (const t of tables) {
          const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.id(t.name)}`.execute(trx);
          counted.push({ name: t.name, columns: t.columns, rows: Number(n.rows[0]?.n ?? 0) });
        }
        const manifest: BackupManifest = {
          format: BACKUP_FORMAT,
          formatVersion: BACKUP_FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          dialect: ctx.database.dialect,
          migrations: await appliedMigrations(trx),
          tables: counted,
        };
        await write(JSON.stringify(manifest));
        const rows: Record<string, number> = {};
        for (const t of tables) {
          const order = t.key.length > 0 ? t.key : t.columns;
          let written = 0;
          for (;;) {
            const batch = await sql<{ j: string }>`
              SELECT row_to_json(x)::text AS j FROM ${sql.id(t.name)} x
              ORDER BY ${sql.join(order.map((c) => sql.id(c)))} LIMIT ${BATCH} OFFSET ${written}`.execute(
              trx,
            );
            for (const r of batch.rows) await write(`{"t":${JSON.stringify(t.name)},"r":${r.j}}`);
            written += batch.rows.length;
            if (batch.rows.length < BATCH) break;
          }
          rows[t.name] = written;
        }
        const end: BackupEnd = { end: true, rows };
        await write(JSON.stringify(end));
        return {
          file,
          tables: tables.length,
          rows: Object.values(rows).reduce((a, b) => a + b, 0),
          migrations: manifest.migrations.length,
        };
      });
    gzip.end();
    await finished(out);
    await rename(partial, file);
    return ok(summary);
  } catch (e) {
    gzip.destroy();
    out.destroy();
    await rm(partial, { force: true });
    throw e;
  }
}

export interface RestoreSummary {
  tables: number;
  rows: number;
  createdAt: string;
}

/** Thrown inside the restore transaction to roll it back with a problem. */
class Refused extends Error {
  constructor(readonly problem: ReturnType<(typeof P)[keyof typeof P]['create']>) {
    super(problem.code);
  }
}

/** Replaces the database's contents with the backup's, all or nothing (every municipality: global work). */
export function restoreBackup(
  ctx: AppContext,
  file: string,
  opts: { actor: string },
): Promise<Result<RestoreSummary>> {
  // The registry comes back with the rows: this process's idea of "the only municipality" is stale.
  return globally(() => restoreAll(ctx, file, opts)).finally(registryChanged);
}

async function restoreAll(
  ctx: AppContext,
  file: string,
  opts: { actor: string },
): Promise<Result<RestoreSummary>> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  const it = lines[Symbol.asyncIterator]();
  const next = async (): Promise<string | undefined> => {
    const r = await it.next();
    return r.done ? undefined : (r.value as string);
  };
  const parse = (line: string, where: string): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      throw new Refused(P.unreadable.create({ reason: `${where}: not JSON` }, { file }));
    }
  };
  try {
    const first = await next();
    const manifest = (first ? parse(first, 'line 1') : null) as BackupManifest | null;
    if (manifest?.format !== BACKUP_FORMAT || manifest.formatVersion !== BACKUP_FORMAT_VERSION)
      return fail(P.unreadable.create({ reason: 'not a Mirai backup (manifest missing)' }, { file }));
    const db = ctx.database.db;
    const newer = unknownMigrations(manifest.migrations, await appliedMigrations(db));
    if (newer.length > 0) return fail(P.newerSchema.create({ migrations: newer }, { file }));
    const summary = await db.transaction().execute(async (trx) => {
      const current = new Map((await tablesOf(trx)).map((t) => [t.name, t]));
      const unknown = manifest.tables.find((t) => !current.has(t.name));
      if (unknown) throw new Refused(P.unknownTable.create({ table: unknown.name }, { file }));
      if (current.size > 0)
        await sql`TRUNCATE ${sql.join([...current.keys()].map((t) => sql.id(t)))} RESTART IDENTITY`.execute(
          trx,
        );
      const found: Record<string, number> = {};
      let batch: string[] = [];
      let batchTable = '';
      const flush = async () => {
        if (batch.length === 0) return;
        const t = manifest.tables.find((x) => x.name === batchTable);
        const have = new Set(current.get(batchTable)?.columns ?? []);
        const cols = (t?.columns ?? []).filter((c) => have.has(c)).map((c) => sql.id(c));
        await sql`INSERT INTO ${sql.id(batchTable)} (${sql.join(cols)})
          SELECT ${sql.join(cols)} FROM json_populate_recordset(NULL::${sql.id(batchTable)}, ${`[${batch.join(',')}]`}::json)`.execute(
          trx,
        );
        batch = [];
      };
      let end: BackupEnd | undefined;
      let n = 1;
      for (let line = await next(); line !== undefined; line = await next()) {
        n++;
        if (line.startsWith('{"t":')) {
          const m = /^\{"t":("(?:[^"\\]|\\.)*"),"r":(.*)\}$/s.exec(line);
          if (!m) throw new Refused(P.unreadable.create({ reason: `line ${n}: not a row` }, { file }));
          const table = JSON.parse(m[1] as string) as string;
          if (!current.has(table)) throw new Refused(P.unknownTable.create({ table }, { file }));
          if (table !== batchTable || batch.length >= BATCH) {
            await flush();
            batchTable = table;
          }
          batch.push(m[2] as string);
          found[table] = (found[table] ?? 0) + 1;
        } else {
          end = parse(line, `line ${n}`) as BackupEnd;
          break;
        }
      }
      await flush();
      for (const t of manifest.tables) {
        const expected = end?.rows[t.name] ?? t.rows;
        if (!end?.end || expected !== t.rows || (found[t.name] ?? 0) !== t.rows)
          throw new Refused(
            P.truncated.create({ table: t.name, expected: t.rows, found: found[t.name] ?? 0 }, { file }),
          );
      }
      // Ids continue after the restored rows.
      const serials = await sql<{ table_name: string; column_name: string }>`
        SELECT table_name, column_name FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`.execute(trx);
      for (const s of serials.rows) {
        if (skipped.has(s.table_name)) continue;
        await sql`SELECT setval(pg_get_serial_sequence(${s.table_name}, ${s.column_name}),
          COALESCE((SELECT max(${sql.id(s.column_name)}) FROM ${sql.id(s.table_name)}), 0) + 1, false)`.execute(
          trx,
        );
      }
      const rows = Object.values(found).reduce((a, b) => a + b, 0);
      // Each municipality's audit trail records the restore (its entry belongs to it).
      const restored = await sql<{ code: string }>`SELECT code FROM municipalities ORDER BY code`.execute(
        trx,
      );
      for (const { code } of restored.rows) {
        await sql`SELECT set_config('mirai.municipality', ${code}, true)`.execute(trx);
        await audit(trx, {
          actor: opts.actor,
          action: 'backup.restore',
          entityType: 'database',
          entityId: manifest.createdAt,
          details: { tables: manifest.tables.length, rows, migrations: manifest.migrations.length },
        });
      }
      return { tables: manifest.tables.length, rows, createdAt: manifest.createdAt };
    });
    return ok(summary);
  } catch (e) {
    if (e instanceof Refused) return fail(e.problem);
    if (
      e instanceof Error &&
      /incorrect header|unexpected end of file|invalid/i.test(e.message) &&
      'code' in e
    )
      return fail(P.unreadable.create({ reason: e.message }, { file }));
    throw e;
  } finally {
    lines.close();
  }
}
