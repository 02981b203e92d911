/**
 * Restoring one municipality without locking a table for all (decision 0160): the triggers that
 * keep the audit trail, actual values and co-creation records append-only let a DELETE through
 * when the row's municipality is the one this transaction is restoring
 * (`set_config('mirai.restoring', code, true)`) and the work is not tenant work (role
 * `mirai_tenant`, which application requests take, may set the setting but is still refused).
 * Every UPDATE, and every other DELETE, is refused as before.
 */
import { type Kysely, sql } from 'kysely';

/** [function, message of the refusal (a PL/pgSQL format string)]. */
const refusing: [string, string][] = [
  ['audit_log_append_only', `'audit_log is append-only'`],
  ['indicator_actuals_append_only', `'indicator_actuals is append-only: record a correction instead'`],
  ['cocreation_no_delete', `'% rows are never deleted', TG_TABLE_NAME`],
];

const restoring = sql.raw(`
        IF TG_OP = 'DELETE' AND current_user <> 'mirai_tenant'
           AND current_setting('mirai.restoring', true) <> ''
           AND OLD.municipality_code = current_setting('mirai.restoring', true) THEN
          RETURN OLD;
        END IF;`);

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [fn, message] of refusing) {
    await sql`
      CREATE OR REPLACE FUNCTION ${sql.id(fn)}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN${restoring}
        RAISE EXCEPTION ${sql.raw(message)};
      END $$`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const [fn, message] of refusing) {
    await sql`
      CREATE OR REPLACE FUNCTION ${sql.id(fn)}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION ${sql.raw(message)};
      END $$`.execute(db);
  }
}
