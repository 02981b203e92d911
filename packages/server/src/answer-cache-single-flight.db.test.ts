// Many clients asking for the same public answer while the cache is cold (a new process, or just
// after a publish) make one render, not one each: the others wait for it and get the same bytes.
// An answer that may not be kept is not shared: each request then gets its own.
import { contextFor, seedDefaultPlan } from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache';
import type { RouteSeen } from './request-log';

describeEachDatabase('public answer cache: one render per cold answer', (t) => {
  let cache: AnswerCache;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    cache = new AnswerCache(contextFor(t.handle), undefined, { revalidateMs: 60_000 });
  });

  /** A slow inner application that counts its renders and says which route answered. */
  const slowApp = (status: number, route: string) => {
    const counter = { renders: 0 };
    const answer = (seen: RouteSeen) => async (_req: Request) => {
      const n = ++counter.renders;
      seen.route = route;
      await new Promise((r) => setTimeout(r, 150));
      return new Response(`rendered ${n}`, {
        status,
        headers: { 'content-type': 'text/plain' },
      });
    };
    return { counter, answer };
  };
  const ask = (path: string, answer: (seen: RouteSeen) => (req: Request) => Promise<Response>) => {
    const seen: RouteSeen = {};
    return cache
      .handle(new Request(`http://localhost${path}`), answer(seen), seen)
      .then(async (res) => ({ status: res.status, body: await res.text(), route: seen.route }));
  };

  it('renders a cold public answer once for 30 concurrent requests, and all get it', async () => {
    const { counter, answer } = slowApp(200, '/api/v1/plan');
    const answers = await Promise.all(Array.from({ length: 30 }, () => ask('/api/v1/plan', answer)));
    expect(counter.renders).toBe(1);
    for (const a of answers) expect(a).toEqual({ status: 200, body: 'rendered 1', route: '/api/v1/plan' });
  });

  it('does not share an answer that is not kept (not 200)', async () => {
    const { counter, answer } = slowApp(404, '/api/v1/fields/{code}');
    const answers = await Promise.all(Array.from({ length: 5 }, () => ask('/api/v1/fields/NONE', answer)));
    expect(counter.renders).toBe(5);
    expect(new Set(answers.map((a) => a.body)).size).toBe(5);
  });
});
