// Sign-in, lockout, tokens, department scope and the audit trail through the real API and database.
import { contextFor, listAccounts, seedDefaultPlan } from '@mirai/app';
import { listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../create-api';
import { routeTable } from '../route-table';
import { bearerHeaders, createTestAccount, sessionHeaders, testAuthSettings } from './testing';

type Body = { error?: { code: string }; [k: string]: unknown };
const origin = 'http://localhost';

describeEachDatabase('sign-in, tokens, scopes, audit', (t) => {
  let api: ReturnType<typeof createApi>;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    api.request(`${origin}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin, ...headers },
      body: JSON.stringify(body),
    });
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    api = createApi(contextFor(t.handle), {
      auth: { settings: testAuthSettings, loginRateLimit: { max: 7, windowSeconds: 600 } },
    });
  });

  it('login sets an HttpOnly SameSite=Lax cookie; me, logout; wrong passwords lock the account; all audited', async () => {
    const ctx = contextFor(t.handle);
    const acct = await createTestAccount(ctx, 'reviewer', { login: 'suzuki' });
    const ok = await post('/api/v1/auth/login', { login: 'SUZUKI', password: acct.password });
    expect(ok.status).toBe(200);
    const cookie = ok.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^mirai_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
    const { csrfToken } = (await ok.json()) as { csrfToken: string };
    const session = { cookie: cookie.split(';')[0]!, 'x-csrf-token': csrfToken };
    const me = await api.request(`${origin}/api/v1/auth/me`, { headers: session });
    expect(((await me.json()) as { user: { login: string } }).user.login).toBe('suzuki');
    expect(me.headers.get('cache-control')).toBe('no-store');
    expect((await post('/api/v1/auth/logout', {}, session)).status).toBe(204);
    expect((await api.request(`${origin}/api/v1/auth/me`, { headers: session })).status).toBe(401);

    for (let i = 0; i < 5; i++) {
      const bad = await post('/api/v1/auth/login', { login: 'suzuki', password: 'wrong password!' });
      expect([bad.status, ((await bad.json()) as Body).error?.code]).toEqual([
        401,
        'auth/invalid-credentials',
      ]);
    }
    // Locked now: even the right password fails, with the same answer.
    const locked = await post('/api/v1/auth/login', { login: 'suzuki', password: acct.password });
    expect(locked.status).toBe(401);
    expect((await listAccounts(ctx)).find((u) => u.login === 'suzuki')?.locked).toBe(true);
    const trail = await listAudit(t.handle.db, { entityType: 'session', entityId: 'suzuki' });
    expect(trail.map((a) => [a.action, (a.details as { reason?: string } | null)?.reason ?? null])).toEqual([
      ['auth.login', null],
      ['auth.logout', null],
      ['auth.login-failed', 'wrong-password'],
      ['auth.login-failed', 'wrong-password'],
      ['auth.login-failed', 'wrong-password'],
      ['auth.login-failed', 'wrong-password'],
      ['auth.login-failed', 'wrong-password-locked'],
      ['auth.login-failed', 'locked'],
    ]);
    // The per-address limit (7 in this suite) answers 429 with Retry-After.
    const limited = await post('/api/v1/auth/login', { login: 'nobody', password: 'x' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as Body).error?.code).toBe('auth/rate-limited');
  });

  it('API tokens: scoped, revocable, never need CSRF; a revoked token gets 401', async () => {
    const ctx = contextFor(t.handle);
    const admin = await createTestAccount(ctx, 'admin');
    const readOnly = await bearerHeaders(ctx, admin, ['audit:read']);
    expect((await api.request(`${origin}/api/v1/audit?limit=5`, { headers: readOnly })).status).toBe(200);
    const denied = await post('/api/v1/users', { login: 'x1', role: 'reviewer' }, readOnly);
    expect([denied.status, ((await denied.json()) as Body).error?.code]).toEqual([403, 'auth/token-scope']);
    const full = await bearerHeaders(ctx, admin);
    const created = await post('/api/v1/tokens', { name: 'etl', scopes: ['indicators:write'] }, full);
    expect(created.status).toBe(201);
    const { token, secret } = (await created.json()) as { token: { id: number }; secret: string };
    const etl = { authorization: `Bearer ${secret}` };
    expect((await api.request(`${origin}/api/v1/tokens`, { headers: etl })).status).toBe(403);
    const revoke = await api.request(`${origin}/api/v1/tokens/${token.id}`, {
      method: 'DELETE',
      headers: full,
    });
    expect(revoke.status).toBe(200);
    const after = await post('/api/v1/indicators/TOP-HAPPINESS/actuals', {}, etl);
    expect([after.status, ((await after.json()) as Body).error?.code]).toEqual([401, 'auth/invalid-token']);
    const bad = await post('/api/v1/tokens', { name: 'x', scopes: ['nope:*', 'users:manage'] }, full);
    expect([bad.status, ((await bad.json()) as Body).error?.code]).toEqual([422, 'auth/unknown-scope']);
  });

  it('a department editor cannot record or correct another department’s values by guessing codes or ids', async () => {
    const ctx = contextFor(t.handle);
    const child = await sessionHeaders(
      ctx,
      await createTestAccount(ctx, 'department-editor', { department: 'DEPT-CHILD' }),
    );
    const industry = await sessionHeaders(
      ctx,
      await createTestAccount(ctx, 'department-editor', { department: 'DEPT-INDUSTRY' }),
    );
    const value = { fiscalYear: 2024, value: 21, source: 'テスト' };
    const own = await post('/api/v1/indicators/B-4-M01-K01/actuals', value, industry);
    expect(own.status).toBe(201);
    const { id } = (await own.json()) as { id: string };
    const foreign = await post(
      '/api/v1/indicators/B-4-M01-K01/actuals',
      { ...value, fiscalYear: 2025 },
      child,
    );
    expect([foreign.status, ((await foreign.json()) as Body).error?.code]).toEqual([
      403,
      'auth/out-of-scope',
    ]);
    const guessed = await post(`/api/v1/actuals/${id}/corrections`, { value: 99 }, child);
    expect([guessed.status, ((await guessed.json()) as Body).error?.code]).toEqual([
      403,
      'auth/out-of-scope',
    ]);
    // The top indicators have no owning department: no department editor's.
    expect((await post('/api/v1/indicators/TOP-HAPPINESS/actuals', value, industry)).status).toBe(403);
    // Only the own-department value was stored.
    expect(await listAudit(t.handle.db, { entityType: 'indicator-actual' })).toHaveLength(1);
  });

  it('the public sees no account, token or audit data in any public GET, and gets 401 on every other route', async () => {
    const ctx = contextFor(t.handle);
    await createTestAccount(ctx, 'committee', { login: 'secret-committee-member' });
    for (const e of routeTable) {
      const res = await api.request(`${origin}${e.path.replace(/\{[^}]+\}/g, 'TOP-HAPPINESS')}`, {
        method: e.method,
        headers: { 'content-type': 'application/json', origin },
        ...(e.method === 'GET' ? {} : { body: '{}' }),
      });
      const text = await res.text();
      if (e.policy !== 'public') expect(res.status, `${e.method} ${e.path}`).toBe(401);
      expect(text, `${e.method} ${e.path}`).not.toContain('secret-committee-member');
      expect(text).not.toMatch(/scrypt\$/);
    }
  });
});
