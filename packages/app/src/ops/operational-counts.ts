/** Counts operators watch (read by the metrics endpoint when scraped). */
import { sql } from 'kysely';
import type { AppContext } from '../context';

/** Jobs queued or running, and those that failed in the last day, by status. */
export async function countJobsByStatus(ctx: AppContext): Promise<Record<string, number>> {
  const r = await sql<{ status: string; n: number }>`
    SELECT status, count(*)::int AS n FROM jobs
    WHERE status IN ('queued', 'running') OR (status = 'failed' AND finished_at > now() - interval '1 day')
    GROUP BY status`.execute(ctx.database.db);
  const counts: Record<string, number> = { queued: 0, running: 0, failed: 0 };
  for (const row of r.rows) counts[row.status] = row.n;
  return counts;
}

/** E-mail not yet delivered (pending, sending), held without SMTP, or failed, by status. */
export async function countOutboxByStatus(ctx: AppContext): Promise<Record<string, number>> {
  const r = await sql<{ status: string; n: number }>`
    SELECT status, count(*)::int AS n FROM mail_outbox
    WHERE status IN ('pending', 'sending', 'held', 'failed') GROUP BY status`.execute(ctx.database.db);
  const counts: Record<string, number> = { pending: 0, held: 0, failed: 0 };
  for (const row of r.rows) counts[row.status] = row.n;
  return counts;
}
