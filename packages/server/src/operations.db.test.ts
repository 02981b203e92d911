// Operations on the real server and database (PGlite, and PostgreSQL with TEST_DATABASE_URL):
// GET /metrics passes the policy table (no account 401, a token scoped elsewhere 403, a token
// scoped to ops:read-metrics 200) and counts answers by their declared route, cached ones too;
// /readyz turns 503 while the server drains; sign-in limits are counted in the database, so two
// servers on one database (two processes behind one port) share them.
import { bearerHeaders, createTestAccount } from '@mirai/api/testing';
import { checkReadiness, contextFor, seedDefaultPlan } from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type RunningServer, startServer } from './start-server';

describeEachDatabase('operations', (t) => {
  let server: RunningServer;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    server = await startServer(contextFor(t.handle), 0, '127.0.0.1', {
      auth: { loginRateLimit: { max: 3, windowSeconds: 600 } },
    });
  });
  afterAll(async () => server?.close());

  it('serves Prometheus metrics to a token scoped to ops:read-metrics only', async () => {
    const ctx = contextFor(t.handle);
    const admin = await createTestAccount(ctx, 'admin');
    const scraper = await bearerHeaders(ctx, admin, ['ops:read-metrics']);
    const other = await bearerHeaders(ctx, admin, ['audit:read']);
    expect((await fetch(`${server.url}metrics`)).status).toBe(401);
    expect((await fetch(`${server.url}metrics`, { headers: other })).status).toBe(403);
    // Twice: the second answer comes from the public answer cache.
    for (let i = 0; i < 2; i++)
      expect((await fetch(`${server.url}api/v1/fields/no-such-field`)).status).toBe(404);
    expect((await fetch(server.url)).status).toBe(200);
    expect((await fetch(server.url)).status).toBe(200);
    const res = await fetch(`${server.url}metrics`, { headers: scraper });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await res.text();
    expect(text).toMatch(
      /mirai_http_requests_total\{method="GET",route="\/api\/v1\/fields\/:code",status="404"\} 2/,
    );
    expect(text).toMatch(/mirai_http_requests_total\{method="GET",route="\/",status="200"\} 1/);
    expect(text).toMatch(/mirai_http_requests_total\{method="GET",route="cached",status="200"\} 1/);
    expect(text).toMatch(/mirai_http_requests_total\{method="GET",route="\/metrics",status="401"\} 1/);
    expect(text).toMatch(/mirai_http_request_duration_seconds_bucket\{le="0.1",method="GET",route="\/"\}/);
    expect(text).toMatch(/mirai_jobs\{status="queued"\} 0/);
    expect(text).toMatch(/mirai_process_resident_memory_bytes \d+/);
  });

  it('answers /readyz 503 while draining', async () => {
    const ctx = contextFor(t.handle);
    const other = await startServer(ctx, 0);
    expect((await fetch(`${other.url}readyz`)).status).toBe(200);
    const closing = other.close(1000);
    // The flag is set before the listener closes: the readiness read itself says so.
    expect(ctx.lifecycle.draining).toBe(true);
    await closing;
    expect(await checkReadiness(ctx)).toMatchObject({ ready: false, draining: true, database: 'ok' });
  });

  it('counts sign-in attempts in the database: two servers on one database share the limit', async () => {
    const second = await startServer(contextFor(t.handle), 0, '127.0.0.1', {
      auth: { loginRateLimit: { max: 3, windowSeconds: 600 } },
    });
    try {
      const attempt = (base: string) =>
        fetch(`${base}api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: base.replace(/\/$/, '') },
          body: JSON.stringify({ login: 'nobody', password: 'wrong-password-123' }),
        });
      const statuses = [];
      for (const base of [server.url, second.url, server.url, second.url])
        statuses.push((await attempt(base)).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await attempt(server.url);
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(500);
      // Only digests are stored, never the address.
      const rows = await sql<{ key: string }>`SELECT key FROM rate_limits`.execute(t.handle.db);
      expect(rows.rows.length).toBeGreaterThan(0);
      for (const r of rows.rows) expect(r.key).not.toContain('127.0.0.1');
    } finally {
      await second.close();
    }
  });
});
