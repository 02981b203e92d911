/**
 * Survey waves: fieldwork and sampling frame, the questions asked (wording,
 * scale, anchors), responses without personal identifiers, invitation counts
 * by stratum (for response rates) and the population cells used to calibrate.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE survey_waves (
        id serial PRIMARY KEY,
        plan_id integer NOT NULL REFERENCES plans(id),
        code text NOT NULL,
        title text NOT NULL,
        fieldwork_start text,
        fieldwork_end text,
        sampling_frame text,
        invitations integer CHECK (invitations IS NULL OR invitations >= 0),
        questions jsonb NOT NULL,
        attributes jsonb NOT NULL,
        weight_column text,
        calibration jsonb,
        status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published')),
        version integer NOT NULL DEFAULT 1,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, code)
      )
    `,
    sql`
      CREATE TABLE survey_responses (
        wave_id integer NOT NULL REFERENCES survey_waves(id),
        respondent_no integer NOT NULL,
        weight double precision CHECK (weight IS NULL OR weight > 0),
        attributes jsonb NOT NULL,
        answers jsonb NOT NULL,
        PRIMARY KEY (wave_id, respondent_no)
      )
    `,
    sql`
      CREATE TABLE survey_invitations (
        wave_id integer NOT NULL REFERENCES survey_waves(id),
        variable text NOT NULL,
        level text NOT NULL,
        invited integer NOT NULL CHECK (invited >= 0),
        PRIMARY KEY (wave_id, variable, level)
      )
    `,
    sql`
      CREATE TABLE survey_population_cells (
        wave_id integer NOT NULL REFERENCES survey_waves(id),
        cell jsonb NOT NULL,
        count double precision NOT NULL CHECK (count >= 0),
        source text
      )
    `,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['survey_population_cells', 'survey_invitations', 'survey_responses', 'survey_waves']) {
    await sql`DROP TABLE ${sql.id(table)}`.execute(db);
  }
}
