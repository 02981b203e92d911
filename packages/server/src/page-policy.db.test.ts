// Every page × every role answers as the policy table says, through the real server on a real
// database (PGlite, and PostgreSQL with TEST_DATABASE_URL): public pages to all; no account →
// the sign-in page; a role the policy refuses → the 403 page; an allowed role → the page (or its
// 404 for a guessed code). Every answer, HTML or redirect, carries the security headers, and
// staff answers are never cached. Generic over the route table: pages declared later are walked.
import { routeTable } from '@mirai/api';
import { createTestAccount, sessionHeaders, type TestAccount } from '@mirai/api/testing';
import {
  accountRoles,
  allRoles,
  contextFor,
  getCurrentPlan,
  importPlan,
  type Role,
  roleMay,
  seedDefaultPlan,
} from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from './start-server';

const concrete = (path: string) => path.replace(/\{[^}]+\}/g, 'x-guess').replace(/\/\*$/, '/no-such-page');

function expectSecurityHeaders(res: Response, label: string, staff: boolean) {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp, label).toContain("default-src 'self'");
  expect(csp, label).toContain("frame-ancestors 'none'");
  expect(csp, label).not.toMatch(/https?:/);
  expect(res.headers.get('x-frame-options'), label).toBe('DENY');
  expect(res.headers.get('x-content-type-options'), label).toBe('nosniff');
  expect(res.headers.get('referrer-policy'), label).toBe('no-referrer');
  if (staff) expect(res.headers.get('cache-control'), label).toBe('no-store');
}

describeEachDatabase('page policies', (t) => {
  let server: Awaited<ReturnType<typeof startServer>>;
  const accounts = new Map<Role, TestAccount>();
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    server = await startServer(ctx, 0);
    for (const role of accountRoles) {
      accounts.set(
        role,
        await createTestAccount(ctx, role, role === 'department-editor' ? { department: 'DEPT-CHILD' } : {}),
      );
    }
  });
  afterAll(async () => server?.close());

  it('walks every page × every role: as the policy table says, with the headers on every answer', async () => {
    const ctx = contextFor(t.handle);
    const pages = routeTable.filter((e) => e.kind === 'page');
    expect(pages.length).toBeGreaterThan(20);
    const cookies = new Map<Role, string>();
    for (const role of accountRoles)
      cookies.set(role, (await sessionHeaders(ctx, accounts.get(role)!)).cookie!);
    let walked = 0;
    for (const entry of pages) {
      for (const role of allRoles) {
        const path = concrete(entry.path);
        const cookie = cookies.get(role);
        const res = await fetch(`${server.url}${path.slice(1)}`, {
          redirect: 'manual',
          headers: cookie ? { cookie } : {},
        });
        const body = await res.text();
        const label = `${entry.path} as ${role} → ${res.status} ${res.headers.get('location') ?? ''}`;
        walked++;
        expect(res.status, label).toBeLessThan(500);
        const staff = entry.policy !== 'public' || entry.path.startsWith('/staff');
        expectSecurityHeaders(res, label, staff);
        if (entry.policy === 'public') {
          expect([401, 403], label).not.toContain(res.status);
        } else if (role === 'public') {
          expect(res.status, label).toBe(303);
          expect(res.headers.get('location'), label).toBe(`/staff/login?next=${encodeURIComponent(path)}`);
        } else if (!roleMay(role, entry.policy)) {
          expect(res.status, label).toBe(403);
          expect(body, label).toContain('このページを開く権限がありません');
        } else {
          expect([200, 404], label).toContain(res.status);
          if (!entry.path.includes('{')) expect(res.status, label).toBe(200);
        }
      }
    }
    expect(walked).toBe(pages.length * allRoles.length);
  });

  it('a partner opening the scenario workbench or the actuals pages gets the 403 page, as from the API', async () => {
    const { cookie } = await sessionHeaders(contextFor(t.handle), accounts.get('partner')!);
    for (const path of ['/staff/scenarios', '/staff/indicators', '/staff/plan']) {
      const page = await fetch(`${server.url}${path.slice(1)}`, {
        redirect: 'manual',
        headers: { cookie: cookie! },
      });
      expect([path, page.status]).toEqual([path, 403]);
    }
    const api = await fetch(`${server.url}api/v1/population/scenarios`, { headers: { cookie: cookie! } });
    expect(api.status).toBe(403);
  });

  it('a staff page showing an unpublished draft says so; the public page does not', async () => {
    const { cookie } = await sessionHeaders(contextFor(t.handle), accounts.get('planning-editor')!);
    const before = await (await fetch(`${server.url}staff/plan`, { headers: { cookie: cookie! } })).text();
    expect(before).not.toContain('id="draft-notice"');
    const ctx = contextFor(t.handle);
    const current = await getCurrentPlan(ctx);
    if (!current.ok) throw new Error('no plan');
    const draft = { ...current.value.document, plan: { ...current.value.document.plan, status: 'draft' } };
    const saved = await importPlan(ctx, JSON.stringify(draft), 'draft.json', {
      actor: 'test',
      expectedVersion: current.value.version,
    });
    expect(saved.ok).toBe(true);
    const after = await (await fetch(`${server.url}staff/plan`, { headers: { cookie: cookie! } })).text();
    expect(after).toContain('id="draft-notice"');
    const home = await (await fetch(server.url)).text();
    expect(home).not.toContain('id="draft-notice"');
  });
});
