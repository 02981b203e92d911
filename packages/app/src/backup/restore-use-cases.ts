/**
 * mirai restore: a backup (backup-format.ts) back into the database, all or
 * nothing, on the embedded database and on a PostgreSQL server alike.
 * - The whole database (a whole backup, no municipality asked): every table is
 *   emptied and refilled, the id sequences continue after the restored rows,
 *   and each municipality's audit trail records the restore. A backup taken
 *   before tenancy (migration 0090) is given a municipality as that migration
 *   did: the first stored plan's, registered with its name.
 * - One municipality (a municipality's backup, or `municipality` asked of a
 *   whole backup): only that municipality's rows are deleted and loaded; no
 *   other municipality's row is touched, and the backup may hold no row of
 *   another municipality nor point at one. Its registry entry stays as it is
 *   when registered, else it is registered from the backup (decision 0148).
 */
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { fail, ok, type Result } from '@mirai/core';
import {
  addMunicipalityHosts,
  adoptUnownedRows,
  audit,
  type Database,
  globally,
  HostTaken,
  registryChanged,
} from '@mirai/db';
import { sql, type Transaction } from 'kysely';
import type { AppContext } from '../context';
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type BackupEnd,
  type BackupManifest,
  MUNICIPALITY_BACKUP_FORMAT_VERSION,
  unknownMigrations,
} from './backup-format';
import { backupProblems as P } from './backup-problems';
import {
  appliedMigrations,
  deploymentTables,
  foreignKeys,
  isTenantTable,
  registryTables,
  skipped,
  type TableInfo,
  TENANCY_MIGRATION,
  tablesOf,
} from './backup-tables';

const BATCH = 2000;

export interface RestoreSummary {
  tables: number;
  rows: number;
  createdAt: string;
  /** The municipality restored, when only one was. */
  municipality?: string;
}

/** Thrown inside the restore transaction to roll it back with a problem. */
class Refused extends Error {
  constructor(readonly problem: ReturnType<(typeof P)[keyof typeof P]['create']>) {
    super(problem.code);
  }
}

/**
 * Replaces the database's contents with the backup's, or with `municipality`
 * (or a municipality's backup) only that municipality's rows; all or nothing.
 * Global work: the rows are chosen by their municipality column.
 */
export function restoreBackup(
  ctx: AppContext,
  file: string,
  opts: { actor: string; municipality?: string },
): Promise<Result<RestoreSummary>> {
  // The registry may come back with the rows: this process's idea of "the only municipality" is stale.
  return globally(() => restore(ctx, file, opts)).finally(registryChanged);
}

interface RegistryRows {
  municipalities: {
    code: string;
    name_ja: string;
    name_en: string | null;
    created_at: string;
    public_url?: string | null;
  }[];
  hosts: { host: string; municipality_code: string }[];
}

