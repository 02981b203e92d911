/**
 * The yearly evaluation cycle: rounds (one per plan and evaluated fiscal year,
 * with scope, due dates and the template set in force), sheets (content as
 * JSON, workflow state, optimistic-lock version), threaded comments, and the
 * medium-term reviews' recorded conclusions.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE evaluation_rounds (
        id text PRIMARY KEY,
        plan_id integer NOT NULL REFERENCES plans(id),
        fiscal_year integer NOT NULL,
        conducted_in_fiscal_year integer NOT NULL,
        opened_on text NOT NULL,
        scope jsonb NOT NULL,
        stages jsonb NOT NULL,
        templates jsonb NOT NULL,
        state text NOT NULL CHECK (state IN ('open', 'closed', 'published', 'locked')),
        version integer NOT NULL CHECK (version >= 1),
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, fiscal_year)
      )
    `,
    sql`
      CREATE TABLE evaluation_sheets (
        id text PRIMARY KEY,
        round_id text NOT NULL REFERENCES evaluation_rounds(id),
        kind text NOT NULL CHECK (kind IN ('project', 'measure')),
        code text NOT NULL,
        department_code text NOT NULL,
        state text NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        content jsonb NOT NULL,
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (round_id, kind, code)
      )
    `,
    sql`CREATE INDEX evaluation_sheets_department ON evaluation_sheets (round_id, department_code)`,
    sql`
      CREATE TABLE evaluation_comments (
        id text PRIMARY KEY,
        sheet_id text NOT NULL REFERENCES evaluation_sheets(id),
        parent_id text REFERENCES evaluation_comments(id),
        author jsonb NOT NULL,
        at timestamptz NOT NULL,
        text text NOT NULL
      )
    `,
    sql`CREATE INDEX evaluation_comments_sheet ON evaluation_comments (sheet_id)`,
    sql`
      CREATE TABLE evaluation_reviews (
        plan_id integer NOT NULL REFERENCES plans(id),
        phase integer NOT NULL,
        conclusions jsonb NOT NULL,
        version integer NOT NULL CHECK (version >= 1),
        updated_by text NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (plan_id, phase)
      )
    `,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'evaluation_reviews',
    'evaluation_comments',
    'evaluation_sheets',
    'evaluation_rounds',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.id(table)}`.execute(db);
  }
}
