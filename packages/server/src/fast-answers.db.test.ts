// Cached public answers written straight to the socket (fast-answers.ts), through a real server on
// real databases: hits are answered before the application, per host (two host names never share
// an answer), a publish through the server changes the answer at once although the state is
// trusted for a minute, a draft save leaves it unchanged, sessions and staff paths never hit.
import { request } from 'node:http';
import { createTestAccount, sessionHeaders, testAuthSettings } from '@mirai/api/testing';
import { contextFor, getCurrentPlan, seedDefaultPlan } from '@mirai/app';
import type { PlanDocument } from '@mirai/core';
import { describeEachDatabase } from '@mirai/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { AnswerStore } from './answer-cache';
import { type RunningServer, startServer } from './start-server';

interface Got {
  status: number;
  etag: string | undefined;
  body: string;
}

describeEachDatabase('cached answers from the socket', (t) => {
  const store = new AnswerStore();
  let server: RunningServer;
  let editor: Record<string, string>;
  let doc: PlanDocument;
  let version: number;

  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    server = await startServer(ctx, 0, '127.0.0.1', {
      auth: { settings: testAuthSettings },
      answerStore: store,
      // Trusted for a minute: only writes through this server may change what it serves before then.
      answerCache: { revalidateMs: 60_000 },
      reminders: false,
    });
    const current = await getCurrentPlan(ctx);
    if (!current.ok) throw new Error('no plan');
    doc = current.value.document;
    version = current.value.version;
    editor = {
      ...(await sessionHeaders(ctx, await createTestAccount(ctx, 'planning-editor'))),
      origin: server.url.replace(/\/$/, ''),
      'content-type': 'application/json',
    };
  });
  afterAll(async () => server?.close());

  const get = (path: string, host: string, headers: Record<string, string> = {}) =>
    new Promise<Got>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: server.port, path, headers: { host, ...headers } },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (d) => {
            body += d;
          });
          res.on('end', () => resolve({ status: res.statusCode ?? 0, etag: res.headers.etag, body }));
        },
      );
      req.on('error', reject);
      req.end();
    });
  const save = async (title: string, status: PlanDocument['plan']['status']) => {
    const document = { ...doc, plan: { ...doc.plan, status, title: { ...doc.plan.title, ja: title } } };
    const res = await fetch(`${server.url}api/v1/staff/plan`, {
      method: 'PUT',
      headers: editor,
      body: JSON.stringify({ document, expectedVersion: version }),
    });
    expect(res.status).toBe(200);
    version = ((await res.json()) as { version: number }).version;
  };

  it('answers hits from the socket, and never one host’s answer to another host', async () => {
    const first = await get('/', 'one.example');
    expect(first.status).toBe(200);
    const served = store.socketAnswers;
    const again = await get('/', 'one.example');
    expect(store.socketAnswers).toBe(served + 1);
    expect(again.etag).toBe(first.etag);
    expect(again.body).toBe(first.body);
    expect((await get('/', 'one.example', { 'if-none-match': first.etag! })).status).toBe(304);

    // Another host is a miss (computed and kept under its own key), not the first host's answer.
    const other = await get('/', 'two.example');
    expect(other.status).toBe(200);
    expect(store.socketAnswers).toBe(served + 2);
    const hosts = [...store.entries.keys()]
      .filter((k) => k.endsWith('\u0000/'))
      .map((k) => k.split('\u0000')[1]);
    expect(hosts.sort()).toEqual(['one.example', 'two.example']);
    await get('/', 'two.example');
    expect(store.socketAnswers).toBe(served + 3);
  });

  it('changes right after a publish through the server; a draft save leaves it unchanged', async () => {
    const before = await get('/', 'one.example');
    await get('/', 'one.example');
    expect(before.body).not.toContain('SOCKET-PUBLISHED');
    await save('SOCKET-PUBLISHED', 'approved');
    const published = await get('/', 'one.example');
    expect(published.body).toContain('SOCKET-PUBLISHED');
    expect(published.etag).not.toBe(before.etag);
    expect((await get('/api/v1/plan', 'one.example')).body).toContain('SOCKET-PUBLISHED');

    await save('SOCKET-DRAFT', 'draft');
    const afterDraft = await get('/', 'one.example');
    expect(afterDraft.etag).toBe(published.etag);
    expect(afterDraft.body).not.toContain('SOCKET-DRAFT');
  });

  it('never answers a session or a staff path from the cache', async () => {
    await get('/', 'one.example');
    const served = store.socketAnswers;
    const signedIn = await get('/', 'one.example', { cookie: editor.cookie! });
    expect(signedIn.status).toBe(200);
    const staff = await get('/api/v1/staff/plan', 'one.example', { cookie: editor.cookie! });
    expect(staff.status).toBe(200);
    expect(staff.body).toContain('SOCKET-DRAFT');
    expect(store.socketAnswers).toBe(served);
  });
});
