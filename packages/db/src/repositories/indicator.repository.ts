/**
 * Indicator definitions (synced from the plan document), their targets, and
 * actual values as append-only versions. The tables' Kysely types live here
 * with the repository; callers pass the shared database handle.
 */
import type { ActualVersion, IndicatorDefinition } from '@mirai/core';
import {
  type ColumnType,
  type Generated,
  type JSONColumnType,
  type Kysely,
  type Selectable,
  sql,
  type Transaction,
} from 'kysely';
import { isEmbedded } from '../embedded';
import type { Database } from '../schema';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface IndicatorDefinitionsTable {
  plan_id: number;
  code: string;
  plan_version: number;
  name_ja: string;
  name_en: string | null;
  unit_ja: string;
  kind: string;
  direction: string;
  frequency: string;
  serves: string;
  owner_department: string | null;
  definition: JSONColumnType<IndicatorDefinition>;
  retired: boolean;
}

export interface IndicatorTargetsTable {
  plan_id: number;
  indicator_code: string;
  fiscal_year: number;
  value: number;
  comparison: string | null;
  is_final: boolean;
}

export interface IndicatorActualsTable {
  id: Generated<string>;
  plan_id: number;
  indicator_code: string;
  fiscal_year: number;
  ref_date: string | null;
  area_code: string | null;
  value: number;
  ci_lower: number | null;
  ci_upper: number | null;
  sample_size: number | null;
  source: string;
  note: string | null;
  entered_by: string;
  entered_at: Timestamp;
  supersedes: string | null;
  import_batch: string | null;
}

/**
 * The current version of each value, a copy of its `indicator_actuals` row (migrations 0060, 0093;
 * kept by a trigger, never written here).
 */
export interface CurrentActualsTable extends Omit<IndicatorActualsTable, 'id'> {
  actual_id: string;
}

export interface IndicatorTables {
  indicator_definitions: IndicatorDefinitionsTable;
  indicator_targets: IndicatorTargetsTable;
  indicator_actuals: IndicatorActualsTable;
  current_actuals: CurrentActualsTable;
}

type Db = Kysely<Database> | Transaction<Database>;
type IDb = Kysely<Database & IndicatorTables>;
const widen = (db: Db) => db as unknown as IDb;

/** The plan version the stored definitions were last synced from, if any. */
export async function indicatorDefinitionsVersion(db: Db, planId: number): Promise<number | undefined> {
  const row = await widen(db)
    .selectFrom('indicator_definitions')
    .select((eb) => eb.fn.max('plan_version').as('v'))
    .where('plan_id', '=', planId)
    .executeTakeFirst();
  return row?.v === null || row?.v === undefined ? undefined : Number(row.v);
}

/**
 * Makes the stored definitions and targets those of a plan version. Definitions
 * no longer in the plan are kept (their actuals stay) and marked retired.
 * Concurrent callers (two first reads at once on PostgreSQL) queue on the plan's
 * row; the later one finds the work done and writes nothing.
 */
export async function syncIndicatorDefinitions(
  tx: Transaction<Database>,
  planId: number,
  planVersion: number,
  definitions: readonly IndicatorDefinition[],
): Promise<void> {
  const t = widen(tx);
  await t.selectFrom('plans').select('id').where('id', '=', planId).forUpdate().execute();
  if ((await indicatorDefinitionsVersion(tx, planId)) === planVersion) return;
  await t.updateTable('indicator_definitions').set({ retired: true }).where('plan_id', '=', planId).execute();
  await t.deleteFrom('indicator_targets').where('plan_id', '=', planId).execute();
  for (const d of definitions) {
    const row = {
      plan_id: planId,
      code: d.code,
      plan_version: planVersion,
      name_ja: d.name.ja,
      name_en: d.name.en ?? null,
      unit_ja: d.unit.ja,
      kind: d.kind,
      direction: d.direction,
      frequency: d.frequency,
      serves: d.serves,
      owner_department: d.ownerDepartment ?? null,
      definition: JSON.stringify(d) as never,
      retired: false,
    };
    await t
      .insertInto('indicator_definitions')
      .values(row)
      .onConflict((oc) => oc.columns(['plan_id', 'code']).doUpdateSet(row))
      .execute();
    const targets = new Map(d.targets.map((x) => [x.fiscalYear, { ...x, final: false }]));
    if (d.finalTarget) targets.set(d.finalTarget.fiscalYear, { ...d.finalTarget, final: true });
    if (targets.size > 0) {
      await t
        .insertInto('indicator_targets')
        .values(
          [...targets.values()].map((x) => ({
            plan_id: planId,
            indicator_code: d.code,
            fiscal_year: x.fiscalYear,
            value: x.value,
            comparison: x.comparison ?? null,
            is_final: x.final,
          })),
        )
        .execute();
    }
  }
}

