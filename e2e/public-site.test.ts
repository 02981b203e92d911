/**
 * A citizen browsing the public site in Chromium: the top page (readable
 * before scripts, then hydrated), a strategy, a field, an indicator, the
 * population page with its charts and tables, the English switch that
 * persists, keyboard access, a phone-sized screen and no external requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

describe('citizen journey (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  const foreign: string[] = [];

  beforeAll(async () => {
    server = await startTestServer();
    b = await openBrowser('public-site');
    b.page.on('request', (r) => {
      if (!r.url().startsWith(server.url) && !r.url().startsWith('data:')) foreign.push(r.url());
    });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('serves a useful top page before scripts run', async () => {
    const res = await fetch(`${server.url}/`);
    const html = await res.text();
    expect(res.status).toBe(200);
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('しおじり未来投資戦略');
    expect(html).toMatch(/令和6〜14年度（2024〜2032年度）/);
  });

  it('goes from the top page to a strategy, a field and an indicator', async () => {
    const { page } = b;
    await page.goto(`${server.url}/`);
    await waitHydrated(page);
    await expect(page.locator('h1').textContent()).resolves.toContain('しおじり未来投資戦略');
    await b.shot('01-top');
    await page.getByRole('link', { name: '基本戦略A' }).first().click();
    await page.waitForURL('**/strategies/A');
    await expect(page.locator('h1').textContent()).resolves.toContain('基本戦略A');
    await b.shot('02-strategy');
    const fieldLink = page.locator('a[href^="/fields/"]').first();
    const fieldHref = await fieldLink.getAttribute('href');
    await fieldLink.click();
    await page.waitForURL(`**${fieldHref}`);
    await expect(page.locator('nav.crumbs').textContent()).resolves.toContain('基本戦略A');
    await b.shot('03-field');
    await page.goto(`${server.url}/`);
    await page.locator('a[href="/indicators/TOP-POPULATION"]').first().click();
    await page.waitForURL('**/indicators/TOP-POPULATION');
    await expect(page.locator('h1').textContent()).resolves.toContain('総人口');
    await expect(page.locator('main').textContent()).resolves.toMatch(/基準値/);
    await b.shot('04-indicator');
  });

  it('shows the population page: census/projection boundary, target, back-casting, charts with tables', async () => {
    const { page } = b;
    await page.goto(`${server.url}/`);
    await page
      .getByRole('navigation', { name: 'メインメニュー' })
      .getByRole('link', { name: '人口' })
      .click();
    await page.waitForURL('**/population');
    await waitHydrated(page);
    const main = page.locator('main');
    await expect(main.textContent()).resolves.toContain('65,000');
    await expect(main.textContent()).resolves.toContain('国勢調査');
    await expect(main.textContent()).resolves.toMatch(/毎年 \d+ 人の転入超過/);
    // The charts are drawn (SVG) once the chart module loads; the tables are there regardless.
    await page.waitForSelector('.chart-canvas[data-rendered="true"] svg', { timeout: 20_000 });
    expect(await page.locator('.chart-canvas[data-rendered="true"]').count()).toBeGreaterThanOrEqual(3);
    expect(await page.locator('figure.chart table').count()).toBeGreaterThanOrEqual(3);
    await expect(page.locator('table').first().textContent()).resolves.toContain('67,135');
    await b.shot('05-population');
    await page.locator('a[href="/districts/D-DAIMON"]').click();
    await page.waitForURL('**/districts/D-DAIMON');
    await expect(page.locator('h1').textContent()).resolves.toContain('サンプル');
    await b.shot('06-district-sample');
  });

  it('switches to English, and the choice persists on the next page', async () => {
    const { page } = b;
    await page.goto(`${server.url}/population`);
    await page.locator('a.lang-switch').click();
    await page.waitForURL('**/population?lang=en');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('h1').textContent()).resolves.toContain('Population of Shiojiri City');
    await page.goto(`${server.url}/calendar`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('main').textContent()).resolves.toContain('FY2026 (令和8年度)');
    await b.shot('07-calendar-en');
    await page.goto(`${server.url}/?lang=ja`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('ja');
  });

  it('is keyboard operable with a visible focus ring', async () => {
    const { page } = b;
    await page.goto(`${server.url}/`);
    await page.keyboard.press('Tab');
    const skip = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement;
      const cs = getComputedStyle(el);
      return { cls: el.className, outline: cs.outlineStyle, width: cs.outlineWidth };
    });
    expect(skip.cls).toBe('skip');
    expect(skip.outline).toBe('solid');
    expect(skip.width).toBe('4px');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
  });

  it('fits a phone screen without sideways scrolling', async () => {
    const phone = await openBrowser('public-site-phone', { width: 375, height: 740 });
    try {
      for (const path of ['/', '/population', '/happiness']) {
        await phone.page.goto(`${server.url}${path}`);
        const overflow = await phone.page.evaluate(
          () => document.documentElement.scrollWidth - window.innerWidth,
        );
        expect(overflow, path).toBeLessThanOrEqual(0);
        await phone.shot(`phone${path.replace(/\//g, '-') || '-top'}`);
      }
    } finally {
      await phone.close();
    }
  });

  it('fetched nothing from anywhere else', () => {
    expect(foreign).toEqual([]);
  });
});
