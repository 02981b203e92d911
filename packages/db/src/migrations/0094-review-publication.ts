/**
 * A medium-term review can be published (decision 0149): when and by whom. Once published its
 * conclusions are final and its report is public; null while it is the planning division's
 * working notes.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE evaluation_reviews ADD COLUMN published_at timestamptz, ADD COLUMN published_by text`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE evaluation_reviews DROP COLUMN published_by, DROP COLUMN published_at`.execute(db);
}
