// A public URL per municipality (decision 0154): two municipalities on one database and one
// server, A with a public URL in the registry (https://a.example), B without one (derived from its
// host b.example and the configured scheme, http). Mail goes through a real SMTP server in the
// test process: each municipality's confirmation mail names its own address. A cookie-authenticated
// write is accepted from the municipality's own origin only; A's https address gives Secure
// __Host- cookies and HSTS, B's http one neither. Clearing A's URL (audited) derives it again.
import { readFileSync } from 'node:fs';
import { createTestAccount, sessionHeaders, testAuthSettings } from '@mirai/api/testing';
import {
  type AppContext,
  addMunicipality,
  contextFor,
  getCurrentPlan,
  seedDefaultPlan,
  updateMunicipality,
  withMunicipality,
} from '@mirai/app';
import { type SmtpSink, startSmtpSink } from '@mirai/app/mail-testing';
import { listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from './start-server';

const otherPlan = new URL('../../../data/examples/midorino/plan.yaml', import.meta.url);

describeEachDatabase('a public URL per municipality', (t) => {
  let sink: SmtpSink;
  let ctx: AppContext;
  let server: ReturnType<typeof buildServer>;
  let aCode = '';
  let bCode = '';
  const measureOf = new Map<string, string>();
  const headersOf = new Map<string, Record<string, string>>();

  beforeAll(async () => {
    sink = await startSmtpSink();
    await seedDefaultPlan(t.handle.db);
    // A configured single-install URL: with two municipalities it gives only the scheme.
    ctx = contextFor(t.handle, {
      mail: { smtpUrl: sink.url, from: 'mirai@test.example', publicUrl: 'http://mirai.test' },
    });
    const a = await getCurrentPlan(ctx);
    if (!a.ok) throw new Error('no plan');
    aCode = a.value.document.municipality.code;
    measureOf.set(aCode, a.value.document.measures[0]!.code);
    const addedA = await addMunicipality(ctx, {
      code: aCode,
      hosts: ['a.example'],
      publicUrl: 'https://a.example/',
      actor: 'test',
    });
    if (!addedA.ok) throw new Error(JSON.stringify(addedA.problems));
    expect(addedA.value.municipality.publicUrl).toBe('https://a.example');
    const text = readFileSync(otherPlan, 'utf8');
    bCode = /code:\s*'?"?(\d{5,6})/.exec(text)![1]!;
    const addedB = await addMunicipality(ctx, {
      code: bCode,
      hosts: ['b.example'],
      plan: { text, file: 'plan.yaml' },
      actor: 'test',
      admin: false,
    });
    if (!addedB.ok) throw new Error(JSON.stringify(addedB.problems));
    expect(addedB.value.municipality.publicUrl).toBeUndefined();
    await withMunicipality(bCode, async () => {
      const p = await getCurrentPlan(ctx);
      if (!p.ok) throw new Error('no plan');
      measureOf.set(bCode, p.value.document.measures[0]!.code);
    });
    server = buildServer(ctx, { auth: { settings: testAuthSettings } });
    for (const code of [aCode, bCode]) {
      const account = await withMunicipality(code, () => createTestAccount(ctx, 'planning-editor'));
      const h = await withMunicipality(code, () => sessionHeaders(ctx, account));
      // A is served over https: its session cookie is the __Host- one.
      if (code === aCode) h.cookie = `__Host-${h.cookie}`;
      headersOf.set(code, h);
    }
  }, 180_000);

  afterAll(async () => {
    await ctx?.mail.close();
    await sink?.close();
  });

  const follow = (host: string, origin: string, email: string, code: string) =>
    server.request(`http://${host}/api/v1/follows`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin },
      body: JSON.stringify({ email, targetKind: 'measure', targetCode: measureOf.get(code) }),
    });

  async function confirmLinkTo(email: string): Promise<string> {
    await ctx.mail.idle();
    const deadline = Date.now() + 10_000;
    while (sink.to(email).length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      await ctx.mail.idle();
    }
    const m = sink.to(email)[0];
    if (!m) throw new Error(`no mail to ${email}`);
    return /(\S+)\/follow\/confirm\?token=/.exec(m.text)?.[1] ?? m.text;
  }

  it("mails each municipality's links at its own address", async () => {
    expect((await follow('a.example', 'https://a.example', 'one@example.jp', aCode)).status).toBe(200);
    expect((await follow('b.example', 'http://b.example', 'two@example.jp', bCode)).status).toBe(200);
    expect(await confirmLinkTo('one@example.jp')).toBe('https://a.example');
    expect(await confirmLinkTo('two@example.jp')).toBe('http://b.example');
  });

  it("accepts a cookie-authenticated write from the municipality's own origin only", async () => {
    const write = async (host: string, origin: string, code: string) => {
      const res = await server.request(`http://${host}/api/v1/staff/notifications/1/read`, {
        method: 'POST',
        headers: { origin, ...headersOf.get(code)! },
      });
      return [res.status, ((await res.json()) as { error?: { code: string } }).error?.code];
    };
    // Past the origin check, the notification itself does not exist.
    const accepted = [404, 'notification/not-found'];
    const refused = [403, 'auth/csrf-failed'];
    expect(await write('a.example', 'https://a.example', aCode)).toEqual(accepted);
    expect(await write('b.example', 'http://b.example', bCode)).toEqual(accepted);
    // B's origin at A, and A's at B, are cross-site.
    expect(await write('a.example', 'http://b.example', aCode)).toEqual(refused);
    expect(await write('b.example', 'https://a.example', bCode)).toEqual(refused);
    // A's registered address is https: its own host over http is not its origin.
    expect(await write('a.example', 'http://a.example', aCode)).toEqual(refused);
  });

  it("gives Secure __Host- cookies and HSTS where the municipality's address is https", async () => {
    const signIn = async (host: string, origin: string, code: string) => {
      const account = await withMunicipality(code, () => createTestAccount(ctx, 'planning-editor'));
      return server.request(`http://${host}/api/v1/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin },
        body: JSON.stringify({ login: account.login, password: account.password }),
      });
    };
    const a = await signIn('a.example', 'https://a.example', aCode);
    expect(a.status).toBe(200);
    expect(a.headers.get('set-cookie')).toMatch(/^__Host-mirai_session=[^;]+;.*Secure/);
    expect(a.headers.get('strict-transport-security')).toMatch(/max-age=/);
    const b = await signIn('b.example', 'http://b.example', bCode);
    expect(b.status).toBe(200);
    expect(b.headers.get('set-cookie')).toMatch(/^mirai_session=/);
    expect(b.headers.get('set-cookie')).not.toMatch(/Secure/);
    expect(b.headers.get('strict-transport-security')).toBeNull();
  });

  it("refuses a bad public URL unchanged, and clearing A's URL (audited in A's trail) derives it from its host", async () => {
    const trail = async (code: string) =>
      (await withMunicipality(code, () => listAudit(ctx.database.db))).filter(
        (e) => e.action === 'municipality.public-url',
      );
    expect(await trail(aCode)).toHaveLength(1);
    expect(await trail(bCode)).toHaveLength(0);
    for (const bad of ['ftp://a.example', 'https://a.example/plan', 'https://c.example', 'not a url']) {
      const r = await updateMunicipality(ctx, { code: aCode, publicUrl: bad, actor: 'test' });
      expect(r.ok, bad).toBe(false);
    }
    expect(await trail(aCode)).toHaveLength(1);
    const cleared = await updateMunicipality(ctx, { code: aCode, publicUrl: null, actor: 'test' });
    expect(cleared.ok && cleared.value.publicUrl).toBeUndefined();
    const entries = await trail(aCode);
    expect(entries).toHaveLength(2);
    expect(await trail(bCode)).toHaveLength(0);
    // Derived now: A's host with the configured scheme (http), and A's http origin is accepted.
    expect((await follow('a.example', 'http://a.example', 'three@example.jp', aCode)).status).toBe(200);
    expect(await confirmLinkTo('three@example.jp')).toBe('http://a.example');
  });
});
