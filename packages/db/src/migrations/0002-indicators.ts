/**
 * Indicators: definitions synced from the plan document (with targets per
 * fiscal year), and actual values as append-only versions. A correction is a
 * new row naming the row it supersedes; each row can be superseded once, and
 * each key (indicator, fiscal year, date, area) has one first version.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE indicator_definitions (
        plan_id integer NOT NULL REFERENCES plans(id),
        code text NOT NULL,
        plan_version integer NOT NULL,
        name_ja text NOT NULL,
        name_en text,
        unit_ja text NOT NULL,
        kind text NOT NULL CHECK (kind IN ('statistic', 'survey', 'administrative')),
        direction text NOT NULL CHECK (direction IN ('higher-is-better', 'lower-is-better', 'within-band')),
        frequency text NOT NULL CHECK (frequency IN ('yearly', 'quarterly', 'census', 'irregular')),
        serves text NOT NULL,
        owner_department text,
        definition jsonb NOT NULL,
        retired boolean NOT NULL DEFAULT false,
        PRIMARY KEY (plan_id, code)
      )
    `,
    sql`
      CREATE TABLE indicator_targets (
        plan_id integer NOT NULL,
        indicator_code text NOT NULL,
        fiscal_year integer NOT NULL,
        value double precision NOT NULL,
        comparison text,
        is_final boolean NOT NULL DEFAULT false,
        PRIMARY KEY (plan_id, indicator_code, fiscal_year),
        FOREIGN KEY (plan_id, indicator_code) REFERENCES indicator_definitions (plan_id, code)
      )
    `,
    sql`
      CREATE TABLE indicator_actuals (
        id bigserial PRIMARY KEY,
        plan_id integer NOT NULL,
        indicator_code text NOT NULL,
        fiscal_year integer NOT NULL,
        ref_date text CHECK (ref_date IS NULL OR ref_date ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'),
        area_code text,
        value double precision NOT NULL,
        ci_lower double precision,
        ci_upper double precision,
        sample_size integer,
        source text NOT NULL,
        note text,
        entered_by text NOT NULL,
        entered_at timestamptz NOT NULL DEFAULT now(),
        supersedes bigint UNIQUE REFERENCES indicator_actuals(id),
        import_batch text,
        FOREIGN KEY (plan_id, indicator_code) REFERENCES indicator_definitions (plan_id, code),
        CHECK (ci_lower IS NULL OR ci_upper IS NULL OR ci_lower <= ci_upper)
      )
    `,
    sql`
      CREATE UNIQUE INDEX indicator_actuals_first_version ON indicator_actuals
        (plan_id, indicator_code, fiscal_year, coalesce(ref_date, ''), coalesce(area_code, ''))
        WHERE supersedes IS NULL
    `,
    sql`
      CREATE INDEX indicator_actuals_lookup ON indicator_actuals (plan_id, indicator_code, fiscal_year)
    `,
    sql`
      CREATE FUNCTION indicator_actuals_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'indicator_actuals is append-only: record a correction instead';
      END $$
    `,
    sql`
      CREATE TRIGGER indicator_actuals_no_update BEFORE UPDATE OR DELETE ON indicator_actuals
        FOR EACH ROW EXECUTE FUNCTION indicator_actuals_append_only()
    `,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['indicator_actuals', 'indicator_targets', 'indicator_definitions']) {
    await sql`DROP TABLE ${sql.id(table)}`.execute(db);
  }
  await sql`DROP FUNCTION indicator_actuals_append_only()`.execute(db);
}
