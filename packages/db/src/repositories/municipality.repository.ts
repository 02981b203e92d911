/**
 * The registry of municipalities this deployment serves and the host names
 * each answers at (decision 0135). Global: read and written as global work
 * only (role `mirai_tenant` may read it, never write it).
 */
import { type Kysely, type Selectable, sql, type Transaction } from 'kysely';
import { audit } from '../audit';
import type { Database } from '../schema';
import { currentBinding, globally, registryChanged, withMunicipality } from '../tenancy/binding';
import { tenantRole } from '../tenancy/tenant-dialect';
import { globalTables } from '../tenancy/tenant-table';

export interface MunicipalitiesTable {
  code: string;
  name_ja: string;
  name_en: string | null;
  created_at: import('kysely').ColumnType<Date, Date | undefined, never>;
  /** Its public URL (decision 0154); null: derived from its first host name. */
  public_url: import('kysely').ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MunicipalityHostsTable {
  host: string;
  municipality_code: string;
}

export interface MunicipalityTables {
  municipalities: MunicipalitiesTable;
  municipality_hosts: MunicipalityHostsTable;
}

export interface RegisteredMunicipality {
  code: string;
  name: { ja: string; en?: string };
  hosts: string[];
  /** Its public URL as registered (decision 0154); absent: derived (see app's public-address). */
  publicUrl?: string;
  createdAt: Date;
}

/** A host name as the registry keeps it: lower case, without port or trailing dot. */
export function normalizeHost(host: string): string {
  const h = host.trim().toLowerCase();
  const bare = h.startsWith('[') ? h.slice(0, h.indexOf(']') + 1) : h.replace(/:\d+$/, '');
  return bare.replace(/\.$/, '');
}

export function listMunicipalities(db: Kysely<Database>): Promise<RegisteredMunicipality[]> {
  return globally(async () => {
    const rows = await db.selectFrom('municipalities').selectAll().orderBy('code').execute();
    const hosts = await db.selectFrom('municipality_hosts').selectAll().orderBy('host').execute();
    return rows.map((r) => toMunicipality(r, hosts));
  });
}

function toMunicipality(
  r: Selectable<MunicipalitiesTable>,
  hosts: Selectable<MunicipalityHostsTable>[],
): RegisteredMunicipality {
  return {
    code: r.code,
    name: { ja: r.name_ja, ...(r.name_en ? { en: r.name_en } : {}) },
    hosts: hosts.filter((h) => h.municipality_code === r.code).map((h) => h.host),
    ...(r.public_url ? { publicUrl: r.public_url } : {}),
    createdAt: r.created_at,
  };
}

export class HostTaken extends Error {
  constructor(
    readonly host: string,
    readonly owner: string,
  ) {
    super(`host ${host} already belongs to municipality ${owner}`);
  }
}

/**
 * Registers a municipality (or adds host names to a registered one), all or
 * nothing. With an actor (an operator's change: `mirai municipalities add`)
 * each change is recorded in that municipality's audit trail in the same
 * transaction (decision 0148); the registration a first plan makes is recorded
 * by that plan's import. Throws HostTaken when a host answers for another municipality.
 */
export function registerMunicipality(
  db: Kysely<Database>,
  m: { code: string; name: { ja: string; en?: string }; hosts?: string[]; publicUrl?: string },
  opts: { actor?: string } = {},
): Promise<void> {
  return globally(async () => {
    await db.transaction().execute((tx) => registerMunicipalityIn(tx, m, opts));
    registryChanged();
  });
}

/**
 * registerMunicipality within the caller's transaction, which must be global work (the
 * caller calls registryChanged() after its commit). With `publicUrl`, the municipality's
 * public URL is set too (recorded as `municipality.public-url` when it changes).
 */
/**
 * Gives a municipality these host names (normalised): a name it has is kept, a name another
 * municipality has is refused (HostTaken). Returns the names added.
 */
export async function addMunicipalityHosts(
  tx: Transaction<Database>,
  code: string,
  hosts: readonly string[],
): Promise<string[]> {
  const added: string[] = [];
  for (const raw of hosts) {
    const host = normalizeHost(raw);
    const owner = await tx
      .selectFrom('municipality_hosts')
      .select('municipality_code')
      .where('host', '=', host)
      .executeTakeFirst();
    if (owner && owner.municipality_code !== code) throw new HostTaken(host, owner.municipality_code);
    if (owner) continue;
    await tx.insertInto('municipality_hosts').values({ host, municipality_code: code }).execute();
    added.push(host);
  }
  return added;
}

export async function registerMunicipalityIn(
  tx: Transaction<Database>,
  m: { code: string; name: { ja: string; en?: string }; hosts?: string[]; publicUrl?: string },
  opts: { actor?: string } = {},
): Promise<void> {
  const actor = opts.actor;
  const first = (await tx.selectFrom('municipalities').select('code').limit(1).execute()).length === 0;
  if (first) await adoptUnownedRows(tx, m.code);
  const inserted = await tx
    .insertInto('municipalities')
    .values({ code: m.code, name_ja: m.name.ja, name_en: m.name.en ?? null })
    .onConflict((oc) => oc.column('code').doNothing())
    .executeTakeFirst();
  // The entries below belong to the municipality's own trail (this transaction only).
  if (actor) await sql`SELECT set_config('mirai.municipality', ${m.code}, true)`.execute(tx);
  if (actor && Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0)
    await audit(tx, {
      actor,
      action: 'municipality.register',
      entityType: 'municipality',
      entityId: m.code,
      after: { code: m.code, name: m.name },
    });
  for (const host of await addMunicipalityHosts(tx, m.code, m.hosts ?? []))
    if (actor)
      await audit(tx, {
        actor,
        action: 'municipality.host-add',
        entityType: 'municipality',
        entityId: m.code,
        after: { host },
      });
  if (m.publicUrl !== undefined) await setPublicUrlIn(tx, m.code, m.publicUrl, actor);
}

/**
 * Sets (or, with null, clears) a registered municipality's public URL (decision 0154), audited
 * in its own trail. Returns false when the municipality is not registered.
 */
export function setMunicipalityPublicUrl(
  db: Kysely<Database>,
  code: string,
  publicUrl: string | null,
  opts: { actor: string },
): Promise<boolean> {
  return globally(async () => {
    const found = await db.transaction().execute(async (tx) => {
      const row = await tx
        .selectFrom('municipalities')
        .select('code')
        .where('code', '=', code)
        .executeTakeFirst();
      if (!row) return false;
      await sql`SELECT set_config('mirai.municipality', ${code}, true)`.execute(tx);
      await setPublicUrlIn(tx, code, publicUrl, opts.actor);
      return true;
    });
    registryChanged();
    return found;
  });
}

async function setPublicUrlIn(
  tx: Transaction<Database>,
  code: string,
  publicUrl: string | null,
  actor: string | undefined,
): Promise<void> {
  const before = await tx
    .selectFrom('municipalities')
    .select('public_url')
    .where('code', '=', code)
    .executeTakeFirstOrThrow();
  if ((before.public_url ?? null) === publicUrl) return;
  await tx.updateTable('municipalities').set({ public_url: publicUrl }).where('code', '=', code).execute();
  if (actor)
    await audit(tx, {
      actor,
      action: 'municipality.public-url',
      entityType: 'municipality',
      entityId: code,
      before: { publicUrl: before.public_url ?? null },
      after: { publicUrl },
    });
}

/**
 * Within a transaction of global work, the rest of it works as municipality `code`: role
 * `mirai_tenant` (its rows only, under row-level security) and `mirai.municipality`, both for
 * this transaction only — at its end the connection is again what the driver wrapper set.
 */
export async function actAsMunicipalityIn(tx: Transaction<Database>, code: string): Promise<void> {
  await sql`SELECT set_config('mirai.municipality', ${code}, true), set_config('role', ${tenantRole}, true)`.execute(
    tx,
  );
}

/**
 * The first municipality registered takes the rows written before there was
 * any (a database used before its first plan; tests). Global work as owner:
 * the triggers that refuse updates (audit trail, actual values) are held off
 * for this one statement per table.
 */
export async function adoptUnownedRows(tx: Transaction<Database>, code: string): Promise<void> {
  const { rows } = await sql<{ table: string }>`
    SELECT table_name AS table FROM information_schema.columns
    WHERE table_schema = current_schema() AND column_name = 'municipality_code'
      AND table_name NOT IN ('municipalities', 'municipality_hosts')`.execute(tx);
  for (const { table } of rows) {
    const t = sql.id(table);
    const some = await sql<{
      x: number;
    }>`SELECT 1 AS x FROM ${t} WHERE municipality_code = '' LIMIT 1`.execute(tx);
    if (some.rows.length === 0) continue;
    await sql`ALTER TABLE ${t} DISABLE TRIGGER USER`.execute(tx);
    await sql`UPDATE ${t} SET municipality_code = ${code} WHERE municipality_code = ''`.execute(tx);
    await sql`ALTER TABLE ${t} ENABLE TRIGGER USER`.execute(tx);
  }
}

export interface HostDirectory {
  /** Registered municipalities, by code. */
  codes: string[];
  /** Host name -> municipality code. */
  hosts: Map<string, string>;
}

/** Everything host resolution needs, in one read. */
export function readHostDirectory(db: Kysely<Database>): Promise<HostDirectory> {
  return globally(async () => {
    const codes = (await db.selectFrom('municipalities').select('code').orderBy('code').execute()).map(
      (r) => r.code,
    );
    const rows = await db.selectFrom('municipality_hosts').selectAll().execute();
    return { codes, hosts: new Map(rows.map((r) => [r.host, r.municipality_code])) };
  });
}

/** Tenant tables (every table but the global ones) that lack the column or, with `policy`, the isolation policy. */
export async function tablesWithoutTenancy(
  db: Kysely<Database>,
): Promise<{ table: string; missing: string }[]> {
  const { rows } = await sql<{ table: string; has_column: boolean; has_policy: boolean; forced: boolean }>`
    SELECT c.relname AS table,
      EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = current_schema()
              AND k.table_name = c.relname AND k.column_name = 'municipality_code') AS has_column,
      EXISTS (SELECT 1 FROM pg_policies p WHERE p.schemaname = current_schema() AND p.tablename = c.relname
              AND p.policyname = 'municipality_isolation') AS has_policy,
      c.relrowsecurity AND c.relforcerowsecurity AS forced
    FROM pg_class c WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind = 'r'
    ORDER BY c.relname`.execute(db);
  const out: { table: string; missing: string }[] = [];
  for (const r of rows) {
    if ((globalTables as readonly string[]).includes(r.table)) continue;
    if (!r.has_column) out.push({ table: r.table, missing: 'municipality_code' });
    else if (!r.has_policy) out.push({ table: r.table, missing: 'policy' });
    else if (!r.forced) out.push({ table: r.table, missing: 'row level security' });
  }
  return out;
}

/** A plan names a municipality other than the one the work is bound to (or than the install's only one). */
export class PlanMunicipalityMismatch extends Error {
  constructor(
    readonly bound: string,
    readonly named: string,
  ) {
    super(`the plan is for municipality ${named}, this work is for ${bound}`);
  }
}

/** With several municipalities, a plan for one that is not registered. */
export class MunicipalityNotRegistered extends Error {
  constructor(readonly code: string) {
    super(`municipality ${code} is not registered`);
  }
}

/**
 * Runs `fn` bound to the municipality a plan names. A database without any
 * municipality registers it first (its first plan: a new install). Bound work
 * must name the bound municipality; unbound work binds to the named one when
 * registered and, on a single-municipality install, only to that one.
 */
export async function inPlanMunicipality<T>(
  db: Kysely<Database>,
  m: { code: string; name: { ja: string; en?: string } },
  fn: () => Promise<T>,
): Promise<T> {
  const binding = currentBinding();
  if (binding?.kind === 'municipality') {
    if (binding.code !== m.code) throw new PlanMunicipalityMismatch(binding.code, m.code);
    return fn();
  }
  const { codes } = await readHostDirectory(db);
  if (codes.length === 0) await registerMunicipality(db, { code: m.code, name: m.name });
  else if (codes.length === 1 && codes[0] !== m.code && binding === undefined)
    throw new PlanMunicipalityMismatch(codes[0]!, m.code);
  else if (!codes.includes(m.code)) throw new MunicipalityNotRegistered(m.code);
  return withMunicipality(m.code, fn);
}

export interface MunicipalityAddresses {
  /** Registered municipalities, by code. */
  codes: string[];
  /** Each municipality's registered public URL (or null) and host names (sorted). */
  byCode: Map<string, { publicUrl: string | null; hosts: string[] }>;
}

/**
 * The registry's addresses (decision 0154), read through the caller's executor and binding
 * (a transaction of a bound municipality too: role `mirai_tenant` may read the registry).
 */
export async function readMunicipalityAddresses(
  db: Kysely<Database> | Transaction<Database>,
): Promise<MunicipalityAddresses> {
  const rows = await db.selectFrom('municipalities').select(['code', 'public_url']).orderBy('code').execute();
  const hosts = await db.selectFrom('municipality_hosts').selectAll().orderBy('host').execute();
  return {
    codes: rows.map((r) => r.code),
    byCode: new Map(
      rows.map((r) => [
        r.code,
        {
          publicUrl: r.public_url,
          hosts: hosts.filter((h) => h.municipality_code === r.code).map((h) => h.host),
        },
      ]),
    ),
  };
}