export interface StoredIndicatorDefinition {
  definition: IndicatorDefinition;
  planVersion: number;
  retired: boolean;
}

export async function listIndicatorDefinitions(db: Db, planId: number): Promise<StoredIndicatorDefinition[]> {
  const rows = await widen(db)
    .selectFrom('indicator_definitions')
    .select(['definition', 'plan_version', 'retired'])
    .where('plan_id', '=', planId)
    .execute();
  return rows.map((r) => ({ definition: r.definition, planVersion: r.plan_version, retired: r.retired }));
}

const toVersion = (r: Selectable<IndicatorActualsTable>): ActualVersion => {
  const v: ActualVersion = {
    id: String(r.id),
    indicatorCode: r.indicator_code,
    fiscalYear: r.fiscal_year,
    value: r.value,
    source: r.source,
    enteredBy: r.entered_by,
    enteredAt: new Date(r.entered_at).toISOString(),
  };
  if (r.ref_date !== null) v.date = r.ref_date;
  if (r.area_code !== null) v.area = r.area_code;
  if (r.ci_lower !== null && r.ci_upper !== null) v.ci = { lower: r.ci_lower, upper: r.ci_upper };
  if (r.sample_size !== null) v.sampleSize = r.sample_size;
  if (r.note !== null) v.note = r.note;
  if (r.supersedes !== null) v.supersedes = String(r.supersedes);
  return v;
};

/**
 * A plan's actual values in id order: every version, or with `current` only the
 * versions nothing supersedes (`current_actuals`, a copy kept by a trigger, so a
 * read neither scans the history nor probes it once per value).
 */
export async function listActualVersions(
  db: Db,
  planId: number,
  opts: { indicatorCodes?: string[]; current?: boolean } = {},
): Promise<ActualVersion[]> {
  if (opts.indicatorCodes?.length === 0) return [];
  if (opts.current) return listCurrentVersions(db, planId, opts.indicatorCodes);
  let q = widen(db)
    .selectFrom('indicator_actuals')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('id', 'asc');
  if (opts.indicatorCodes) q = q.where('indicator_code', 'in', opts.indicatorCodes);
  return (await q.execute()).map(toVersion);
}

/** The columns of a current value as one JSON array, in `fromJsonRow`'s order. */
const jsonRow = sql`json_build_array(actual_id::text, indicator_code, fiscal_year, value, source, entered_by,
  to_char(entered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), ref_date, area_code, ci_lower, ci_upper,
  sample_size, note, supersedes::text)`;

type JsonRow = [
  string,
  string,
  number,
  number,
  string,
  string,
  string,
  string | null,
  string | null,
  number | null,
  number | null,
  number | null,
  string | null,
  string | null,
];

const fromJsonRow = (r: JsonRow): ActualVersion => {
  const [id, indicatorCode, fiscalYear, value, source, enteredBy, enteredAt] = r;
  const [, , , , , , , date, area, lower, upper, sampleSize, note, supersedes] = r;
  const v: ActualVersion = { id, indicatorCode, fiscalYear, value, source, enteredBy, enteredAt };
  if (date !== null) v.date = date;
  if (area !== null) v.area = area;
  if (lower !== null && upper !== null) v.ci = { lower, upper };
  if (sampleSize !== null) v.sampleSize = sampleSize;
  if (note !== null) v.note = note;
  if (supersedes !== null) v.supersedes = supersedes;
  return v;
};

