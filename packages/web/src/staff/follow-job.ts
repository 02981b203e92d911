/**
 * Following a background job (decision 0098) from a staff page: polls
 * /api/v1/jobs/{id} until the job ends, reporting its progress as text, and
 * answers the job as the server holds it (result, or catalogued problems).
 */
import { apiClient } from './api-client';
import { type ApiProblem, problemsOf } from './survey-problems-view';

export interface JobAnswer {
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  progress: number;
  progressMessage?: string | null;
  result?: unknown;
  problems?: ApiProblem[] | null;
}

/** The id of a started job from a 202 answer, or the problems of a refusal. */
export function startedJob(res: Response, body: unknown): { jobId: string } | { problems: ApiProblem[] } {
  if (res.ok && body && typeof body === 'object' && 'jobId' in body) return { jobId: String(body.jobId) };
  return { problems: problemsOf(body) };
}

export async function followJob(
  id: string,
  csrfToken: string | null,
  onProgress: (text: string) => void,
): Promise<JobAnswer> {
  for (;;) {
    const res = await apiClient('jobs', csrfToken).api.v1.jobs[':id'].$get({ param: { id } });
    const job = (await res.json().catch(() => null)) as JobAnswer | null;
    if (!res.ok || !job) return { status: 'failed', progress: 0, problems: problemsOf(job) };
    if (job.status === 'succeeded' || job.status === 'failed') return job;
    onProgress(`${Math.round(job.progress * 100)}%${job.progressMessage ? ` ${job.progressMessage}` : ''}`);
    await new Promise((r) => setTimeout(r, 400));
  }
}
