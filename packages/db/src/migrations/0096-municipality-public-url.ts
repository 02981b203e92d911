/**
 * A public URL per municipality (decision 0154): the address its links in e-mail name, its CSRF
 * origin and whether its cookies are Secure. Null: derived from its first host name and the
 * configured scheme (or, on a single-municipality install, MIRAI_PUBLIC_URL as before).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE municipalities ADD COLUMN public_url text`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE municipalities DROP COLUMN public_url`.execute(db);
}