/** A current value as a server's row (the same columns as `jsonRow`, named). */
interface CurrentRow {
  id: string;
  indicator_code: string;
  fiscal_year: number;
  value: number;
  source: string;
  entered_by: string;
  entered_at: string;
  ref_date: string | null;
  area_code: string | null;
  ci_lower: number | null;
  ci_upper: number | null;
  sample_size: number | null;
  note: string | null;
  supersedes: string | null;
}

const fromCurrentRow = (r: CurrentRow): ActualVersion => {
  const v: ActualVersion = {
    id: r.id,
    indicatorCode: r.indicator_code,
    fiscalYear: r.fiscal_year,
    value: r.value,
    source: r.source,
    enteredBy: r.entered_by,
    enteredAt: r.entered_at,
  };
  if (r.ref_date !== null) v.date = r.ref_date;
  if (r.area_code !== null) v.area = r.area_code;
  if (r.ci_lower !== null && r.ci_upper !== null) v.ci = { lower: r.ci_lower, upper: r.ci_upper };
  if (r.sample_size !== null) v.sampleSize = r.sample_size;
  if (r.note !== null) v.note = r.note;
  if (r.supersedes !== null) v.supersedes = r.supersedes;
  return v;
};

/**
 * A plan's current values. On the embedded database as one JSON text, not 10,000 rows: there
 * decoding a result costs per field, several times the query itself (decision 0152). On a server
 * as rows: there building the JSON took the server longer than sending the rows (2,700 values:
 * about 9 ms against 5; decision 0153). Both give what `toVersion` makes from the history's rows
 * (the time in UTC to the millisecond, as a Date holds it).
 */
async function listCurrentVersions(db: Db, planId: number, codes?: string[]): Promise<ActualVersion[]> {
  const only = codes ? sql`AND indicator_code IN (${sql.join(codes)})` : sql``;
  if (!isEmbedded(db)) {
    const { rows } = await sql<CurrentRow>`
      SELECT actual_id::text AS id, indicator_code, fiscal_year, value, source, entered_by,
        to_char(entered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS entered_at, ref_date,
        area_code, ci_lower, ci_upper, sample_size, note, supersedes::text AS supersedes
      FROM current_actuals WHERE plan_id = ${planId} ${only} ORDER BY actual_id`.execute(db);
    return rows.map(fromCurrentRow);
  }
  const { rows } = await sql<{ rows: string }>`
    SELECT coalesce(json_agg(${jsonRow} ORDER BY actual_id), '[]')::text AS rows
    FROM current_actuals WHERE plan_id = ${planId} ${only}`.execute(db);
  return (JSON.parse(rows[0]!.rows) as JsonRow[]).map(fromJsonRow);
}

export async function findActualVersion(
  db: Db,
  planId: number,
  id: string,
): Promise<ActualVersion | undefined> {
  if (!/^\d+$/.test(id)) return undefined;
  const row = await widen(db)
    .selectFrom('indicator_actuals')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? toVersion(row) : undefined;
}

export type NewActualRow = Omit<ActualVersion, 'id'>;

/** Appends versions in batches; returns their ids in order. */
export async function insertActualVersions(
  tx: Transaction<Database>,
  planId: number,
  rows: readonly NewActualRow[],
  importBatch?: string,
): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < rows.length; i += 1000) {
    const chunk = rows.slice(i, i + 1000).map((r) => ({
      plan_id: planId,
      indicator_code: r.indicatorCode,
      fiscal_year: r.fiscalYear,
      ref_date: r.date ?? null,
      area_code: r.area ?? null,
      value: r.value,
      ci_lower: r.ci?.lower ?? null,
      ci_upper: r.ci?.upper ?? null,
      sample_size: r.sampleSize ?? null,
      source: r.source,
      note: r.note ?? null,
      entered_by: r.enteredBy,
      entered_at: r.enteredAt,
      supersedes: r.supersedes ?? null,
      import_batch: importBatch ?? null,
    }));
    const inserted = await widen(tx).insertInto('indicator_actuals').values(chunk).returning('id').execute();
    ids.push(...inserted.map((x) => String(x.id)));
  }
  return ids;
}
