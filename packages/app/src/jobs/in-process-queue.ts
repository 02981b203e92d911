/**
 * The job queue on the embedded database: jobs are rows of `jobs`, run one at
 * a time in this process (the embedded database has one owner). At start,
 * jobs left running by a stopped process are queued again, so nothing
 * enqueued is lost across a restart.
 */

import { randomUUID } from 'node:crypto';
import {
  claimNextJob,
  type Database,
  dropStrayJobInputs,
  findJob,
  globally,
  insertJob,
  requeueRunningJobs,
  storeJobInput,
} from '@mirai/db';
import type { Kysely } from 'kysely';
import { log } from '../ops/logger';
import type { EnqueueOptions, JobKind, JobQueue, JobView } from './job-queue';
import { pollUntilFinished, toJobView } from './job-view';
import { inJobMunicipality, runJob } from './run-job';

export class InProcessJobQueue implements JobQueue {
  readonly implementation = 'in-process' as const;
  private readonly kinds = new Map<string, JobKind>();
  private running = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  register<P, R>(kind: JobKind<P, R>): void {
    this.kinds.set(kind.kind, kind as unknown as JobKind);
  }

  async enqueue(kind: string, payload: unknown, options: EnqueueOptions): Promise<string> {
    // The input first, in short statements (decision 0151); the job row, written last, makes it visible.
    const inputId = options.input ? randomUUID() : undefined;
    if (inputId && options.input) await storeJobInput(this.db, inputId, options.input);
    const id = await insertJob(this.db, {
      ...(inputId ? { id: inputId } : {}),
      kind,
      payload,
      actor: options.actor,
      userId: options.userId,
      groupKey: this.kinds.get(kind)?.serial ? (options.groupKey ?? kind) : null,
    });
    this.wake?.();
    return id;
  }

  async get(id: string): Promise<JobView | undefined> {
    const row = await findJob(this.db, id);
    return row ? toJobView(row) : undefined;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    // Polling is global work; each job then runs bound to its own municipality (decision 0135).
    await globally(async () => {
      await requeueRunningJobs(this.db);
      await dropStrayJobInputs(this.db);
    });
    this.loop = globally(() => this.run());
  }

  async stop(): Promise<void> {
    this.running = false;
    this.wake?.();
    await this.loop;
    this.loop = null;
  }

  waitFor(id: string, options: { timeoutMs?: number } = {}): Promise<JobView> {
    return pollUntilFinished((j) => this.get(j), id, options.timeoutMs);
  }

  private async run(): Promise<void> {
    while (this.running) {
      const job = await claimNextJob(this.db).catch((error: unknown) => {
        log().error(`job queue: ${error instanceof Error ? error.message : 'error'}`);
        return undefined;
      });
      if (job) {
        await inJobMunicipality(job.municipality_code, () => runJob(this.db, job, this.kinds.get(job.kind)));
        continue;
      }
      // Nothing to do: sleep until an enqueue wakes us (or a second passes).
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, 1000);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wake = null;
    }
  }
}
