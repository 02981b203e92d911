/**
 * Staged rows of an import of actual values (decision 0099): a long import
 * writes its checked rows here in short statements, then moves them into
 * `indicator_actuals` with one `INSERT … SELECT` in a short transaction, so on
 * the embedded database (one connection) reads are answered between the
 * batches and the import is still seen all at once or not at all. Rows are
 * keyed by the import (its job); a left-over key is removed when it runs again.
 *
 * The current values (migration 0060) are kept by a statement trigger reading
 * the inserted rows as a set, instead of a function call per row: a move of
 * 10,000 rows is then two set statements, not 20,000, and keeps its
 * transaction short. Same result for one row and for many; the row belongs to
 * the municipality of its value (as since migration 0090).
 */
import { type Kysely, sql } from 'kysely';
import { makeTenantTable } from '../tenancy/tenant-table';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE actual_import_rows (
      staging_key text NOT NULL,
      ordinal integer NOT NULL,
      staged_at timestamptz NOT NULL DEFAULT now(),
      plan_id integer NOT NULL,
      indicator_code text NOT NULL,
      fiscal_year integer NOT NULL,
      ref_date text,
      area_code text,
      value double precision NOT NULL,
      source text NOT NULL,
      note text,
      entered_by text NOT NULL,
      entered_at timestamptz NOT NULL,
      supersedes bigint,
      import_batch text,
      PRIMARY KEY (staging_key, ordinal)
    )`.execute(db);
  await makeTenantTable(db, 'actual_import_rows');
  await sql`DROP TRIGGER indicator_actuals_current ON indicator_actuals`.execute(db);
  await sql`DROP FUNCTION current_actuals_follow()`.execute(db);
  await sql`
    CREATE FUNCTION current_actuals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM current_actuals c USING new_rows n WHERE c.actual_id = n.supersedes;
      INSERT INTO current_actuals (actual_id, plan_id, indicator_code, municipality_code)
        SELECT n.id, n.plan_id, n.indicator_code, n.municipality_code FROM new_rows n
        WHERE NOT EXISTS (SELECT 1 FROM new_rows m WHERE m.supersedes = n.id);
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER indicator_actuals_current AFTER INSERT ON indicator_actuals
      REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION current_actuals_follow()`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE actual_import_rows`.execute(db);
  await sql`DROP TRIGGER indicator_actuals_current ON indicator_actuals`.execute(db);
  await sql`DROP FUNCTION current_actuals_follow()`.execute(db);
  await sql`
    CREATE FUNCTION current_actuals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF NEW.supersedes IS NOT NULL THEN
        DELETE FROM current_actuals WHERE actual_id = NEW.supersedes;
      END IF;
      INSERT INTO current_actuals (actual_id, plan_id, indicator_code, municipality_code)
        VALUES (NEW.id, NEW.plan_id, NEW.indicator_code, NEW.municipality_code);
      RETURN NULL;
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER indicator_actuals_current AFTER INSERT ON indicator_actuals
      FOR EACH ROW EXECUTE FUNCTION current_actuals_follow()`.execute(db);
}
