/**
 * Runs one claimed job the same way for both queues: builds its context
 * (input, throttled progress), calls the handler, and stores the result or
 * problems. A handler that throws fails the job with a generic problem; the
 * error itself goes to the log without the payload.
 */

import type { Problem } from '@mirai/core';
import {
  type Database,
  finishJob,
  globally,
  type JobRow,
  readJobInput,
  updateJobProgress,
  withMunicipality,
} from '@mirai/db';
import type { Kysely } from 'kysely';
import { log } from '../ops/logger';
import { jobProblems } from './job-problems';
import type { JobContext, JobKind } from './job-queue';

const progressEveryMs = 200;

/**
 * The problems a failed job stores: the first `maxStoredProblems`, then one that counts the rest.
 * A hostile or broken file can name a problem on every one of hundreds of thousands of rows
 * (450,000 rows made 113 MB of problems, serialised and stored on the server's one thread).
 */
export const maxStoredProblems = 500;

export function boundedProblems(problems: readonly Problem[]): Problem[] {
  if (problems.length <= maxStoredProblems) return [...problems];
  return [
    ...problems.slice(0, maxStoredProblems),
    jobProblems.moreProblems.create({ shown: maxStoredProblems, total: problems.length }),
  ];
}

/**
 * Runs a claimed job bound to the municipality it was enqueued for (decision 0137); a job
 * enqueued before any municipality was registered is global work.
 */
export function inJobMunicipality<T>(code: string, run: () => Promise<T>): Promise<T> {
  return code ? withMunicipality(code, run) : globally(run);
}

export async function runJob(db: Kysely<Database>, job: JobRow, kind: JobKind | undefined): Promise<void> {
  if (!kind) {
    await finishJob(db, job.id, {
      status: 'failed',
      problems: [jobProblems.unknownKind.create({ kind: job.kind })],
    });
    return;
  }
  let lastProgressAt = 0;
  const ctx: JobContext = {
    jobId: job.id,
    input: () => readJobInput(db, job.id),
    progress: async (fraction, message) => {
      const now = Date.now();
      if (now - lastProgressAt < progressEveryMs && fraction < 1) return;
      lastProgressAt = now;
      const clamped = Math.min(1, Math.max(0, Number.isFinite(fraction) ? fraction : 0));
      await updateJobProgress(db, job.id, clamped, message ?? null);
    },
  };
  try {
    const result = await kind.handler(job.payload, ctx);
    await finishJob(
      db,
      job.id,
      result.ok
        ? { status: 'succeeded', result: result.value }
        : { status: 'failed', problems: boundedProblems(result.problems) },
    );
  } catch (error) {
    log().error(
      { job: job.id, kind: job.kind },
      `job failed: ${error instanceof Error ? error.message : 'error'}`,
    );
    await finishJob(db, job.id, {
      status: 'failed',
      problems: [jobProblems.crashed.create({ kind: job.kind })],
    });
  }
}
