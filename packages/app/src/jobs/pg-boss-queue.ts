/**
 * The job queue on a PostgreSQL server: the job row is written in the same
 * transaction as its pg-boss message (same id), pg-boss delivers it to a
 * worker in any application process, retries a job whose process died (after
 * its expiry) and keeps serial kinds one at a time per group (its `singleton`
 * policy keyed by the group). pg-boss talks to the database through our
 * Kysely connection, so it uses the same pool and search path.
 */

import { randomUUID } from 'node:crypto';
import {
  claimJob,
  type Database,
  dropStrayJobInputs,
  findJob,
  globally,
  insertJob,
  storeJobInput,
  tenantRole,
} from '@mirai/db';
import { CompiledQuery, type Kysely, sql, type Transaction } from 'kysely';
import type PgBoss from 'pg-boss';
import { log } from '../ops/logger';
import type { EnqueueOptions, JobKind, JobQueue, JobView } from './job-queue';
import { pollUntilFinished, toJobView } from './job-view';
import { inJobMunicipality, runJob } from './run-job';

const serialQueue = 'mirai-serial';
const parallelQueue = 'mirai-parallel';

interface Delivery {
  jobId: string;
}

const adapter = (db: Kysely<Database> | Transaction<Database>): PgBoss.Db => ({
  executeSql: async (text, values) => {
    const result = await db.executeQuery(CompiledQuery.raw(text, values ?? []));
    return { rows: result.rows as unknown[] };
  },
});

export interface PgBossQueueOptions {
  /** The schema pg-boss keeps its tables in (default `pgboss`). */
  schema?: string;
  /** Seconds before a job whose worker stopped answering is retried (default one hour). */
  expireInSeconds?: number;
}

export class PgBossJobQueue implements JobQueue {
  readonly implementation = 'pg-boss' as const;
  private readonly kinds = new Map<string, JobKind>();
  /** Made at the first use, so that opening the app does not load pg-boss (decision 0083). */
  private boss!: PgBoss;
  private ready: Promise<void> | null = null;
  private working = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly options: PgBossQueueOptions = {},
  ) {}

  register<P, R>(kind: JobKind<P, R>): void {
    this.kinds.set(kind.kind, kind as unknown as JobKind);
  }

  private init(): Promise<void> {
    // pg-boss's own timers are made here: they must not inherit a request's municipality.
    this.ready ??= globally(async () => {
      const { default: Boss } = await import('pg-boss');
      this.boss = new Boss({
        db: adapter(this.db),
        schema: this.options.schema ?? 'pgboss',
        supervise: true,
      });
      this.boss.on('error', (error: Error) => log().error(`job queue (pg-boss): ${error.message}`));
      await this.boss.start();
      const common = { retryLimit: 3, expireInSeconds: this.options.expireInSeconds ?? 3600 };
      for (const [name, policy] of [
        [serialQueue, 'singleton'],
        [parallelQueue, 'standard'],
      ] as const) {
        if (!(await this.boss.getQueue(name))) await this.boss.createQueue(name, { name, policy, ...common });
      }
      // A job is enqueued in its municipality's transaction, as the tenant role: it may write pg-boss's tables.
      const schema = sql.id(this.options.schema ?? 'pgboss');
      const role = sql.id(tenantRole);
      await sql`GRANT USAGE ON SCHEMA ${schema} TO ${role}`.execute(this.db);
      await sql`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${schema} TO ${role}`.execute(
        this.db,
      );
      await sql`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA ${schema} TO ${role}`.execute(this.db);
      await sql`GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA ${schema} TO ${role}`.execute(this.db);
    });
    return this.ready;
  }

  async enqueue(kind: string, payload: unknown, options: EnqueueOptions): Promise<string> {
    await this.init();
    const serial = this.kinds.get(kind)?.serial ?? false;
    const groupKey = serial ? (options.groupKey ?? kind) : null;
    // The input first, in pieces (decision 0151); the job row and its delivery then make it visible.
    const inputId = options.input ? randomUUID() : undefined;
    if (inputId && options.input) await storeJobInput(this.db, inputId, options.input);
    return this.db.transaction().execute(async (tx) => {
      const id = await insertJob(tx, {
        ...(inputId ? { id: inputId } : {}),
        kind,
        payload,
        actor: options.actor,
        userId: options.userId,
        groupKey,
      });
      const delivery: Delivery = { jobId: id };
      await this.boss.send(serial ? serialQueue : parallelQueue, delivery, {
        id,
        db: adapter(tx),
        ...(groupKey ? { singletonKey: groupKey } : {}),
      });
      return id;
    });
  }

  async get(id: string): Promise<JobView | undefined> {
    const row = await findJob(this.db, id);
    return row ? toJobView(row) : undefined;
  }

  async start(): Promise<void> {
    await this.init();
    if (this.working) return;
    this.working = true;
    // Pieces of inputs no job will read (an upload stopped before its row; a stop after a job finished).
    await globally(() => dropStrayJobInputs(this.db));
    for (const name of [serialQueue, parallelQueue]) {
      await globally(() =>
        this.boss.work<Delivery>(name, { pollingIntervalSeconds: 1 }, (deliveries) =>
          globally(async () => {
            for (const delivery of deliveries) {
              const job = await claimJob(this.db, delivery.data.jobId);
              if (job)
                await inJobMunicipality(job.municipality_code, () =>
                  runJob(this.db, job, this.kinds.get(job.kind)),
                );
            }
          }),
        ),
      );
    }
  }

  async stop(): Promise<void> {
    if (!this.ready) return;
    await this.ready.catch(() => undefined);
    await globally(() => this.boss.stop({ graceful: true, wait: true, close: false }));
    this.ready = null;
    this.working = false;
  }

  waitFor(id: string, options: { timeoutMs?: number } = {}): Promise<JobView> {
    return pollUntilFinished((j) => this.get(j), id, options.timeoutMs);
  }
}
