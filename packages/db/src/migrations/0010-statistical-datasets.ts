/**
 * Statistical data sets per municipality, read by the public pages and the
 * engine instead of repository files: the census by sex and five-year age,
 * IPSS projection tables, named baseline series, district samples and the
 * plan's published happiness table. Each is one table as its open-data file
 * (column names and rows of text), with its provenance; a re-import replaces
 * it as the next version, audited.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE statistical_datasets (
        id serial PRIMARY KEY,
        municipality_code text NOT NULL,
        code text NOT NULL,
        kind text NOT NULL,
        title jsonb NOT NULL,
        source text NOT NULL,
        note text,
        sample boolean NOT NULL DEFAULT false,
        file_name text NOT NULL,
        meta jsonb NOT NULL DEFAULT '{}',
        columns jsonb NOT NULL,
        rows jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (municipality_code, code)
      )
    `,
    sql`CREATE UNIQUE INDEX statistical_datasets_file ON statistical_datasets (municipality_code, file_name)`,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE statistical_datasets`.execute(db);
}
