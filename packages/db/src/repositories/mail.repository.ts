/**
 * The mail outbox table: messages queued by a transaction under an idempotency
 * key, claimed for delivery one at a time (FOR UPDATE SKIP LOCKED, so two
 * deliverers never take the same row), and finished as sent, held, failed,
 * retried later, or unknown (claimed but never finished: not sent again).
 */
import { type Generated, type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema';

export type MailStatus = 'pending' | 'sending' | 'sent' | 'held' | 'failed' | 'unknown';

export interface MailTables {
  mail_outbox: {
    id: Generated<string>;
    idempotency_key: string;
    kind: string;
    to_address: string;
    subject: string;
    text_body: string;
    headers: Generated<Record<string, string>>;
    status: Generated<MailStatus>;
    attempts: Generated<number>;
    last_error: string | null;
    message_id: string | null;
    created_at: Generated<Date>;
    next_attempt_at: Generated<Date>;
    claimed_at: Date | null;
    sent_at: Date | null;
  };
}

type Db = Kysely<Database> | Transaction<Database>;

export interface NewMail {
  idempotencyKey: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  headers?: Record<string, string>;
}

export interface OutboxRow {
  id: string;
  idempotencyKey: string;
  kind: string;
  to: string;
  subject: string;
  text: string;
  headers: Record<string, string>;
  status: MailStatus;
  attempts: number;
  lastError: string | null;
  messageId: string | null;
  createdAt: Date;
  sentAt: Date | null;
}

const toRow = (r: Record<string, unknown>): OutboxRow => ({
  id: String(r.id),
  idempotencyKey: r.idempotency_key as string,
  kind: r.kind as string,
  to: r.to_address as string,
  subject: r.subject as string,
  text: r.text_body as string,
  headers: (typeof r.headers === 'string' ? JSON.parse(r.headers) : r.headers) as Record<string, string>,
  status: r.status as MailStatus,
  attempts: Number(r.attempts),
  lastError: (r.last_error as string | null) ?? null,
  messageId: (r.message_id as string | null) ?? null,
  createdAt: new Date(r.created_at as string),
  sentAt: r.sent_at ? new Date(r.sent_at as string) : null,
});

/** Queues a message; false when one with the same key exists already (nothing changes). */
export async function enqueueMail(tx: Db, m: NewMail): Promise<boolean> {
  const { rows } = await sql<{ id: string }>`
    INSERT INTO mail_outbox (idempotency_key, kind, to_address, subject, text_body, headers)
    VALUES (${m.idempotencyKey}, ${m.kind}, ${m.to}, ${m.subject}, ${m.text}, ${JSON.stringify(m.headers ?? {})}::jsonb)
    ON CONFLICT (municipality_code, idempotency_key) DO NOTHING
    RETURNING id`.execute(tx);
  return rows.length === 1;
}

/** Takes up to `limit` due pending messages for delivery (status `sending`, one more attempt). */
export async function claimMail(db: Db, limit: number): Promise<OutboxRow[]> {
  const { rows } = await sql<Record<string, unknown>>`
    UPDATE mail_outbox SET status = 'sending', claimed_at = now(), attempts = attempts + 1
    WHERE id IN (
      SELECT id FROM mail_outbox WHERE status = 'pending' AND next_attempt_at <= now()
      ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(db);
  return rows.map(toRow).sort((a, b) => Number(a.id) - Number(b.id));
}

export type MailOutcome =
  | { status: 'sent'; messageId: string | null }
  | { status: 'failed' | 'unknown'; error: string }
  | { status: 'retry'; error: string; afterSeconds: number };

/** Finishes a claimed message. */
export async function finishMail(db: Db, id: string, o: MailOutcome): Promise<void> {
  if (o.status === 'sent') {
    await sql`UPDATE mail_outbox SET status = 'sent', sent_at = now(), message_id = ${o.messageId}, last_error = NULL
      WHERE id = ${id} AND status = 'sending'`.execute(db);
  } else if (o.status === 'retry') {
    await sql`UPDATE mail_outbox SET status = 'pending', last_error = ${o.error},
      next_attempt_at = now() + make_interval(secs => ${o.afterSeconds})
      WHERE id = ${id} AND status = 'sending'`.execute(db);
  } else {
    await sql`UPDATE mail_outbox SET status = ${o.status}, last_error = ${o.error}
      WHERE id = ${id} AND status = 'sending'`.execute(db);
  }
}

/** Without a transport: every pending message is held in the outbox (shown, never sent). */
export async function holdPendingMail(db: Db): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    UPDATE mail_outbox SET status = 'held' WHERE status = 'pending' RETURNING id`.execute(db);
  return rows.length;
}

/**
 * Messages claimed longer than `seconds` ago and never finished (the process
 * stopped mid-delivery) become `unknown`: they may have gone out, so they are
 * not sent again (at most once).
 */
export async function abandonStaleMail(db: Db, seconds: number): Promise<number> {
  const { rows } = await sql<{ id: string }>`
    UPDATE mail_outbox SET status = 'unknown', last_error = 'delivery interrupted'
    WHERE status = 'sending' AND claimed_at < now() - make_interval(secs => ${seconds})
    RETURNING id`.execute(db);
  return rows.length;
}

export async function listOutbox(
  db: Db,
  q: { status?: MailStatus; to?: string; limit?: number; beforeId?: string } = {},
): Promise<OutboxRow[]> {
  let query = db
    .selectFrom('mail_outbox')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(q.limit ?? 100);
  if (q.status) query = query.where('status', '=', q.status);
  if (q.to) query = query.where('to_address', '=', q.to);
  if (q.beforeId) query = query.where('id', '<', q.beforeId);
  const rows = await query.execute();
  return rows.map((r) => toRow(r as unknown as Record<string, unknown>));
}

export async function countOutbox(db: Db): Promise<Record<MailStatus, number>> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['status', sql<number>`count(*)::int`.as('n')])
    .groupBy('status')
    .execute();
  const out: Record<MailStatus, number> = { pending: 0, sending: 0, sent: 0, held: 0, failed: 0, unknown: 0 };
  for (const r of rows) out[r.status as MailStatus] = Number(r.n);
  return out;
}
