/**
 * Browsing and exporting the audit trail (who, when, what, before, after).
 * Pages by id (keyset), so a browse never skips or repeats entries; the
 * export walks the period in pages and yields CSV or JSON lines.
 */
import { fail, ok, type Problem, type Result } from '@mirai/core';
import { audit, listAudit } from '@mirai/db';
import type { AppContext } from '../context';
import { type CsvCell, toCsv } from '../io/csv-writer';
import { authProblems } from './auth-problems';

export interface AuditFilter {
  from?: Date;
  to?: Date;
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  /** Entries with a larger id than this (the previous page's last id). */
  after?: number;
  limit?: number;
}

export interface AuditRecord {
  id: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
  details: unknown;
}

export function checkAuditRange(from?: Date, to?: Date): Problem[] {
  const bad = (d?: Date) => d !== undefined && Number.isNaN(d.getTime());
  if (bad(from) || bad(to) || (from && to && from > to)) {
    return [
      authProblems.invalidDateRange.create(
        { from: String(from?.toISOString?.() ?? from), to: String(to?.toISOString?.() ?? to) },
        { field: bad(to) ? 'to' : 'from' },
      ),
    ];
  }
  return [];
}

async function page(ctx: AppContext, f: AuditFilter): Promise<AuditRecord[]> {
  const rows = await listAudit(ctx.database.db, { ...f, limit: Math.min(Math.max(f.limit ?? 100, 1), 1000) });
  return rows.map((r) => ({
    id: Number(r.id),
    at: new Date(r.at).toISOString(),
    actor: r.actor,
    action: r.action,
    entityType: r.entity_type,
    entityId: r.entity_id,
    before: r.before ?? null,
    after: r.after ?? null,
    details: r.details ?? null,
  }));
}

export async function browseAudit(
  ctx: AppContext,
  filter: AuditFilter,
): Promise<Result<{ entries: AuditRecord[]; next: number | null }>> {
  const problems = checkAuditRange(filter.from, filter.to);
  if (problems.length > 0) return fail(problems);
  const limit = Math.min(Math.max(filter.limit ?? 100, 1), 1000);
  const entries = await page(ctx, { ...filter, limit });
  return ok({ entries, next: entries.length === limit ? entries[entries.length - 1]!.id : null });
}

const columns = [
  'id',
  'at',
  'actor',
  'action',
  'entityType',
  'entityId',
  'before',
  'after',
  'details',
] as const;

/** The export, line by line (header first for CSV), in pages of 1000. */
export async function* exportAudit(
  ctx: AppContext,
  range: { from?: Date; to?: Date },
  format: 'csv' | 'jsonl',
): AsyncGenerator<string> {
  // Every cell quoted, formulas neutralised, LF line ends (a log, not a sheet): the one CSV writer.
  const csvLine = (cells: unknown[]) => toCsv([cells as CsvCell[]], { quoteAll: true, eol: 'lf' });
  if (format === 'csv') yield `${columns.join(',')}\n`;
  let after: number | undefined;
  for (;;) {
    const rows = await page(ctx, { ...range, ...(after !== undefined ? { after } : {}), limit: 1000 });
    for (const r of rows) {
      yield format === 'csv' ? csvLine(columns.map((c) => r[c])) : `${JSON.stringify(r)}\n`;
    }
    if (rows.length < 1000) return;
    after = rows[rows.length - 1]!.id;
  }
}

/** Who exported which period is itself part of the trail. */
export async function recordAuditExport(
  ctx: AppContext,
  actor: string,
  range: { from?: string; to?: string },
  format: 'csv' | 'jsonl',
): Promise<void> {
  await audit(ctx.database.db, {
    actor,
    action: 'audit.export',
    entityType: 'audit-log',
    entityId: `${range.from ?? ''}..${range.to ?? ''}`,
    details: { format },
  });
}
