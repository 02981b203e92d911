/** Picks the job queue for the database: pg-boss on a server, in-process on the embedded one. */
import type { MiraiDatabase } from '@mirai/db';
import { InProcessJobQueue } from './in-process-queue';
import type { JobQueue } from './job-queue';
import { PgBossJobQueue } from './pg-boss-queue';

export function createJobQueue(database: MiraiDatabase): JobQueue {
  if (database.dialect === 'pglite') return new InProcessJobQueue(database.db);
  // A test schema keeps its queue beside it; a deployment uses pg-boss's own schema.
  return new PgBossJobQueue(database.db, { schema: database.schema ? `${database.schema}_boss` : 'pgboss' });
}
