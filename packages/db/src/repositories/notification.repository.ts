/** In-app notifications addressed to a role (and a department), and who has read them. */
import { type Generated, type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema';

export interface NotificationTables {
  notifications: {
    id: Generated<string>;
    recipient_role: string;
    recipient_department: string | null;
    kind: string;
    entity_type: string;
    entity_id: string;
    message_ja: string;
    message_en: string;
    link: string | null;
    actor: string;
    created_at: Generated<Date>;
  };
  notification_reads: { notification_id: string; user_id: number; read_at: Generated<Date> };
}

type Db = Kysely<Database> | Transaction<Database>;

export interface NewNotification {
  recipientRole: string;
  recipientDepartment?: string;
  kind: string;
  entityType: string;
  entityId: string;
  message: { ja: string; en: string };
  link?: string;
  actor: string;
}

export async function insertNotifications(tx: Transaction<Database>, rows: readonly NewNotification[]) {
  if (rows.length === 0) return;
  await tx
    .insertInto('notifications')
    .values(
      rows.map((n) => ({
        recipient_role: n.recipientRole,
        recipient_department: n.recipientDepartment ?? null,
        kind: n.kind,
        entity_type: n.entityType,
        entity_id: n.entityId,
        message_ja: n.message.ja,
        message_en: n.message.en,
        link: n.link ?? null,
        actor: n.actor,
      })),
    )
    .execute();
}

/** Notifications for accounts in `roles` (and `department`, when addressed to one), newest first. */
export async function listNotifications(
  db: Db,
  q: {
    userId: number;
    roles: readonly string[];
    department: string | null;
    /** Every department's rows of the roles (an account of a reviewing role without a department). */
    allDepartments?: boolean;
    limit?: number;
  },
) {
  if (q.roles.length === 0) return [];
  return db
    .selectFrom('notifications as n')
    .leftJoin('notification_reads as r', (j) =>
      j.onRef('r.notification_id', '=', 'n.id').on('r.user_id', '=', q.userId),
    )
    .select([
      'n.id',
      'n.kind',
      'n.entity_type',
      'n.entity_id',
      'n.message_ja',
      'n.message_en',
      'n.link',
      'n.actor',
      'n.created_at',
      'r.read_at',
    ])
    .where('n.recipient_role', 'in', [...q.roles])
    .where((eb) =>
      q.allDepartments
        ? eb.lit(true)
        : q.department === null
          ? eb('n.recipient_department', 'is', null)
          : eb.or([
              eb('n.recipient_department', 'is', null),
              eb('n.recipient_department', '=', q.department),
            ]),
    )
    .orderBy('n.id', 'desc')
    .limit(q.limit ?? 100)
    .execute();
}

/** Marks a notification read for a user; false when it does not exist. */
export async function markNotificationRead(tx: Transaction<Database>, id: string, userId: number) {
  const exists = await tx.selectFrom('notifications').select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) return false;
  await sql`INSERT INTO notification_reads (notification_id, user_id) VALUES (${id}, ${userId})
    ON CONFLICT DO NOTHING`.execute(tx);
  return true;
}

export async function notificationExists(db: Db, kind: string, entityId: string): Promise<boolean> {
  const row = await db
    .selectFrom('notifications')
    .select('id')
    .where('kind', '=', kind)
    .where('entity_id', '=', entityId)
    .executeTakeFirst();
  return row !== undefined;
}
