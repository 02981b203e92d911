/**
 * A job's input (an uploaded file) in pieces (decision 0151): each piece of at
 * most a few hundred KB is written, and read back, in its own short statement,
 * so on the embedded database (in-process, one connection) requests are
 * answered between the pieces instead of waiting seconds for one large value.
 * The pieces are written before the job row, which makes the job visible; no
 * foreign key for that reason. `jobs.input` stays for jobs queued before this
 * migration (read when a job has no pieces).
 */
import { type Kysely, sql } from 'kysely';
import { makeTenantTable } from '../tenancy/tenant-table';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE job_input_chunks (
      job_id uuid NOT NULL,
      seq integer NOT NULL CHECK (seq >= 0),
      bytes bytea NOT NULL,
      stored_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (job_id, seq)
    )`.execute(db);
  await makeTenantTable(db, 'job_input_chunks');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE job_input_chunks`.execute(db);
}
