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
