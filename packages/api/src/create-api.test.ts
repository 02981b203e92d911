// Real app context on a real PGlite/PostgreSQL database; requests through Hono's fetch, no server.
import { contextFor, seedDefaultPlan } from '@mirai/app';
import { globally } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createApi } from './create-api';
import { routeTable } from './route-table';

describeEachDatabase('HTTP API', (t) => {
  let api: ReturnType<typeof createApi>;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    api = createApi(contextFor(t.handle));
  });

  it('GET /healthz', async () => {
    const res = await api.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', database: t.dialect });
  });

  it('GET /readyz: ready when the database answers and every migration is applied, 503 otherwise', async () => {
    const res = await api.request('/readyz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ready: true, draining: false, database: 'ok', pendingMigrations: [] });
    // One migration recorded as not applied: the process is behind its database schema.
    // (The migration table is global: read and changed as global work, not as the municipality.)
    const ctx = contextFor(t.handle);
    const { rows } = await globally(() =>
      sql<{ name: string }>`SELECT name FROM kysely_migration ORDER BY name DESC LIMIT 1`.execute(
        ctx.database.db,
      ),
    );
    const last = rows[0]?.name ?? '';
    await globally(() => sql`DELETE FROM kysely_migration WHERE name = ${last}`.execute(ctx.database.db));
    try {
      const behind = await api.request('/readyz');
      expect(behind.status).toBe(503);
      expect(((await behind.json()) as { pendingMigrations: string[] }).pendingMigrations).toEqual([last]);
    } finally {
      await globally(() =>
        sql`INSERT INTO kysely_migration (name, timestamp) VALUES (${last}, ${new Date().toISOString()})`.execute(
          ctx.database.db,
        ),
      );
    }
  });

  it('GET /api/v1/plan: 3 strategies, 9 fields, top indicators with baselines and targets', async () => {
    const res = await api.request('/api/v1/plan');
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      strategies: { fields: { code: string }[] }[];
      topIndicators: { code: string; baseline?: { value: number }; finalTarget?: { value: number } }[];
    };
    expect(body.strategies).toHaveLength(3);
    expect(body.strategies.flatMap((s) => s.fields)).toHaveLength(9);
    expect(body.topIndicators.map((i) => [i.code, i.baseline?.value, i.finalTarget?.value])).toEqual([
      ['TOP-HAPPINESS', 6.77, 6.77],
      ['TOP-POPULATION', 67241, 65000],
    ]);
  });

  it('GET /api/v1/fields/:code and the error catalogue', async () => {
    const ok = await api.request('/api/v1/fields/C-8');
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as { name: { ja: string } }).name.ja).toBe('医療・介護・保健・福祉');
    const missing = await api.request('/api/v1/fields/Z-1');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({
      error: { code: 'plan/field-not-found', message: { ja: expect.any(String), en: expect.any(String) } },
    });
    const nowhere = await api.request('/api/v1/nothing');
    expect(nowhere.status).toBe(404);
    expect(((await nowhere.json()) as { error: { code: string } }).error.code).toBe('http/not-found');
  });

  it('GET /api/v1/calendar follows the review table', async () => {
    const res = await api.request('/api/v1/calendar');
    const years = (await res.json()) as { fiscalYear: number; events: string[] }[];
    expect(years.filter((y) => y.events.includes('medium-term-review')).map((y) => y.fiscalYear)).toEqual([
      2026, 2029, 2032,
    ]);
  });

  it('GET /api/v1/openapi.json lists every route, and every route has a policy', async () => {
    const res = await api.request('/api/v1/openapi.json');
    const doc = (await res.json()) as { paths: Record<string, Record<string, unknown>> };
    for (const p of ['/api/v1/plan', '/api/v1/fields/{code}', '/api/v1/calendar', '/healthz']) {
      expect(doc.paths[p]).toBeDefined();
    }
    for (const [path, methods] of Object.entries(doc.paths)) {
      for (const method of Object.keys(methods)) {
        const entry = routeTable.find((r) => r.path === path && r.method === method.toUpperCase());
        expect(entry?.policy, `${method} ${path}`).toBeDefined();
      }
    }
  });
});
