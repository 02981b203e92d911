/**
 * The audit trail: every write records who, when, what, before and after, in
 * the same transaction as the write. The table refuses updates and deletes.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from './schema';

export interface AuditEntry {
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
}

const json = (v: unknown) => (v === undefined ? null : JSON.stringify(v));

export async function audit(db: Kysely<Database> | Transaction<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor: entry.actor,
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      before: json(entry.before),
      after: json(entry.after),
      details: json(entry.details),
    } as never)
    .execute();
}

export interface AuditQuery {
  from?: Date;
  to?: Date;
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  /** Entries with a larger id than this (keyset paging: the previous page's last id). */
  after?: number;
  limit?: number;
}

/** The one audit query: entries in id order, filtered; the app's browse and export page through it. */
export async function listAudit(db: Kysely<Database>, q: AuditQuery = {}) {
  let query = db.selectFrom('audit_log').selectAll().orderBy('id', 'asc');
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  if (q.entityType) query = query.where('entity_type', '=', q.entityType);
  if (q.entityId) query = query.where('entity_id', '=', q.entityId);
  if (q.actor) query = query.where('actor', '=', q.actor);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.after !== undefined) query = query.where('id', '>', String(q.after));
  if (q.limit) query = query.limit(q.limit);
  return query.execute();
}
