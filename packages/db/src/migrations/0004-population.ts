/**
 * Population scenarios (named, with their base spec, levers and provenance)
 * and the projections run from them, kept with who ran them and when.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE population_scenarios (
        id serial PRIMARY KEY,
        plan_id integer NOT NULL REFERENCES plans(id),
        code text NOT NULL,
        name text NOT NULL,
        description text,
        area text NOT NULL,
        spec jsonb NOT NULL,
        scenario jsonb NOT NULL,
        provenance jsonb NOT NULL,
        sample boolean NOT NULL DEFAULT false,
        version integer NOT NULL DEFAULT 1,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, code)
      )
    `,
    sql`
      CREATE TABLE population_projections (
        id serial PRIMARY KEY,
        scenario_id integer NOT NULL REFERENCES population_scenarios(id),
        scenario_version integer NOT NULL,
        result jsonb NOT NULL,
        warnings jsonb NOT NULL DEFAULT '[]',
        run_by text NOT NULL,
        run_at timestamptz NOT NULL DEFAULT now()
      )
    `,
    sql`CREATE INDEX population_projections_scenario ON population_projections (scenario_id, run_at)`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE population_projections`.execute(db);
  await sql`DROP TABLE population_scenarios`.execute(db);
}
