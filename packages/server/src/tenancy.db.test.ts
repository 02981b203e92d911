// Two municipalities on one database, each at its own host name (decisions 0135–0137): every GET
// route (API and pages, open-data files) answered at one host carries nothing of the other, an
// account of one cannot sign in at the other's host, its token is refused there, and a job
// enqueued for one runs bound to it. Generic over the route table: routes declared later are walked.
import { readFileSync } from 'node:fs';
import { routeTable } from '@mirai/api';
import { bearerHeaders, createTestAccount, sessionHeaders, testAuthSettings } from '@mirai/api/testing';
import {
  type AppContext,
  addMunicipality,
  contextFor,
  getCurrentPlan,
  seedDefaultPlan,
  withMunicipality,
} from '@mirai/app';
import { ok, type PlanDocument } from '@mirai/core';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { buildServer } from './start-server';

const otherPlan = new URL('../../../data/examples/midorino/plan.yaml', import.meta.url);
// What only the bundled municipality's answers say, and what only the other town's say.
const bundled = /塩尻|しおじり|Shiojiri|20215/;
const midorino = /みどり野|Midorino/;

describeEachDatabase('two municipalities on one database', (t) => {
  let ctx: AppContext;
  let server: ReturnType<typeof buildServer>;
  let a: PlanDocument;
  let b: PlanDocument;
  const headersOf = new Map<string, Record<string, string>>();
  const adminOf = new Map<string, Awaited<ReturnType<typeof createTestAccount>>>();

  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
    ctx.jobs.register({
      kind: 'test.where-am-i',
      handler: async () => {
        const r = await sql<{ m: string }>`SELECT current_setting('mirai.municipality') AS m`.execute(
          ctx.database.db,
        );
        return ok({ municipality: r.rows[0]!.m, plans: (await getCurrentPlan(ctx)).ok });
      },
    });
    const current = await getCurrentPlan(ctx);
    if (!current.ok) throw new Error('no plan');
    a = current.value.document;
    const added = await addMunicipality(ctx, {
      code: a.municipality.code,
      hosts: ['a.example'],
      actor: 'test',
    });
    expect(added.ok).toBe(true);
    const text = readFileSync(otherPlan, 'utf8');
    const bCode = /code:\s*'?"?(\d{5,6})/.exec(text)![1]!;
    const r = await addMunicipality(ctx, {
      code: bCode,
      hosts: ['b.example'],
      plan: { text, file: 'plan.yaml' },
      actor: 'test',
    });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    b = await withMunicipality(bCode, async () => {
      const p = await getCurrentPlan(ctx);
      if (!p.ok) throw new Error('no plan');
      return p.value.document;
    });
    server = buildServer(ctx, { auth: { settings: testAuthSettings } });
    for (const doc of [a, b]) {
      const code = doc.municipality.code;
      // The same login in both municipalities: logins are unique per municipality only.
      const admin = await withMunicipality(code, () =>
        createTestAccount(ctx, 'admin', { login: 'shared-admin' }),
      );
      adminOf.set(code, admin);
      headersOf.set(code, await withMunicipality(code, () => sessionHeaders(ctx, admin)));
    }
  }, 180_000);

  const get = (host: string, path: string, headers: Record<string, string> = {}) =>
    server.request(`http://${host}${path}`, { headers });

  /** Concrete paths of a route: every code of both plans where the route takes a code. */
  function pathsOf(template: string): string[] {
    if (!template.includes('{') && !template.includes('*')) return [template];
    if (template.endsWith('/*')) return [];
    // One of each kind of code from each plan (enough to reach every route's own answer and its 404).
    const codes = (doc: PlanDocument) => [
      doc.strategies[0]?.code,
      doc.fields[0]?.code,
      doc.measures[0]?.code,
      doc.indicators[0]?.code,
      String(doc.phases[0]?.number ?? ''),
      String(doc.plan.startFiscalYear),
    ];
    const values = [...new Set([...codes(a), ...codes(b)])].filter((v): v is string => !!v);
    return values.map((v) => template.replace(/\{[^}]+\}|:[a-zA-Z]+/g, encodeURIComponent(v)));
  }

  it('answers every GET route at one host with nothing of the other municipality', async () => {
    const gets = routeTable.filter((e) => e.method.toLowerCase() === 'get');
    expect(gets.length).toBeGreaterThan(60);
    let walked = 0;
    for (const [host, doc, foreign] of [
      ['a.example', a, midorino],
      ['b.example', b, bundled],
    ] as const) {
      const staff = headersOf.get(doc.municipality.code)!;
      for (const entry of gets) {
        for (const path of pathsOf(entry.path)) {
          for (const headers of entry.policy === 'public' ? [{}, staff] : [staff]) {
            const res = await get(host, path, headers);
            const body = await res.text();
            expect(body.match(foreign)?.[0], `${host}${path} ${res.status}`).toBeUndefined();
            walked++;
          }
        }
      }
      // The open-data files of every dataset the catalogue lists.
      const catalogue = (await (await get(host, '/api/3/action/package_list')).json()) as {
        result: string[];
      };
      expect(catalogue.result.length).toBeGreaterThan(3);
      for (const id of catalogue.result) {
        for (const ext of ['csv', 'json']) {
          const res = await get(host, `/open-data/datasets/${id}.${ext}`);
          expect(res.status, `${host} ${id}.${ext}`).toBe(200);
          expect((await res.text()).match(foreign)?.[0], `${host} ${id}.${ext}`).toBeUndefined();
          walked++;
        }
      }
    }
    expect(walked).toBeGreaterThan(300);
    // Each host shows its own plan.
    expect(await (await get('a.example', '/api/v1/plan')).text()).toMatch(bundled);
    expect(await (await get('b.example', '/api/v1/plan')).text()).toMatch(midorino);
    // With two municipalities, an unknown host is for nobody; health still answers.
    expect((await get('c.example', '/api/v1/plan')).status).toBe(404);
    expect((await get('c.example', '/healthz')).status).toBe(200);
  }, 600_000);

  it('answers an unknown host through the same gate, with the same security headers, for nobody', async () => {
    const security = [
      'content-security-policy',
      'x-content-type-options',
      'x-frame-options',
      'referrer-policy',
      'cross-origin-opener-policy',
      'cross-origin-resource-policy',
      'permissions-policy',
    ];
    const known = await get('a.example', '/api/v1/plan');
    for (const path of ['/api/v1/plan', '/', '/fields/x', '/open-data/datasets/x.csv']) {
      const res = await get('c.example', path);
      expect(res.status, path).toBe(404);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('tenancy/unknown-host');
      expect(res.headers.get('cache-control')).toBe('no-store');
      for (const h of security) expect(res.headers.get(h), `${path} ${h}`).toBe(known.headers.get(h));
    }
    // The gate speaks first, as at any host: a staff route without an account is refused by it.
    const staff = await get('c.example', '/api/v1/users');
    expect(staff.status).toBe(401);
    // A session of a municipality is nobody's session at an unknown host.
    const aSession = headersOf.get(a.municipality.code)!;
    expect((await get('c.example', '/api/v1/users', aSession)).status).toBe(401);
    // A cross-site write is refused by the gate's origin check before the 404.
    const post = await server.request('http://c.example/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: '{}',
    });
    expect(post.status).toBe(403);
  });

  it("refuses one municipality's account, session and token at the other's host", async () => {
    const bAdmin = adminOf.get(b.municipality.code)!;
    const onlyB = await withMunicipality(b.municipality.code, () =>
      createTestAccount(ctx, 'planning-editor', { login: 'only-in-b' }),
    );
    const login = (host: string, account: { login: string; password: string }) =>
      server.request(`http://${host}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: `http://${host}` },
        body: JSON.stringify({ login: account.login, password: account.password }),
      });
    expect((await login('b.example', onlyB)).status).toBe(200);
    expect((await login('a.example', onlyB)).status).toBe(401);
    const bSession = headersOf.get(b.municipality.code)!;
    expect((await get('b.example', '/api/v1/users', bSession)).status).toBe(200);
    expect((await get('a.example', '/api/v1/users', bSession)).status).toBe(401);
    const token = await withMunicipality(b.municipality.code, () => bearerHeaders(ctx, bAdmin));
    expect((await get('b.example', '/api/v1/audit', token)).status).toBe(200);
    expect((await get('a.example', '/api/v1/audit', token)).status).toBe(401);
  });

  it('runs a job enqueued for a municipality bound to it, invisible to the other', async () => {
    await ctx.jobs.start();
    try {
      for (const doc of [a, b]) {
        const code = doc.municipality.code;
        const other = doc === a ? b.municipality.code : a.municipality.code;
        const id = await withMunicipality(code, () =>
          ctx.jobs.enqueue('test.where-am-i', {}, { actor: 'test', userId: null }),
        );
        const done = await withMunicipality(code, () => ctx.jobs.waitFor(id, { timeoutMs: 60_000 }));
        expect(done.status).toBe('succeeded');
        expect(done.result).toEqual({ municipality: code, plans: true });
        expect(await withMunicipality(other, () => ctx.jobs.get(id))).toBeUndefined();
      }
    } finally {
      await ctx.jobs.stop();
    }
  }, 120_000);
});
