/**
 * The current values carry their own columns (decision 0152): `current_actuals`
 * (migration 0060) held only the id of each current version, so a read of a
 * plan's current values probed `indicator_actuals` once per value (10,000
 * probes at 130,000 versions). Now the row is a copy of the current version,
 * kept by the same statement trigger (migration 0091) in the same transaction,
 * so that read is one range scan of one table. The history stays append-only
 * in `indicator_actuals`; this table is derived from it (not backed up, refilled
 * by the trigger on restore). Existing rows are filled in one set-based update.
 */
import { type Kysely, sql } from 'kysely';

/** The copied columns, in `indicator_actuals`' order (its id is `actual_id`). */
const columns = [
  ['fiscal_year', 'integer', true],
  ['ref_date', 'text', false],
  ['area_code', 'text', false],
  ['value', 'double precision', true],
  ['ci_lower', 'double precision', false],
  ['ci_upper', 'double precision', false],
  ['sample_size', 'integer', false],
  ['source', 'text', true],
  ['note', 'text', false],
  ['entered_by', 'text', true],
  ['entered_at', 'timestamptz', true],
  ['supersedes', 'bigint', false],
  ['import_batch', 'text', false],
] as const;

const names = columns.map(([c]) => c);
const list = (prefix: string) => sql.raw(names.map((c) => `${prefix}${c}`).join(', '));

/** The statement trigger's function (0091's), copying the listed columns of the new rows too. */
const follow = (copied: readonly string[]) => {
  const extra = (prefix: string) => sql.raw(copied.map((c) => `, ${prefix}${c}`).join(''));
  return sql`
    CREATE OR REPLACE FUNCTION current_actuals_follow() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      DELETE FROM current_actuals c USING new_rows n WHERE c.actual_id = n.supersedes;
      INSERT INTO current_actuals (actual_id, plan_id, indicator_code, municipality_code${extra('')})
        SELECT n.id, n.plan_id, n.indicator_code, n.municipality_code${extra('n.')} FROM new_rows n
        WHERE NOT EXISTS (SELECT 1 FROM new_rows m WHERE m.supersedes = n.id);
      RETURN NULL;
    END $$`;
};

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const [name, type] of columns)
    await sql`ALTER TABLE current_actuals ADD COLUMN ${sql.id(name)} ${sql.raw(type)}`.execute(db);
  await sql`
    UPDATE current_actuals c SET (${list('')}) = (${list('a.')})
    FROM indicator_actuals a WHERE a.id = c.actual_id`.execute(db);
  for (const [name, , required] of columns)
    if (required)
      await sql`ALTER TABLE current_actuals ALTER COLUMN ${sql.id(name)} SET NOT NULL`.execute(db);
  await follow(names).execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await follow([]).execute(db);
  for (const name of names) await sql`ALTER TABLE current_actuals DROP COLUMN ${sql.id(name)}`.execute(db);
}
