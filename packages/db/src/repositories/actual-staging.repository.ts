/**
 * Staged rows of an import of actual values (migration 0091, decision 0099):
 * written in short statements outside the import's transaction, then moved
 * into `indicator_actuals` by one `INSERT … SELECT` inside it (the trigger of
 * migration 0060 keeps the current values as for any insert).
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema';
import type { NewActualRow } from './indicator.repository';

type Db = Kysely<Database> | Transaction<Database>;

/** A staged row: the staging table holds no interval nor sample size (an import of actual values has neither). */
export type StagedActualRow = Omit<NewActualRow, 'ci' | 'sampleSize'>;

/** Stages rows `ordinal`, `ordinal + 1`, … of an import under its key (one statement). */
export async function stageActualRows(
  db: Db,
  key: string,
  planId: number,
  ordinal: number,
  rows: readonly StagedActualRow[],
  importBatch: string,
): Promise<void> {
  if (rows.length === 0) return;
  const values = rows.map(
    (r, i) =>
      sql`(${key}, ${ordinal + i}, ${planId}, ${r.indicatorCode}, ${r.fiscalYear}, ${r.date ?? null},
        ${r.area ?? null}, ${r.value}, ${r.source}, ${r.note ?? null}, ${r.enteredBy}, ${r.enteredAt}::timestamptz,
        ${r.supersedes ?? null}::bigint, ${importBatch})`,
  );
  await sql`
    INSERT INTO actual_import_rows (staging_key, ordinal, plan_id, indicator_code, fiscal_year, ref_date,
      area_code, value, source, note, entered_by, entered_at, supersedes, import_batch)
    VALUES ${sql.join(values)}`.execute(db);
}

/** Moves an import's staged rows into the versions, in staging order; answers how many. */
export async function moveStagedActualRows(tx: Transaction<Database>, key: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    WITH moved AS (
      INSERT INTO indicator_actuals (plan_id, indicator_code, fiscal_year, ref_date, area_code, value, source,
        note, entered_by, entered_at, supersedes, import_batch)
      SELECT plan_id, indicator_code, fiscal_year, ref_date, area_code, value, source, note, entered_by,
        entered_at, supersedes, import_batch
      FROM actual_import_rows WHERE staging_key = ${key} ORDER BY ordinal
      RETURNING 1
    )
    SELECT count(*)::int AS n FROM moved`.execute(tx);
  await clearStagedActualRows(tx, key);
  return rows[0]?.n ?? 0;
}

/** Removes an import's staged rows (done, failed, or left by a kill), and any left for a day. */
export async function clearStagedActualRows(db: Db, key: string): Promise<void> {
  await sql`
    DELETE FROM actual_import_rows
    WHERE staging_key = ${key} OR staged_at < now() - interval '1 day'`.execute(db);
}
