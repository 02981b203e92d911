/**
 * For tests of routes that start a background job: checks the 202 answer,
 * waits for the job and reads it back through GET /api/v1/jobs/{id}, as a page does.
 */
import type { AppContext, JobView } from '@mirai/app';

interface Requester {
  request(url: string, init?: RequestInit): Response | Promise<Response>;
}

export async function followJob(
  api: Requester,
  ctx: AppContext,
  started: Response,
  headers: Record<string, string>,
): Promise<JobView & { httpStatus: number }> {
  if (started.status !== 202) throw new Error(`expected 202, got ${started.status}: ${await started.text()}`);
  const { jobId } = (await started.json()) as { jobId: string };
  await ctx.jobs.waitFor(jobId, { timeoutMs: 120_000 });
  const res = await api.request(`http://localhost/api/v1/jobs/${jobId}`, { headers });
  return { ...((await res.json()) as JobView), httpStatus: res.status };
}
