// A page whose loader is refused by a use case answers a page in words with the API's status,
// never the API's JSON body: here every public page of a data directory with no plan yet.
import { type AppContext, openApp } from '@mirai/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from './start-server';

describe('pages refused by a use case', () => {
  let ctx: AppContext;
  let server: { url: string; close(): Promise<void> };
  beforeAll(async () => {
    ctx = await openApp({ dataDir: ':memory:', noSeed: true });
    server = await startServer(ctx, 0);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await ctx?.close();
  });

  it('shows the catalogued problem as an HTML page in both languages', async () => {
    for (const [lang, words] of [
      ['ja', 'このページを表示できません'],
      ['en', 'This page cannot be shown'],
    ] as const) {
      const res = await fetch(new URL(`/?lang=${lang}`, server.url));
      const text = await res.text();
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(text).toContain(words);
      expect(text).toContain('plan/not-found');
      expect(text).not.toContain('{"error"');
    }
    // The API keeps its JSON body.
    const api = await fetch(new URL('/api/v1/plan', server.url));
    expect(api.headers.get('content-type')).toContain('application/json');
  });
});
