/**
 * The current version of each actual value, kept beside the append-only
 * history: a row per value that no later version supersedes. A trigger on
 * `indicator_actuals` keeps it in the same transaction as the new version (a
 * correction swaps the superseded row for the new one), so reads of current
 * values never scan every version. Filled from the history once here.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE current_actuals (
        actual_id bigint PRIMARY KEY REFERENCES indicator_actuals(id),
        plan_id integer NOT NULL,
        indicator_code text NOT NULL
      )
    `,
    sql`CREATE INDEX current_actuals_by_indicator ON current_actuals (plan_id, indicator_code)`,
    sql`
      INSERT INTO current_actuals (actual_id, plan_id, indicator_code)
      SELECT a.id, a.plan_id, a.indicator_code FROM indicator_actuals a
      WHERE NOT EXISTS (SELECT 1 FROM indicator_actuals s WHERE s.supersedes = a.id)
    `,
    sql`
      CREATE FUNCTION current_actuals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF NEW.supersedes IS NOT NULL THEN
          DELETE FROM current_actuals WHERE actual_id = NEW.supersedes;
        END IF;
        INSERT INTO current_actuals (actual_id, plan_id, indicator_code)
          VALUES (NEW.id, NEW.plan_id, NEW.indicator_code);
        RETURN NULL;
      END $$
    `,
    sql`
      CREATE TRIGGER indicator_actuals_current AFTER INSERT ON indicator_actuals
        FOR EACH ROW EXECUTE FUNCTION current_actuals_follow()
    `,
    // All of a plan's versions in id order (imports and the history), without a sort.
    sql`CREATE INDEX IF NOT EXISTS indicator_actuals_plan_id ON indicator_actuals (plan_id, id)`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TRIGGER indicator_actuals_current ON indicator_actuals`.execute(db);
  await sql`DROP FUNCTION current_actuals_follow()`.execute(db);
  await sql`DROP TABLE current_actuals`.execute(db);
  await sql`DROP INDEX IF EXISTS indicator_actuals_plan_id`.execute(db);
}
