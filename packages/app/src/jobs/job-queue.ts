/**
 * The background job queue: one interface, two implementations with the same
 * semantics. A PostgreSQL server delivers jobs through pg-boss; the embedded
 * database runs them in-process from the `jobs` table. Either way the job row
 * holds what its starter follows (status, progress, result or problems), and a
 * job enqueued before a restart runs after it.
 */
import type { Problem, Result } from '@mirai/core';
import type { JobStatus } from '@mirai/db';

export type { JobStatus };

/** What a handler may do while it runs. */
export interface JobContext {
  readonly jobId: string;
  /** The file the job was enqueued with (an upload), or null. */
  input(): Promise<Uint8Array | null>;
  /** Reports progress in [0, 1] with an optional message; stored at most every 200 ms. */
  progress(fraction: number, message?: string): Promise<void>;
}

/** A handler answers a result (stored as JSON) or problems (the job fails with them). */
export type JobHandler<P = unknown, R = unknown> = (payload: P, ctx: JobContext) => Promise<Result<R>>;

export interface JobKind<P = unknown, R = unknown> {
  kind: string;
  handler: JobHandler<P, R>;
  /** Jobs with the same group key run one at a time (imports: per municipality). */
  serial?: boolean;
}

export interface EnqueueOptions {
  /** The audit label of who started it (`user:tanaka`, `cli:root`). */
  actor: string;
  /** The account that started it: it (and administrators) may read the job. */
  userId: number | null;
  /** With a serial kind: one job of the group at a time. */
  groupKey?: string;
  /** A file the job reads (kept in the database until the job finishes). */
  input?: Uint8Array;
}

export interface JobView {
  id: string;
  kind: string;
  status: JobStatus;
  progress: number;
  progressMessage: string | null;
  result: unknown;
  problems: Problem[] | null;
  actor: string;
  userId: number | null;
  attempts: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

export interface JobQueue {
  readonly implementation: 'in-process' | 'pg-boss';
  /** Declares a kind and its handler (before `start`). */
  register<P, R>(kind: JobKind<P, R>): void;
  /** Stores the job and answers its id at once. */
  enqueue(kind: string, payload: unknown, options: EnqueueOptions): Promise<string>;
  /** The job as its starter sees it, or undefined. */
  get(id: string): Promise<JobView | undefined>;
  /** Starts running jobs (the server; a CLI that waits for its own job). */
  start(): Promise<void>;
  /** Stops taking jobs and waits for the running one. */
  stop(): Promise<void>;
  /** Resolves when the job has finished (tests, CLI). */
  waitFor(id: string, options?: { timeoutMs?: number }): Promise<JobView>;
}
