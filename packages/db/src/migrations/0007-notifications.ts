/**
 * In-app notifications: written in the same transaction as the event they
 * announce (a sheet submitted, returned, approved…), addressed to a role and
 * optionally one department; each account marks what it has read.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`
      CREATE TABLE notifications (
        id bigserial PRIMARY KEY,
        recipient_role text NOT NULL,
        recipient_department text,
        kind text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        message_ja text NOT NULL,
        message_en text NOT NULL,
        link text,
        actor text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )
    `,
    sql`CREATE INDEX notifications_recipient ON notifications (recipient_role, recipient_department, id)`,
    sql`
      CREATE TABLE notification_reads (
        notification_id bigint NOT NULL REFERENCES notifications(id),
        user_id integer NOT NULL,
        read_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (notification_id, user_id)
      )
    `,
  ]) {
    await statement.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE notification_reads`.execute(db);
  await sql`DROP TABLE notifications`.execute(db);
}
