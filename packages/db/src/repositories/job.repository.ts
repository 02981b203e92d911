/**
 * Background job rows: created queued, claimed by a runner, progress while
 * running, then a result or problems. The file an import reads is stored in
 * pieces before the row (job-input.repository.ts) and removed when the job
 * finishes; `input` holds the file of a job queued before migration 0092.
 */
import { type Generated, type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../schema';
import { dropJobInput } from './job-input.repository';

export type JobStatus = 'queued' | 'running' | 'succeeded' | 'failed';

export interface JobTables {
  jobs: {
    id: Generated<string>;
    kind: string;
    payload: unknown;
    input: Uint8Array | null;
    status: Generated<JobStatus>;
    progress: Generated<number>;
    progress_message: string | null;
    result: unknown;
    problems: unknown;
    actor: string;
    user_id: number | null;
    group_key: string | null;
    attempts: Generated<number>;
    created_at: Generated<Date>;
    started_at: Date | null;
    finished_at: Date | null;
    updated_at: Generated<Date>;
    /** The municipality the job works for (tenancy); filled from the binding of who enqueued it. */
    municipality_code: Generated<string>;
  };
}

type Db = Kysely<Database> | Transaction<Database>;

export interface NewJobRow {
  /** Given when the job's input was stored first under this id. */
  id?: string;
  kind: string;
  payload: unknown;
  actor: string;
  userId: number | null;
  groupKey: string | null;
}

export interface JobRow {
  id: string;
  kind: string;
  payload: unknown;
  status: JobStatus;
  progress: number;
  progress_message: string | null;
  result: unknown;
  problems: unknown;
  actor: string;
  user_id: number | null;
  group_key: string | null;
  attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  updated_at: Date;
  municipality_code: string;
}

const visibleColumns = [
  'id',
  'kind',
  'payload',
  'status',
  'progress',
  'progress_message',
  'result',
  'problems',
  'actor',
  'user_id',
  'group_key',
  'attempts',
  'created_at',
  'started_at',
  'finished_at',
  'updated_at',
  'municipality_code',
] as const;

export async function insertJob(db: Db, job: NewJobRow): Promise<string> {
  const row = await db
    .insertInto('jobs')
    .values({
      ...(job.id ? { id: job.id } : {}),
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? null),
      input: null,
      actor: job.actor,
      user_id: job.userId,
      group_key: job.groupKey,
      progress_message: null,
      result: null,
      problems: null,
      started_at: null,
      finished_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findJob(db: Db, id: string): Promise<JobRow | undefined> {
  return (await db.selectFrom('jobs').select(visibleColumns).where('id', '=', id).executeTakeFirst()) as
    | JobRow
    | undefined;
}

export async function listJobsOfUser(db: Db, userId: number, limit = 50): Promise<JobRow[]> {
  return (await db
    .selectFrom('jobs')
    .select(visibleColumns)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute()) as JobRow[];
}

/** Claims the oldest queued job whose group has no running job (in-process runner). */
export async function claimNextJob(db: Db): Promise<JobRow | undefined> {
  const result = await sql<JobRow>`
    UPDATE jobs SET status = 'running', started_at = now(), updated_at = now(), attempts = attempts + 1
    WHERE id = (
      SELECT j.id FROM jobs j
      WHERE j.status = 'queued'
        AND (j.group_key IS NULL OR NOT EXISTS (
          SELECT 1 FROM jobs r WHERE r.status = 'running' AND r.group_key = j.group_key))
      ORDER BY j.created_at, j.id
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    RETURNING ${sql.join(visibleColumns.map((c) => sql.ref(c)))}
  `.execute(db);
  return result.rows[0];
}

/** Claims one job by id (a delivery from the server queue); undefined when already finished. */
export async function claimJob(db: Db, id: string): Promise<JobRow | undefined> {
  return (await db
    .updateTable('jobs')
    .set({ status: 'running', started_at: new Date(), updated_at: new Date(), attempts: sql`attempts + 1` })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .returning(visibleColumns)
    .executeTakeFirst()) as JobRow | undefined;
}

export async function updateJobProgress(db: Db, id: string, progress: number, message: string | null) {
  await db
    .updateTable('jobs')
    .set({ progress, progress_message: message, updated_at: new Date() })
    .where('id', '=', id)
    .where('status', '=', 'running')
    .execute();
}

export async function finishJob(
  db: Db,
  id: string,
  outcome: { status: 'succeeded'; result: unknown } | { status: 'failed'; problems: unknown },
) {
  await db
    .updateTable('jobs')
    .set({
      status: outcome.status,
      ...(outcome.status === 'succeeded'
        ? { result: JSON.stringify(outcome.result ?? null), progress: 1 }
        : { problems: JSON.stringify(outcome.problems) }),
      input: null,
      finished_at: new Date(),
      updated_at: new Date(),
    })
    .where('id', '=', id)
    .execute();
  // A stop between the two leaves pieces that dropStrayJobInputs removes later.
  await dropJobInput(db, id);
}

/** Whether a job of this kind whose payload contains `match` is queued or running (not yet finished). */
export async function hasUnfinishedJob(
  db: Db,
  kind: string,
  match: Record<string, unknown>,
): Promise<boolean> {
  const row = await db
    .selectFrom('jobs')
    .select('id')
    .where('kind', '=', kind)
    .where('status', 'in', ['queued', 'running'])
    .where(sql<boolean>`payload @> ${JSON.stringify(match)}::jsonb`)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Jobs left running by a process that stopped: queued again (embedded database, one process). */
export async function requeueRunningJobs(db: Db): Promise<number> {
  const result = await db
    .updateTable('jobs')
    .set({ status: 'queued', updated_at: new Date() })
    .where('status', '=', 'running')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
