/**
 * Rendered reports (行政評価結果報告書, 中間評価報告書): the file a background
 * render job made, kept so that whoever started it can download it; the
 * public report of a published round is rendered on request instead.
 */
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE report_files (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      report text NOT NULL CHECK (report IN ('annual', 'review')),
      subject integer NOT NULL,
      format text NOT NULL CHECK (format IN ('html', 'pdf', 'xlsx')),
      file_name text NOT NULL,
      content_type text NOT NULL,
      content bytea NOT NULL,
      created_by text NOT NULL,
      user_id integer,
      created_at timestamptz NOT NULL DEFAULT now()
    )
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE report_files`.execute(db);
}
