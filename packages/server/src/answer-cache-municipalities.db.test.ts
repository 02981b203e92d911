// The public answer cache with two municipalities on one database and one server (decision 0147):
// each keeps its own published state, so a write in one clears only its own answers, never the
// other's, whether it came through this server (cleared at once) or from elsewhere (seen by the
// audit mark of that municipality only); and no answer is ever kept or served across them.
import { readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createTestAccount, sessionHeaders, testAuthSettings } from '@mirai/api/testing';
import {
  type AppContext,
  addMunicipality,
  contextFor,
  getCurrentPlan,
  recordIndicatorActual,
  seedDefaultPlan,
  withMunicipality,
} from '@mirai/app';
import type { PlanDocument } from '@mirai/core';
import { describeEachDatabase } from '@mirai/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AnswerStore } from './answer-cache';
import { buildServer, type RunningServer, startServer } from './start-server';

const otherPlan = new URL('../../../data/examples/midorino/plan.yaml', import.meta.url);

interface Got {
  status: number;
  etag: string | undefined;
  body: string;
}

describeEachDatabase('answer cache per municipality', (t) => {
  const store = new AnswerStore();
  let ctx: AppContext;
  let server: RunningServer;
  let a: { doc: PlanDocument; version: number; editor: Record<string, string> };
  let bCode: string;

  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
    const current = await getCurrentPlan(ctx);
    if (!current.ok) throw new Error('no plan');
    const aCode = current.value.document.municipality.code;
    expect((await addMunicipality(ctx, { code: aCode, hosts: ['a.example'], actor: 'test' })).ok).toBe(true);
    const text = readFileSync(otherPlan, 'utf8');
    bCode = /code:\s*'?"?(\d{5,6})/.exec(text)![1]!;
    const added = await addMunicipality(ctx, {
      code: bCode,
      hosts: ['b.example'],
      plan: { text, file: 'plan.yaml' },
      actor: 'test',
    });
    if (!added.ok) throw new Error(JSON.stringify(added.problems));
    const editor = await withMunicipality(aCode, async () =>
      sessionHeaders(ctx, await createTestAccount(ctx, 'planning-editor')),
    );
    a = { doc: current.value.document, version: current.value.version, editor };
    // Trusted for a minute: only writes through this server change what it serves before then.
    server = await startServer(ctx, 0, '127.0.0.1', {
      auth: { settings: testAuthSettings },
      answerStore: store,
      answerCache: { revalidateMs: 60_000 },
      reminders: false,
    });
  }, 180_000);
  afterAll(async () => server?.close());

  const call = (method: string, path: string, host: string, headers: Record<string, string>, body?: string) =>
    new Promise<Got>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, method, path, headers: { host, ...headers } },
        (res) => {
          let text = '';
          res.setEncoding('utf8');
          res.on('data', (d) => {
            text += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body: text }));
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const get = (path: string, host: string) => call('GET', path, host, {});
  const keysOf = (code: string) => [...store.entries.keys()].filter((k) => k.startsWith(`${code}\u0000`));

  it('keeps each municipality’s answers under its own code and host only', async () => {
    for (const host of ['a.example', 'b.example']) for (const p of ['/', '/api/v1/plan']) await get(p, host);
    const aKeys = keysOf(a.doc.municipality.code);
    const bKeys = keysOf(bCode);
    expect(aKeys.length).toBe(2);
    expect(bKeys.length).toBe(2);
    expect(aKeys.every((k) => k.split('\u0000')[1] === 'a.example')).toBe(true);
    expect(bKeys.every((k) => k.split('\u0000')[1] === 'b.example')).toBe(true);
    // Hits come from the socket, each host with its own municipality's page.
    const served = store.socketAnswers;
    expect((await get('/', 'b.example')).body).toContain('みどり野');
    expect((await get('/', 'a.example')).body).not.toContain('みどり野');
    expect(store.socketAnswers).toBe(served + 2);
  });

  it('a write through the server in one municipality clears its answers only', async () => {
    await get('/', 'a.example');
    const bBefore = await get('/', 'b.example');
    const bEntry = store.entries.get(keysOf(bCode).find((k) => k.endsWith('\u0000/'))!);
    expect(bEntry).toBeDefined();
    const document = { ...a.doc, plan: { ...a.doc.plan, title: { ...a.doc.plan.title, ja: 'A-ONLY' } } };
    const saved = await call(
      'PUT',
      '/api/v1/staff/plan',
      'a.example',
      { ...a.editor, origin: 'http://a.example', 'content-type': 'application/json' },
      JSON.stringify({ document, expectedVersion: a.version }),
    );
    expect(saved.status).toBe(200);
    a.version = (JSON.parse(saved.body) as { version: number }).version;
    expect(keysOf(a.doc.municipality.code)).toEqual([]);
    // The other municipality's answers stay, and are still served from the socket.
    expect(store.entries.get(keysOf(bCode).find((k) => k.endsWith('\u0000/'))!)).toBe(bEntry);
    const served = store.socketAnswers;
    const bAfter = await get('/', 'b.example');
    expect(store.socketAnswers).toBe(served + 1);
    expect(bAfter.etag).toBe(bBefore.etag);
  });

  it('a write elsewhere (no trust window) is seen by its municipality only', async () => {
    // A second server on the same store that checks the audit mark before every answer.
    const checking = buildServer(ctx, { auth: { settings: testAuthSettings }, answerStore: store });
    const at = (host: string, path = '/') => checking.request(`http://${host}${path}`);
    const aFirst = await at('a.example', '/api/v1/progress');
    const bFirst = await at('b.example', '/api/v1/progress');
    expect([aFirst.status, bFirst.status]).toEqual([200, 200]);
    const aKey = keysOf(a.doc.municipality.code).find((k) => k.endsWith('/api/v1/progress'))!;
    const bKey = keysOf(bCode).find((k) => k.endsWith('/api/v1/progress'))!;
    const bEntry = store.entries.get(bKey);
    const aEntry = store.entries.get(aKey);
    expect(aEntry && bEntry).toBeDefined();
    // Written by a use case (as the CLI or another process would), bound to A.
    const recorded = await withMunicipality(a.doc.municipality.code, () =>
      recordIndicatorActual(
        ctx,
        {
          indicatorCode: 'TOP-POPULATION',
          fiscalYear: 2025,
          date: '2025-10-01',
          value: 66000,
          source: 'test',
        },
        { actor: 'test' },
      ),
    );
    expect(recorded.ok).toBe(true);
    // B's check finds its own trail unchanged: its answer is the same kept entry.
    expect((await at('b.example', '/api/v1/progress')).status).toBe(200);
    expect(store.entries.get(bKey)).toBe(bEntry);
    // A's check finds a newer entry in A's trail: its answer is computed again.
    expect((await at('a.example', '/api/v1/progress')).status).toBe(200);
    expect(store.entries.get(aKey)).not.toBe(aEntry);
    expect(store.entries.get(bKey)).toBe(bEntry);
  });
});
