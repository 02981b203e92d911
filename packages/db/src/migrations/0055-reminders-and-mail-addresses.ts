/**
 * Reminders by e-mail: an account's e-mail address (optional; reminders and
 * workflow notices are mailed to it), and a round's reminder days (days
 * before a stage's due date, negative after it; null: the default 7, 1, -1, -7).
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN email text`.execute(db);
  await sql`ALTER TABLE evaluation_rounds ADD COLUMN reminder_days jsonb`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE evaluation_rounds DROP COLUMN reminder_days`.execute(db);
  await sql`ALTER TABLE users DROP COLUMN email`.execute(db);
}