async function restore(
  ctx: AppContext,
  file: string,
  opts: { actor: string; municipality?: string },
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
  let table = '';
  try {
    const first = await next();
    const manifest = (first ? parse(first, 'line 1') : null) as BackupManifest | null;
    const whole = manifest?.formatVersion === BACKUP_FORMAT_VERSION && !manifest.municipality;
    const one =
      manifest?.formatVersion === MUNICIPALITY_BACKUP_FORMAT_VERSION && !!manifest.municipality?.code;
    if (manifest?.format !== BACKUP_FORMAT || !(whole || one))
      return fail(P.unreadable.create({ reason: 'not a Mirai backup (manifest missing)' }, { file }));
    const db = ctx.database.db;
    const newer = unknownMigrations(manifest.migrations, await appliedMigrations(db));
    if (newer.length > 0) return fail(P.newerSchema.create({ migrations: newer }, { file }));
    const ofBackup = manifest.municipality?.code;
    if (ofBackup && opts.municipality && opts.municipality !== ofBackup)
      return fail(P.otherMunicipality.create({ backup: ofBackup, asked: opts.municipality }, { file }));
    const target = opts.municipality ?? ofBackup;
    const beforeTenancy = !manifest.migrations.includes(TENANCY_MIGRATION);
    if (target && beforeTenancy) return fail(P.beforeTenancy.create({ code: target }, { file }));

    const summary = await db.transaction().execute(async (trx) => {
      const ordered = await tablesOf(trx);
      const current = new Map(ordered.map((t) => [t.name, t]));
      const unknown = manifest.tables.find((t) => !current.has(t.name));
      if (unknown) throw new Refused(P.unknownTable.create({ table: unknown.name }, { file }));
      const registeredBefore =
        target !== undefined &&
        (await sql`SELECT 1 FROM municipalities WHERE code = ${target}`.execute(trx)).rows.length > 0;
      if (target === undefined) {
        if (current.size > 0)
          await sql`TRUNCATE ${sql.join([...current.keys()].map((t) => sql.id(t)))} RESTART IDENTITY`.execute(
            trx,
          );
      } else await emptyMunicipality(trx, ordered, target);

      const registry: RegistryRows = { municipalities: [], hosts: [] };
      const found: Record<string, number> = {};
      let batch: string[] = [];
      let batchTable = '';
      const flush = async () => {
        if (batch.length === 0) return;
        table = batchTable;
        const info = current.get(batchTable) as TableInfo;
        if (target !== undefined && registryTables.has(batchTable)) {
          // The registry entry is handled after the rows (kept, or registered from the backup).
          const rows = batch.map((r) => JSON.parse(r));
          if (batchTable === 'municipalities') registry.municipalities.push(...rows);
          else registry.hosts.push(...rows);
        } else if (target === undefined || !deploymentTables.has(batchTable)) {
          const t = manifest.tables.find((x) => x.name === batchTable);
          const have = new Set(info.columns);
          const cols = (t?.columns ?? []).filter((c) => have.has(c)).map((c) => sql.id(c));
          const only = target === undefined ? sql`TRUE` : sql`municipality_code = ${target}`;
          const r = await sql`INSERT INTO ${sql.id(batchTable)} (${sql.join(cols)})
            SELECT ${sql.join(cols)} FROM json_populate_recordset(NULL::${sql.id(batchTable)}, ${`[${batch.join(',')}]`}::json)
            WHERE ${only}`.execute(trx);
          // A municipality's backup holds that municipality's rows only.
          if (one && Number(r.numAffectedRows ?? 0) !== batch.length)
            throw new Refused(
              P.crossesMunicipality.create({ table: batchTable, code: target ?? '' }, { file }),
            );
        }
        batch = [];
      };
      let end: BackupEnd | undefined;
      let n = 1;
      for (let line = await next(); line !== undefined; line = await next()) {
        n++;
        if (line.startsWith('{"t":')) {
          const m = /^\{"t":("(?:[^"\\]|\\.)*"),"r":(.*)\}$/s.exec(line);
          if (!m) throw new Refused(P.unreadable.create({ reason: `line ${n}: not a row` }, { file }));
          const name = JSON.parse(m[1] as string) as string;
          if (!current.has(name)) throw new Refused(P.unknownTable.create({ table: name }, { file }));
          if (name !== batchTable || batch.length >= BATCH) {
            await flush();
            batchTable = name;
          }
          batch.push(m[2] as string);
          found[name] = (found[name] ?? 0) + 1;
        } else {
          end = parse(line, `line ${n}`) as BackupEnd;
          break;
        }
      }
      await flush();
      table = '';
      for (const t of manifest.tables) {
        const expected = end?.rows[t.name] ?? t.rows;
        if (!end?.end || expected !== t.rows || (found[t.name] ?? 0) !== t.rows)
          throw new Refused(
            P.truncated.create({ table: t.name, expected: t.rows, found: found[t.name] ?? 0 }, { file }),
          );
      }
      if (target !== undefined) {
        await restoreRegistryEntry(trx, target, registry, registeredBefore, file);
        await refuseCrossingRows(trx, ordered, target, file);
      } else if (beforeTenancy) await giveMunicipality(trx);
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
      // The restore is recorded in the audit trail of each municipality it restored.
      const restored =
        target !== undefined
          ? [target]
          : (
              await sql<{ code: string }>`SELECT code FROM municipalities ORDER BY code`.execute(trx)
            ).rows.map((r) => r.code);
      for (const code of restored) {
        await sql`SELECT set_config('mirai.municipality', ${code}, true)`.execute(trx);
        await audit(trx, {
          actor: opts.actor,
          action: 'backup.restore',
          entityType: 'database',
          entityId: manifest.createdAt,
          details: {
            tables: manifest.tables.length,
            rows,
            migrations: manifest.migrations.length,
            scope: target !== undefined ? 'municipality' : 'all',
          },
        });
      }
      return {
        tables: manifest.tables.length,
        rows,
        createdAt: manifest.createdAt,
        ...(target !== undefined ? { municipality: target } : {}),
      };
    });
    return ok(summary);
  } catch (e) {
    if (e instanceof Refused) return fail(e.problem);
    if (typeof e === 'object' && e !== null && (e as { code?: unknown }).code === '23505')
      return fail(
        P.rowsCollide.create(
          { table: (e as { table?: string }).table ?? table, code: opts.municipality ?? '' },
          { file },
        ),
      );
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

/**
 * Deletes one municipality's rows, children first. The triggers that refuse deletes let this
 * transaction's deletes of this municipality's rows through (`mirai.restoring`, decision 0160):
 * no table is locked for the other municipalities.
 */
export async function emptyMunicipality(trx: Transaction<Database>, ordered: TableInfo[], code: string) {
  await sql`SELECT set_config('mirai.restoring', ${code}, true)`.execute(trx);
  for (const t of [...ordered].reverse()) {
    if (!isTenantTable(t)) continue;
    await sql`DELETE FROM ${sql.id(t.name)} WHERE municipality_code = ${code}`.execute(trx);
  }
  await sql`SELECT set_config('mirai.restoring', '', true)`.execute(trx);
}

/** The municipality's registry entry: kept when registered, else registered from the backup. */
async function restoreRegistryEntry(
  trx: Transaction<Database>,
  code: string,
  registry: RegistryRows,
  registeredBefore: boolean,
  file: string,
) {
  const entry = registry.municipalities.find((m) => m.code === code);
  if (!entry) throw new Refused(P.municipalityNotInBackup.create({ code }, { file }));
  if (registeredBefore) return;
  // A backup taken before migration 0096 has no public URL: derived from the hosts (decision 0154).
  await sql`INSERT INTO municipalities (code, name_ja, name_en, created_at, public_url)
    VALUES (${code}, ${entry.name_ja}, ${entry.name_en}, ${entry.created_at}, ${entry.public_url ?? null})`.execute(
    trx,
  );
  const hosts = registry.hosts.filter((x) => x.municipality_code === code).map((h) => h.host);
  try {
    await addMunicipalityHosts(trx, code, hosts);
  } catch (error) {
    if (!(error instanceof HostTaken)) throw error;
    throw new Refused(P.hostTaken.create({ host: error.host, owner: error.owner }, { file }));
  }
}

/** A restored row may point (by a foreign key) only at rows of its own municipality. */
async function refuseCrossingRows(
  trx: Transaction<Database>,
  ordered: TableInfo[],
  code: string,
  file: string,
) {
  const tenant = new Set(ordered.filter(isTenantTable).map((t) => t.name));
  for (const fk of await foreignKeys(trx)) {
    if (!tenant.has(fk.child) || !tenant.has(fk.parent)) continue;
    const on = sql.join(
      fk.columns.map(([c, p]) => sql`c.${sql.id(c)} = p.${sql.id(p)}`),
      sql` AND `,
    );
    const crossing = await sql`SELECT 1 FROM ${sql.id(fk.child)} c JOIN ${sql.id(fk.parent)} p ON ${on}
      WHERE c.municipality_code = ${code} AND p.municipality_code <> ${code} LIMIT 1`.execute(trx);
    if (crossing.rows.length > 0)
      throw new Refused(P.crossesMunicipality.create({ table: fk.child, code }, { file }));
  }
}

/**
 * A backup taken before tenancy, restored whole: its rows are given a
 * municipality as migration 0090 gave them — the municipalities of its plans
 * are registered, rows tied to a plan follow it, every other row belongs to
 * the first stored plan's municipality.
 */
async function giveMunicipality(trx: Transaction<Database>) {
  await sql`
    INSERT INTO municipalities (code, name_ja, name_en)
    SELECT DISTINCT ON (p.municipality_code) p.municipality_code,
      coalesce(v.document->'municipality'->'name'->>'ja', p.municipality_code),
      v.document->'municipality'->'name'->>'en'
    FROM plans p JOIN plan_versions v ON v.plan_id = p.id AND v.version = p.current_version
    ORDER BY p.municipality_code, p.id
    ON CONFLICT (code) DO NOTHING`.execute(trx);
  const { rows } = await sql<{ code: string }>`
    SELECT municipality_code AS code FROM plans WHERE municipality_code <> '' ORDER BY id LIMIT 1`.execute(
    trx,
  );
  const first = rows[0]?.code;
  if (!first) return;
  const withPlan = await sql<{ table_name: string }>`
    SELECT c.table_name FROM information_schema.columns c
    JOIN information_schema.columns m ON m.table_schema = c.table_schema AND m.table_name = c.table_name
      AND m.column_name = 'municipality_code'
    WHERE c.table_schema = current_schema() AND c.column_name = 'plan_id'`.execute(trx);
  for (const { table_name } of withPlan.rows) {
    const t = sql.id(table_name);
    await sql`ALTER TABLE ${t} DISABLE TRIGGER USER`.execute(trx);
    await sql`UPDATE ${t} x SET municipality_code = p.municipality_code FROM plans p
      WHERE p.id = x.plan_id AND x.municipality_code = '' AND p.municipality_code <> ''`.execute(trx);
    await sql`ALTER TABLE ${t} ENABLE TRIGGER USER`.execute(trx);
  }
  await adoptUnownedRows(trx, first);
}
