/**
 * The register of sectoral plans (個別計画): one row per plan, its document
 * (period, department, links, own indicators) as JSON, versioned for
 * optimistic locking; drafts are for staff, published ones for the public.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sectoral_plans (
      code text PRIMARY KEY,
      status text NOT NULL CHECK (status IN ('draft', 'published')),
      document jsonb NOT NULL,
      version integer NOT NULL DEFAULT 1,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE sectoral_plans`.execute(db);
}
