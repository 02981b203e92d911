/**
 * Reading jobs: a job is visible to the account that started it and to
 * administrators; to anyone else it does not exist (404, so ids leak nothing).
 */
import { fail, ok, type Result } from '@mirai/core';
import { listJobsOfUser } from '@mirai/db';
import type { Actor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import type { AppContext } from '../context';
import { jobProblems } from './job-problems';
import type { JobView } from './job-queue';
import { toJobView } from './job-view';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function readJob(ctx: AppContext, actor: Actor, id: string): Promise<Result<JobView>> {
  const allowed = authorize(actor, 'jobs:read-own');
  if (!allowed.ok) return allowed;
  if (actor.kind !== 'user' || !uuid.test(id)) return fail(jobProblems.notFound.create({ id }));
  const job = await ctx.jobs.get(id);
  if (!job || (actor.role !== 'admin' && job.userId !== actor.userId)) {
    return fail(jobProblems.notFound.create({ id }));
  }
  return ok(job);
}

/** The signed-in account's recent jobs, newest first. */
export async function listMyJobs(ctx: AppContext, actor: Actor): Promise<Result<JobView[]>> {
  const allowed = authorize(actor, 'jobs:read-own');
  if (!allowed.ok) return allowed;
  if (actor.kind !== 'user') return ok([]);
  return ok((await listJobsOfUser(ctx.database.db, actor.userId)).map(toJobView));
}
