/**
 * Area boundaries per municipality: a GeoJSON file's polygons by area code,
 * with the file's source and licence, stored whole as one version (importing
 * again adds the next version; the newest is current). Nothing is fetched at
 * run time: the map is drawn from these rows.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE area_boundaries (
      id serial PRIMARY KEY,
      municipality_code text NOT NULL,
      version integer NOT NULL,
      source text NOT NULL,
      licence text NOT NULL,
      sample boolean NOT NULL DEFAULT false,
      file_name text NOT NULL,
      features jsonb NOT NULL,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (municipality_code, version)
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE area_boundaries`.execute(db);
}
