// Public answers cached by what they show, through the real server on real databases: a cached
// answer changes right after a publish, a draft save leaves it unchanged, two municipalities
// served from one store never share an answer, ETags give 304, compressed forms decode to the
// same bytes, staff answers are never kept.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { createTestAccount, sessionHeaders, testAuthSettings } from '@mirai/api/testing';
import { contextFor, getCurrentPlan, importPlan, seedDefaultPlan } from '@mirai/app';
import type { PlanDocument } from '@mirai/core';
import { migrateToLatest } from '@mirai/db';
import { describeEachDatabase, openTestDatabase } from '@mirai/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AnswerStore } from './answer-cache';
import { buildServer } from './start-server';

describeEachDatabase('public answer cache', (t) => {
  const store = new AnswerStore();
  let a: ReturnType<typeof buildServer>;
  let b: ReturnType<typeof buildServer>;
  let other: Awaited<ReturnType<typeof openTestDatabase>>;
  let editor: Record<string, string>;
  let doc: PlanDocument;
  let version: number;
  // The other municipality: the same plan under another (sample) code and name.
  const otherCode = '99999';

  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    const opts = { auth: { settings: testAuthSettings }, answerStore: store };
    // A long revalidation: only writes through this server change what it serves before then.
    a = buildServer(ctx, { ...opts, answerCache: { revalidateMs: 60_000 } });
    const current = await getCurrentPlan(ctx);
    if (!current.ok) throw new Error('no plan');
    doc = current.value.document;
    version = current.value.version;
    editor = {
      ...(await sessionHeaders(ctx, await createTestAccount(ctx, 'planning-editor'))),
      origin: 'http://localhost',
      'content-type': 'application/json',
    };
    other = await openTestDatabase(t.dialect);
    await migrateToLatest(other.db, other.schema);
    const otherDoc = {
      ...doc,
      municipality: { code: otherCode, name: { ja: '（サンプル）みらい市', en: 'Mirai City (sample)' } },
    };
    const imported = await importPlan(contextFor(other), JSON.stringify(otherDoc), 'other.json', {
      actor: 'test',
    });
    if (!imported.ok) throw new Error(JSON.stringify(imported.problems));
    b = buildServer(contextFor(other), opts);
  });
  afterAll(async () => other?.close());

  const get = (server: ReturnType<typeof buildServer>, path: string, headers: Record<string, string> = {}) =>
    server.request(`http://localhost${path}`, { headers });
  const save = async (title: string, status: PlanDocument['plan']['status']) => {
    const document = { ...doc, plan: { ...doc.plan, status, title: { ...doc.plan.title, ja: title } } };
    const res = await a.request('http://localhost/api/v1/staff/plan', {
      method: 'PUT',
      headers: editor,
      body: JSON.stringify({ document, expectedVersion: version }),
    });
    expect(res.status).toBe(200);
    version = ((await res.json()) as { version: number }).version;
  };

  it('serves a public page and API answer once computed, with a strong ETag, 304 and compressed forms', async () => {
    for (const path of ['/', '/api/v1/plan']) {
      const first = await get(a, path);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag')!;
      expect(etag).toMatch(/^"[^W]/);
      const body = await first.text();
      const again = await get(a, path);
      expect(again.headers.get('etag')).toBe(etag);
      expect(await again.text()).toBe(body);
      expect((await get(a, path, { 'if-none-match': etag })).status).toBe(304);
      const br = await get(a, path, { 'accept-encoding': 'gzip, br' });
      expect(br.headers.get('content-encoding')).toBe('br');
      expect(brotliDecompressSync(Buffer.from(await br.arrayBuffer())).toString()).toBe(body);
      const gz = await get(a, path, { 'accept-encoding': 'gzip' });
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(body);
      expect(gz.headers.get('etag')).not.toBe(etag);
    }
  });

  it('changes right after a publish; a draft save leaves it unchanged; staff answers are not kept', async () => {
    const before = await get(a, '/');
    const etag = before.headers.get('etag');
    expect(await before.text()).not.toContain('CACHE-PUBLISHED');
    await save('CACHE-PUBLISHED', 'approved');
    const published = await get(a, '/');
    expect(await published.text()).toContain('CACHE-PUBLISHED');
    expect(published.headers.get('etag')).not.toBe(etag);
    const api = await get(a, '/api/v1/plan');
    expect(await api.text()).toContain('CACHE-PUBLISHED');

    await save('CACHE-DRAFT', 'draft');
    const afterDraft = await get(a, '/');
    expect(afterDraft.headers.get('etag')).toBe(published.headers.get('etag'));
    expect(await afterDraft.text()).not.toContain('CACHE-DRAFT');

    const kept = store.entries.size;
    const staff = await get(a, '/api/v1/staff/plan', { cookie: editor.cookie! });
    expect(staff.status).toBe(200);
    expect(await staff.text()).toContain('CACHE-DRAFT');
    expect(staff.headers.get('etag')).toBeNull();
    expect(store.entries.size).toBe(kept);
  });

  it('never shares an answer between two municipalities served from one store', async () => {
    const fromA = await (await get(a, '/')).text();
    const fromB = await (await get(b, '/')).text();
    expect(fromB).toContain('みらい市');
    expect(fromA).not.toContain('みらい市');
    const codes = new Set([...store.entries.keys()].map((k) => k.split('\u0000')[0]));
    expect(codes).toEqual(new Set([doc.municipality.code, otherCode]));
  });
});
