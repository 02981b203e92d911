/** The job row as its starter reads it (API, CLI, tests), and waiting for one to finish. */
import type { Problem } from '@mirai/core';
import { ProblemError } from '@mirai/core';
import type { JobRow } from '@mirai/db';
import { jobProblems } from './job-problems';
import type { JobView } from './job-queue';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export function toJobView(row: JobRow): JobView {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    progress: Number(row.progress),
    progressMessage: row.progress_message,
    result: row.result ?? null,
    problems: (row.problems as Problem[] | null) ?? null,
    actor: row.actor,
    userId: row.user_id,
    attempts: row.attempts,
    createdAt: iso(row.created_at) ?? '',
    startedAt: iso(row.started_at),
    finishedAt: iso(row.finished_at),
  };
}

/** Polls until the job has succeeded or failed. */
export async function pollUntilFinished(
  get: (id: string) => Promise<JobView | undefined>,
  id: string,
  timeoutMs = 60_000,
): Promise<JobView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const job = await get(id);
    if (!job) throw new ProblemError(jobProblems.notFound.create({ id }));
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    if (Date.now() > deadline) throw new ProblemError(jobProblems.timeout.create({ id }));
    await new Promise((r) => setTimeout(r, 50));
  }
}
