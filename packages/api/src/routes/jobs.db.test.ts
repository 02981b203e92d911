// GET /api/v1/jobs/{id}: the starter and administrators read a job; anyone else gets 404.
import { contextFor } from '@mirai/app';
import { ok } from '@mirai/core';
import { describeEachDatabase } from '@mirai/db/testing';
import { expect, it } from 'vitest';
import { createTestAccount, sessionHeaders, testAuthSettings } from '../auth/testing';
import { createApi } from '../create-api';

describeEachDatabase('job routes', (t) => {
  it('show a job with its progress and result to its starter and admins, 404 to others', async () => {
    const ctx = contextFor(t.handle);
    ctx.jobs.register({ kind: 'test:echo', handler: async (payload: unknown) => ok({ echoed: payload }) });
    const api = createApi(ctx, { auth: { settings: testAuthSettings } });
    const [owner, other, admin] = [
      await createTestAccount(ctx, 'department-editor', { department: 'D1' }),
      await createTestAccount(ctx, 'department-editor', { department: 'D1' }),
      await createTestAccount(ctx, 'admin'),
    ];
    const id = await ctx.jobs.enqueue(
      'test:echo',
      { n: 1 },
      { actor: `user:${owner.login}`, userId: owner.id },
    );
    await ctx.jobs.start();
    try {
      await ctx.jobs.waitFor(id, { timeoutMs: 20_000 });
      const get = async (who: typeof owner, path = `/api/v1/jobs/${id}`) =>
        api.request(`http://localhost${path}`, { headers: await sessionHeaders(ctx, who) });
      const mine = await get(owner);
      expect(mine.status).toBe(200);
      expect(await mine.json()).toMatchObject({
        id,
        status: 'succeeded',
        progress: 1,
        result: { echoed: { n: 1 } },
      });
      expect((await get(admin)).status).toBe(200);
      const theirs = await get(other);
      expect([theirs.status, ((await theirs.json()) as { error: { code: string } }).error.code]).toEqual([
        404,
        'job/not-found',
      ]);
      const list = (await (await get(owner, '/api/v1/jobs')).json()) as { id: string }[];
      expect(list.map((j) => j.id)).toEqual([id]);
      expect(await (await get(other, '/api/v1/jobs')).json()).toEqual([]);
      expect((await api.request(`http://localhost/api/v1/jobs/${id}`)).status).toBe(401);
    } finally {
      await ctx.jobs.stop();
    }
  });
});
