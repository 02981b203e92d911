/** Rendered report files: stored by the render job, read back for download. */
import type { Generated, Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

export interface ReportTables {
  report_files: {
    id: Generated<string>;
    report: 'annual' | 'review';
    subject: number;
    format: 'html' | 'pdf' | 'xlsx';
    file_name: string;
    content_type: string;
    content: Uint8Array;
    created_by: string;
    user_id: number | null;
    created_at: Generated<Date>;
  };
}

type Db = Kysely<Database> | Transaction<Database>;

export interface NewReportFile {
  report: 'annual' | 'review';
  subject: number;
  format: 'html' | 'pdf' | 'xlsx';
  fileName: string;
  contentType: string;
  content: Uint8Array;
  createdBy: string;
  userId: number | null;
}

export async function insertReportFile(db: Db, f: NewReportFile): Promise<string> {
  const row = await db
    .insertInto('report_files')
    .values({
      report: f.report,
      subject: f.subject,
      format: f.format,
      file_name: f.fileName,
      content_type: f.contentType,
      content: f.content,
      created_by: f.createdBy,
      user_id: f.userId,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findReportFile(db: Db, id: string) {
  return db.selectFrom('report_files').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The newest stored file of a report made by `createdBy` at or after `since`
 * (the public annual PDF: the publication job's file, made after publishing).
 */
export interface NewestReportQuery {
  report: 'annual' | 'review';
  subject: number;
  format: 'html' | 'pdf' | 'xlsx';
  createdBy: string;
  since: Date;
}

const newest = (db: Db, q: NewestReportQuery) =>
  db
    .selectFrom('report_files')
    .where('report', '=', q.report)
    .where('subject', '=', q.subject)
    .where('format', '=', q.format)
    .where('created_by', '=', q.createdBy)
    .where('created_at', '>=', q.since)
    .orderBy('created_at', 'desc')
    .limit(1);

export async function findNewestReportFile(db: Db, q: NewestReportQuery) {
  return newest(db, q).selectAll().executeTakeFirst();
}

/** Whether such a file exists, without reading its content. */
export async function hasNewestReportFile(db: Db, q: NewestReportQuery): Promise<boolean> {
  return (await newest(db, q).select('id').executeTakeFirst()) !== undefined;
}

/** When an entity last had an audited action (a round's publication), or undefined. */
export async function lastAuditedAt(db: Db, action: string, entityId: string): Promise<Date | undefined> {
  const row = await db
    .selectFrom('audit_log')
    .select('at')
    .where('action', '=', action)
    .where('entity_id', '=', entityId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.at as unknown as string) : undefined;
}
