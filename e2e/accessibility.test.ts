/** axe-core in Chromium: no violations on every public page, in Japanese and in English. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const publicPages = [
  '/',
  '/strategies/A',
  '/fields/A-1',
  '/measures/A-1-M01',
  '/indicators/TOP-HAPPINESS',
  '/indicators/TOP-POPULATION',
  '/happiness',
  '/population',
  '/districts/D-NARAKAWA',
  '/calendar',
  '/open-data',
  '/no-such-page',
];

describe('accessibility (axe-core)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer();
    b = await openBrowser('accessibility');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('would notice a violation (an image without alternative text planted in the page)', async () => {
    await b.page.goto(`${server.url}/calendar`);
    await b.page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:,';
      document.querySelector('main')?.append(img);
    });
    expect((await axeViolations(b.page)).map((v) => v.id)).toContain('image-alt');
  });

  for (const lang of ['ja', 'en'] as const) {
    it(`every public page has zero violations (${lang})`, async () => {
      const found: Record<string, unknown> = {};
      for (const path of publicPages) {
        await b.page.goto(`${server.url}${path}?lang=${lang}`);
        await waitHydrated(b.page);
        await b.page.waitForTimeout(300);
        const v = await axeViolations(b.page);
        if (v.length > 0) found[path] = v;
      }
      expect(found).toEqual({});
    });
  }
});
