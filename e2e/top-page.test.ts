/**
 * The top page as a citizen first sees it, in Chromium: both goal tiles lie
 * wholly within the first screen at 1366×900 and on a 390×844 phone, in
 * Japanese and English; a survey value recorded with its interval shows at
 * the indicator's precision with the status the interval allows (6.40 with
 * 6.20–6.61 against "at least 6.77" is 「遅れ」, never 「概ね順調」).
 */
import { recordIndicatorActual } from '@mirai/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

describe('top page goal tiles (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer();
    b = await openBrowser('top-page', { width: 1366, height: 900 });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  const tilesInFirstScreen = async (width: number, height: number, lang: 'ja' | 'en') => {
    await b.page.setViewportSize({ width, height });
    await b.page.goto(`${server.url}/?lang=${lang}`);
    await waitHydrated(b.page);
    const tiles = b.page.locator('.goal-tiles > li');
    await expect(tiles.count()).resolves.toBe(2);
    for (let i = 0; i < 2; i++) {
      const box = await tiles.nth(i).boundingBox();
      expect(box, `tile ${i} at ${width}×${height} (${lang})`).not.toBeNull();
      expect(box!.y).toBeGreaterThanOrEqual(0);
      expect(box!.y + box!.height, `tile ${i} bottom at ${width}×${height} (${lang})`).toBeLessThanOrEqual(
        height,
      );
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
    }
    // No sideways scrolling on the page itself.
    const overflow = await b.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await b.page.screenshot({ path: `e2e/artifacts/top-page/first-screen-${width}-${lang}.png` });
  };

  it('shows both goals, with value, target, gap, 和暦 date and status, in the first screen at 1366×900 and 390×844', async () => {
    for (const lang of ['ja', 'en'] as const) {
      await tilesInFirstScreen(1366, 900, lang);
      await tilesInFirstScreen(390, 844, lang);
    }
    await b.page.goto(`${server.url}/?lang=ja`);
    const text = (await b.page.locator('.goal-tiles').textContent()) ?? '';
    expect(text).toContain('市民幸福度');
    expect(text).toContain('67,241');
    expect(text).toMatch(/令和2年10月/);
    expect(text).toContain('65,000人以上');
    expect(text).toContain('+2,241人');
    expect(text).toMatch(/63,200人/);
    expect(await b.page.locator('.goal-tiles svg.sparkline').count()).toBe(2);
  });

  it('a survey value with its interval: rounded to the precision, judged by the interval', async () => {
    const r = await recordIndicatorActual(
      server.ctx,
      {
        indicatorCode: 'TOP-HAPPINESS',
        fiscalYear: 2025,
        date: '2025-12-01',
        value: 6.402728366163508,
        ci: { lower: 6.2, upper: 6.61 },
        source: 'e2e: survey wave',
      },
      { actor: 'system:e2e' },
    );
    expect(r.ok).toBe(true);
    await b.page.setViewportSize({ width: 390, height: 844 });
    await b.page.goto(`${server.url}/`);
    await waitHydrated(b.page);
    const tile = b.page.locator('.goal-tiles > li').first();
    const text = (await tile.textContent()) ?? '';
    expect(text).toContain('6.40');
    expect(text).not.toMatch(/6\.4027/);
    expect(text).toContain('遅れ');
    expect(text).not.toContain('概ね順調');
    expect(text).toMatch(/6\.20〜6\.61/);
    expect(text).toContain('令和7年12月');
    // What the page shows (the embedded hydration data keeps the stored value as it is).
    const html = await (await fetch(`${server.url}/indicators/TOP-HAPPINESS`)).text();
    const shown = html.slice(
      html.indexOf('<div id="root">'),
      html.indexOf('<script type="application/json"'),
    );
    expect(shown).toContain('6.40');
    expect(shown).not.toMatch(/6\.4027|\d\.\d{3,}%|-\d+%/);
    await b.shot('tile-with-interval');
  });
});
