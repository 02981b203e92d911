/**
 * The outbox as administrators read it: every message the system sent or
 * would have sent (held without SMTP), newest first, with its status, and the
 * delivery mode in use.
 */
import { ok, type Result } from '@mirai/core';
import { countOutbox, listOutbox, type MailStatus } from '@mirai/db';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import type { AppContext } from '../context';
import { redactSmtpUrl } from './mail-config';

export interface OutboxView {
  mode: 'smtp' | 'outbox';
  /** The SMTP server in use (password hidden), when there is one. */
  smtp: string | null;
  from: string;
  counts: Record<MailStatus, number>;
  messages: {
    id: string;
    kind: string;
    to: string;
    subject: string;
    text: string;
    status: MailStatus;
    attempts: number;
    lastError: string | null;
    createdAt: string;
    sentAt: string | null;
  }[];
}

export async function readMailOutbox(
  ctx: AppContext,
  actor: Actor,
  q: { status?: MailStatus; limit?: number } = {},
): Promise<Result<OutboxView>> {
  const allowed = authorize(actor, 'mail:read-outbox');
  if (!allowed.ok) return allowed;
  const db = ctx.database.db;
  const rows = await listOutbox(db, { ...q, limit: Math.min(q.limit ?? 100, 500) });
  return ok({
    mode: ctx.mail.mode,
    smtp: ctx.mail.config.smtpUrl ? redactSmtpUrl(ctx.mail.config.smtpUrl) : null,
    from: ctx.mail.config.from,
    counts: await countOutbox(db),
    messages: rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      to: r.to,
      subject: r.subject,
      text: r.text,
      status: r.status,
      attempts: r.attempts,
      lastError: r.lastError,
      createdAt: r.createdAt.toISOString(),
      sentAt: r.sentAt ? r.sentAt.toISOString() : null,
    })),
  });
}
