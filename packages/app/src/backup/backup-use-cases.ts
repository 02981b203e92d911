/**
 * mirai backup: a logical dump of Mirai's tables to a portable file
 * (backup-format.ts), on the embedded database and on a PostgreSQL server
 * alike, read in one consistent snapshot — the whole database, or one
 * municipality's rows with its registry entry (decision 0148). The restore is
 * in restore-use-cases.ts.
 */
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { finished } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { fail, ok, type Result } from '@mirai/core';
import { globally, listMunicipalities } from '@mirai/db';
import { sql } from 'kysely';
import type { AppContext } from '../context';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupEnd,
  type BackupManifest,
  type BackupTable,
  MUNICIPALITY_BACKUP_FORMAT_VERSION,
} from './backup-format';
import { backupProblems as P } from './backup-problems';
import { appliedMigrations, deploymentTables, derived, type TableInfo, tablesOf } from './backup-tables';

const BATCH = 2000;

export interface BackupSummary {
  file: string;
  tables: number;
  rows: number;
  migrations: number;
  /** The municipality backed up, when only one was. */
  municipality?: string;
}

/**
 * Writes the database to `file` (written beside it, then renamed into place):
 * every municipality's rows, or with `municipality` only that one's. Global
 * work (decision 0137): the rows are chosen by their municipality column, not by the binding.
 */
export function createBackup(
  ctx: AppContext,
  file: string,
  opts: { municipality?: string } = {},
): Promise<Result<BackupSummary>> {
  return globally(async () => {
    if (opts.municipality === undefined) return backup(ctx, file, undefined);
    const m = (await listMunicipalities(ctx.database.db)).find((x) => x.code === opts.municipality);
    if (!m) return fail(P.unknownMunicipality.create({ code: opts.municipality }, { file }));
    return backup(ctx, file, { code: m.code, name: m.name, hosts: m.hosts });
  });
}

/** The rows of a table a backup takes: all, or one municipality's. */
function rowsOf(t: TableInfo, code: string | undefined) {
  if (code === undefined) return sql`TRUE`;
  if (t.name === 'municipalities') return sql`code = ${code}`;
  return sql`municipality_code = ${code}`;
}

async function backup(
  ctx: AppContext,
  file: string,
  only: BackupManifest['municipality'],
): Promise<Result<BackupSummary>> {
  const partial = `${file}.partial`;
  const gzip = createGzip();
  const out = createWriteStream(partial);
  gzip.pipe(out);
  const write = async (line: string) => {
    if (!gzip.write(`${line}\n`)) await new Promise((r) => gzip.once('drain', r));
  };
  const code = only?.code;
  try {
    const summary = await ctx.database.db
      .transaction()
      .setIsolationLevel('repeatable read')
      .execute(async (trx) => {
        const tables = (await tablesOf(trx)).filter(
          (t) =>
            !derived.has(t.name) &&
            // One municipality's backup: its rows (every table with the column, the registry's own entry).
            (code === undefined ||
              (!deploymentTables.has(t.name) &&
                (t.name === 'municipalities' || t.columns.includes('municipality_code')))),
        );
        const counted: BackupTable[] = [];
        for (const t of tables) {
          const n = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.id(t.name)}
            WHERE ${rowsOf(t, code)}`.execute(trx);
          counted.push({ name: t.name, columns: t.columns, rows: Number(n.rows[0]?.n ?? 0) });
        }
        const manifest: BackupManifest = {
          format: BACKUP_FORMAT,
          formatVersion: only ? MUNICIPALITY_BACKUP_FORMAT_VERSION : BACKUP_FORMAT_VERSION,
          createdAt: new Date().toISOString(),
          dialect: ctx.database.dialect,
          migrations: await appliedMigrations(trx),
          tables: counted,
          ...(only ? { municipality: only } : {}),
        };
        await write(JSON.stringify(manifest));
        const rows: Record<string, number> = {};
        for (const t of tables) {
          const order = t.key.length > 0 ? t.key : t.columns;
          let written = 0;
          for (;;) {
            const batch = await sql<{ j: string }>`
              SELECT row_to_json(x)::text AS j FROM ${sql.id(t.name)} x WHERE ${rowsOf(t, code)}
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
          ...(code ? { municipality: code } : {}),
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
