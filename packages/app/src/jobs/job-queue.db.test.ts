// The job queue on both databases: answered at once, progress, result or
// problems, one at a time per group, survives a restart, visible to its starter.
import { createHash, randomBytes } from 'node:crypto';
import { fail, ok } from '@mirai/core';
import { claimNextJob, jobInputChunkBytes } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import type { UserActor } from '../auth/actor';
import type { AppContext } from '../context';
import { createJobQueue } from './create-job-queue';
import { jobProblems } from './job-problems';
import type { JobKind, JobQueue } from './job-queue';
import { readJob } from './job-use-cases';
import { maxStoredProblems } from './run-job';

const user = (userId: number, role: UserActor['role'] = 'planning-editor'): UserActor => ({
  kind: 'user',
  via: 'session',
  userId,
  login: `u${userId}`,
  role,
  department: null,
  links: [],
  mustChangePassword: false,
});

describeEachDatabase('background job queue', (t) => {
  const queues: JobQueue[] = [];
  const open = (...kinds: JobKind<never, unknown>[]) => {
    const queue = createJobQueue(t.handle);
    for (const k of kinds) queue.register(k as JobKind);
    queues.push(queue);
    return queue;
  };
  afterEach(async () => {
    for (const q of queues.splice(0)) await q.stop();
  });

  const sum: JobKind<{ values: number[] }, { total: number }> = {
    kind: 'test:sum',
    handler: async ({ values }, ctx) => {
      await ctx.progress(0.5, 'half');
      const input = await ctx.input();
      return ok({ total: values.reduce((a, b) => a + b, 0) + (input?.length ?? 0) });
    },
  };

  it('answers an id at once, then runs the job with its input and stores the result', async () => {
    const queue = open(sum as JobKind<never, unknown>);
    const id = await queue.enqueue(
      'test:sum',
      { values: [1, 2, 3] },
      {
        actor: 'user:u1',
        userId: 1,
        input: new Uint8Array([9, 9]),
      },
    );
    expect((await queue.get(id))?.status).toBe('queued');
    await queue.start();
    const done = await queue.waitFor(id, { timeoutMs: 20_000 });
    expect(done).toMatchObject({ status: 'succeeded', result: { total: 8 }, progress: 1, attempts: 1 });
  });

  it('fails a job with the problems its handler answers, or a catalogued one when it throws', async () => {
    const refuse: JobKind<unknown, never> = {
      kind: 'test:refuse',
      handler: async () => fail(jobProblems.notFound.create({ id: 'x' })),
    };
    const crash: JobKind<unknown, never> = {
      kind: 'test:crash',
      handler: async () => {
        throw new Error('boom');
      },
    };
    const queue = open(refuse as JobKind<never, unknown>, crash as JobKind<never, unknown>);
    await queue.start();
    const a = await queue.enqueue('test:refuse', {}, { actor: 'user:u1', userId: 1 });
    const b = await queue.enqueue('test:crash', {}, { actor: 'user:u1', userId: 1 });
    expect((await queue.waitFor(a, { timeoutMs: 20_000 })).problems?.map((p) => p.code)).toEqual([
      'job/not-found',
    ]);
    const crashed = await queue.waitFor(b, { timeoutMs: 20_000 });
    expect(crashed.status).toBe('failed');
    expect(crashed.problems?.map((p) => p.code)).toEqual(['job/crashed']);
  });

  it('stores the first problems of a job that found very many, and one that counts the rest', async () => {
    const many: JobKind<unknown, never> = {
      kind: 'test:many',
      handler: async () =>
        fail(
          Array.from({ length: maxStoredProblems + 250 }, (_, i) =>
            jobProblems.notFound.create({ id: `r${i}` }),
          ),
        ),
    };
    const queue = open(many as JobKind<never, unknown>);
    await queue.start();
    const id = await queue.enqueue('test:many', {}, { actor: 'user:u1', userId: 1 });
    const done = await queue.waitFor(id, { timeoutMs: 20_000 });
    expect(done.status).toBe('failed');
    expect(done.problems).toHaveLength(maxStoredProblems + 1);
    expect(done.problems?.[maxStoredProblems - 1]?.message.en).toBe(
      `Job r${maxStoredProblems - 1} not found.`,
    );
    expect(done.problems?.at(-1)).toMatchObject({
      code: 'job/more-problems',
      message: {
        en: `There are more problems (the first ${maxStoredProblems} of ${maxStoredProblems + 250} are shown). Please correct the file and try again.`,
      },
    });
  });

  it('runs serial jobs of one group one at a time', async () => {
    let active = 0;
    let most = 0;
    const slow: JobKind<unknown, null> = {
      kind: 'test:serial',
      serial: true,
      handler: async () => {
        active += 1;
        most = Math.max(most, active);
        await new Promise((r) => setTimeout(r, 300));
        active -= 1;
        return ok(null);
      },
    };
    const queue = open(slow as JobKind<never, unknown>);
    await queue.start();
    const ids = await Promise.all(
      [1, 2, 3].map(() =>
        queue.enqueue('test:serial', {}, { actor: 'cli:root', userId: null, groupKey: '99999' }),
      ),
    );
    for (const id of ids) expect((await queue.waitFor(id, { timeoutMs: 30_000 })).status).toBe('succeeded');
    expect(most).toBe(1);
  });

  it('keeps a job enqueued before a restart and runs it after', async () => {
    const before = open(sum as JobKind<never, unknown>);
    const id = await before.enqueue('test:sum', { values: [40, 2] }, { actor: 'user:u1', userId: 1 });
    await before.stop();
    const after = open(sum as JobKind<never, unknown>);
    await after.start();
    expect(await after.waitFor(id, { timeoutMs: 20_000 })).toMatchObject({
      status: 'succeeded',
      result: { total: 42 },
    });
  });

  it('keeps an input of several pieces across a restart, byte for byte, and removes it when done', async () => {
    const bytes = new Uint8Array(randomBytes(2 * jobInputChunkBytes + 123));
    const digest: JobKind<unknown, { sha: string; size: number }> = {
      kind: 'test:digest',
      handler: async (_p, ctx) => {
        const input = (await ctx.input()) ?? new Uint8Array();
        return ok({ sha: createHash('sha256').update(input).digest('hex'), size: input.byteLength });
      },
    };
    const before = open(digest as JobKind<never, unknown>);
    const id = await before.enqueue('test:digest', {}, { actor: 'user:u1', userId: 1, input: bytes });
    await before.stop();
    const stored = () =>
      sql<{ n: number }>`SELECT count(*)::int AS n FROM job_input_chunks WHERE job_id = ${id}::uuid`
        .execute(t.handle.db)
        .then((r) => r.rows[0]!.n);
    expect(await stored()).toBe(3);
    const after = open(digest as JobKind<never, unknown>);
    await after.start();
    expect(await after.waitFor(id, { timeoutMs: 20_000 })).toMatchObject({
      status: 'succeeded',
      result: { sha: createHash('sha256').update(bytes).digest('hex'), size: bytes.byteLength },
    });
    expect(await stored()).toBe(0);
  });

  it('queues again a job left running by a process that stopped (embedded database)', async () => {
    if (t.dialect !== 'pglite') return; // on a server, pg-boss retries it after its expiry
    const before = open(sum as JobKind<never, unknown>);
    const id = await before.enqueue('test:sum', { values: [5] }, { actor: 'user:u1', userId: 1 });
    expect((await claimNextJob(t.handle.db))?.id).toBe(id); // claimed, then the process "dies"
    const after = open(sum as JobKind<never, unknown>);
    await after.start();
    expect(await after.waitFor(id, { timeoutMs: 20_000 })).toMatchObject({
      status: 'succeeded',
      attempts: 2,
    });
  });

  it('shows a job to the account that started it and to administrators only', async () => {
    const queue = open(sum as JobKind<never, unknown>);
    const id = await queue.enqueue('test:sum', { values: [] }, { actor: 'user:u7', userId: 7 });
    const ctx = { database: t.handle, jobs: queue } as AppContext;
    expect((await readJob(ctx, user(7), id)).ok).toBe(true);
    expect((await readJob(ctx, user(1, 'admin'), id)).ok).toBe(true);
    const other = await readJob(ctx, user(8), id);
    expect(!other.ok && other.problems[0]?.code).toBe('job/not-found');
    const anonymous = await readJob(ctx, { kind: 'anonymous', role: 'public' }, id);
    expect(!anonymous.ok && anonymous.problems[0]?.code).toBe('auth/unauthenticated');
  });
});
