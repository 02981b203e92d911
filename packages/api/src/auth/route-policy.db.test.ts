// Every API route × every role against the policy table, on a real database (PGlite, and PostgreSQL
// with TEST_DATABASE_URL). Generic over routeTable: routes added later are walked automatically.
// Pages (declared by @mirai/server in the same table) are walked by server/src/page-policy.db.test.ts.
import type { OpenAPIHono } from '@hono/zod-openapi';
import {
  accountRoles,
  allRoles,
  contextFor,
  isAction,
  type Role,
  roleMay,
  seedDefaultPlan,
} from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../create-api';
import { routeTable } from '../route-table';
import { itemScopes } from './item-scopes';
import { createTestAccount, sessionHeaders, type TestAccount, testAuthSettings } from './testing';

const concrete = (path: string) => path.replace(/\{[^}]+\}/g, 'x-guess');
const honoToOpenApi = (p: string) => p.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');

describeEachDatabase('route policies', (t) => {
  let api: ReturnType<typeof createApi>;
  const accounts = new Map<Role, TestAccount>();
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    api = createApi(ctx, {
      auth: { settings: testAuthSettings, loginRateLimit: { max: 1e6, windowSeconds: 60 } },
    });
    for (const role of accountRoles) {
      accounts.set(
        role,
        await createTestAccount(ctx, role, role === 'department-editor' ? { department: 'DEPT-CHILD' } : {}),
      );
    }
  });

  it('every handler under /api has exactly one policy entry, and every policy is public or a known action', () => {
    const handlers = api.routes.filter(
      (r) => r.method !== 'ALL' && (r.path.startsWith('/api/') || r.path === '/healthz'),
    );
    expect(handlers.length).toBeGreaterThan(10);
    for (const r of handlers) {
      const entries = routeTable.filter((e) => e.method === r.method && e.path === honoToOpenApi(r.path));
      expect(entries, `${r.method} ${r.path}`).toHaveLength(1);
    }
    for (const e of routeTable)
      expect(e.policy === 'public' || isAction(e.policy), `${e.method} ${e.path}`).toBe(true);
  });

  it('a handler registered without a policy is refused (500, logged), never served open', async () => {
    const app = createApi(contextFor(t.handle)) as unknown as OpenAPIHono;
    app.get('/api/v1/unguarded', (c) => c.json({ secret: true }));
    const res = await app.request('/api/v1/unguarded');
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('secret');
  });

  it('walks every route × every role: allowed passes the guard, public gets 401, others 403, never 500', async () => {
    const ctx = contextFor(t.handle);
    const outcomes: string[] = [];
    const apiRoutes = routeTable.filter((e) => e.kind === 'api');
    for (const entry of apiRoutes) {
      for (const role of allRoles) {
        const headers: Record<string, string> = {
          'content-type': 'application/json',
          origin: 'http://localhost',
        };
        if (role !== 'public') Object.assign(headers, await sessionHeaders(ctx, accounts.get(role)!));
        const init: RequestInit = { method: entry.method, headers };
        if (!['GET', 'HEAD'].includes(entry.method)) init.body = '{}';
        const res = await api.request(`http://localhost${concrete(entry.path)}`, init);
        const body = res.headers.get('content-type')?.includes('json')
          ? ((await res.json()) as { error?: { code: string } })
          : {};
        const label = `${entry.method} ${entry.path} as ${role} → ${res.status} ${body.error?.code ?? ''}`;
        outcomes.push(label);
        expect(res.status, label).toBeLessThan(500);
        if (entry.policy === 'public') {
          expect([401, 403], label).not.toContain(res.status);
        } else if (role === 'public') {
          expect(res.status, label).toBe(401);
          expect(body.error?.code, label).toBe('auth/unauthenticated');
        } else if (!roleMay(role, entry.policy)) {
          expect(res.status, label).toBe(403);
          expect(body.error?.code, label).toBe('auth/forbidden');
        } else if (res.status === 403) {
          // Allowed by role, refused for the item: only on routes with an item scope.
          expect(body.error?.code, label).toBe('auth/out-of-scope');
          expect(itemScopes[`${entry.method} ${entry.path}`], label).toBeDefined();
        } else {
          expect(res.status, label).not.toBe(401);
        }
      }
    }
    expect(outcomes.length).toBe(apiRoutes.length * allRoles.length);
  });

  it('cookie sessions need the CSRF header on unsafe methods; a foreign Origin is refused even with it', async () => {
    const ctx = contextFor(t.handle);
    const admin = accounts.get('admin')!;
    const write = routeTable.find((e) => e.method === 'POST' && e.path === '/api/v1/users')!;
    const { cookie, 'x-csrf-token': csrf } = await sessionHeaders(ctx, admin);
    const send = (headers: Record<string, string>) =>
      api.request(`http://localhost${write.path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: cookie!, ...headers },
        body: '{}',
      });
    const noToken = await send({});
    expect([noToken.status, ((await noToken.json()) as { error: { code: string } }).error.code]).toEqual([
      403,
      'auth/csrf-failed',
    ]);
    expect((await send({ 'x-csrf-token': 'wrong' })).status).toBe(403);
    expect((await send({ 'x-csrf-token': csrf!, origin: 'https://evil.example' })).status).toBe(403);
    expect((await send({ 'x-csrf-token': csrf!, 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    // The right token passes the guard (then the empty body is invalid).
    expect((await send({ 'x-csrf-token': csrf!, origin: 'http://localhost' })).status).toBe(422);
  });
});
