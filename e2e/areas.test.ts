/**
 * A citizen among the plan's layers of place, in Chromium on the shipped
 * sample: the areas index, the city's page with the district map (SVG drawn
 * on the server, each tile a link) and its table summing to the city's figure,
 * a district reached from the map, a school district across two districts,
 * the brand page without internal notes, and the sectoral plans' alignment.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const num = (s: string | null) => Number((s ?? '').replace(/[^\d.-]/g, ''));

describe('areas, map, brand and sectoral plans (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;

  beforeAll(async () => {
    server = await startTestServer();
    b = await openBrowser('areas');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('lists every layer, and every area answers 200', async () => {
    const list = await (await fetch(`${server.url}/api/v1/areas`)).json();
    const codes: string[] = list.areas.map((a: { code: string }) => a.code);
    expect(codes.length).toBeGreaterThanOrEqual(13);
    for (const code of codes) expect((await fetch(`${server.url}/areas/${code}`)).status, code).toBe(200);
    await b.page.goto(`${server.url}/areas`);
    await waitHydrated(b.page);
    await expect(b.page.locator('h2').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['広域圏', '市全体', '地区', '小学校区']),
    );
    await b.shot('01-areas');
  });

  it('draws the district map on the city page, and its districts sum to the city', async () => {
    const { page } = b;
    await page.goto(`${server.url}/areas/CITY`);
    await waitHydrated(page);
    const tiles = page.locator('figure.district-map svg a');
    await expect(tiles.count()).resolves.toBe(10);
    // Drawn from the boundaries the manifest names (a labelled sample schematic), with source and licence.
    await expect(page.locator('figure.district-map svg a path').count()).resolves.toBe(10);
    await expect(page.locator('figure.district-map figcaption').textContent()).resolves.toMatch(
      /模式図のサンプル.*出典.*CC0 1\.0/s,
    );
    const geo = await (await fetch(`${server.url}/api/v1/areas/boundaries`)).json();
    expect(geo.type).toBe('FeatureCollection');
    expect(geo.features).toHaveLength(10);
    expect(geo['mirai:licence']).toBe('CC0 1.0');
    const rows = page.locator('section[aria-labelledby="map"] table tbody tr td');
    const values = (await rows.allTextContents()).map(num);
    const total = num(await page.locator('section[aria-labelledby="map"] table tfoot td').textContent());
    expect(values).toHaveLength(10);
    expect(total).toBe(values.reduce((s, v) => s + v, 0));
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('02-city-map');
    await tiles.first().click();
    await page.waitForURL(/\/areas\/D-/);
    await expect(page.locator('h1').textContent()).resolves.toContain('地区');
    await b.shot('03-district');
    // The map is there before scripts run, too.
    const html = await (await fetch(`${server.url}/areas/CITY`)).text();
    expect(html).toContain('<svg');
  });

  it('shows a school district across two districts with their shares', async () => {
    const list = await (await fetch(`${server.url}/api/v1/areas`)).json();
    const sd = list.areas.find((a: { shares: unknown[] }) => a.shares.length > 1);
    await b.page.goto(`${server.url}/areas/${sd.code}`);
    await expect(b.page.locator('main').textContent()).resolves.toMatch(/80%.*20%/s);
  });

  it('shows the brand with its assets and no internal note, and the sectoral plans with findings', async () => {
    const { page } = b;
    for (const path of ['/', '/brand']) {
      const html = await (await fetch(`${server.url}${path}`)).text();
      expect(html).not.toContain('市が入力すること');
    }
    await page.goto(`${server.url}/brand`);
    await waitHydrated(page);
    await expect(page.locator('h3').allTextContents()).resolves.toEqual(
      expect.arrayContaining(['暮らしやすさ', '子育て環境', 'ワイン', 'えんぱーく', '人']),
    );
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('04-brand');
    await page.goto(`${server.url}/sectoral-plans`);
    await waitHydrated(page);
    const main = await page.locator('main').textContent();
    expect(main).toMatch(/第1期の終わり/);
    expect(main).toMatch(/食い違っています/);
    expect(main).not.toContain('産業振興ビジョン'); // a draft stays with staff
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('05-sectoral-plans');
  });

  it('filters the measures by target area and promotion period with a plain form, in both languages', async () => {
    const { page } = b;
    await page.goto(`${server.url}/measures`);
    await waitHydrated(page);
    await page.selectOption('form.measure-filter select[name="area"]', 'D-NARAKAWA');
    await page.selectOption('form.measure-filter select[name="period"]', 'long');
    await page.click('form.measure-filter button[type="submit"]');
    await page.waitForURL(/area=D-NARAKAWA&period=long/);
    const links = await page
      .locator('main li > a[href^="/measures/"]')
      .evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links.sort()).toEqual(['/measures/A-3-M01', '/measures/C-7-M01']);
    await expect(page.locator('main').textContent()).resolves.toMatch(/長期推進.*対象地域/s);
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('06-measures-filtered');
    // Without scripts: the server lists what matches the query.
    const html = await (await fetch(`${server.url}/measures?area=D-KITAONO&period=short`)).text();
    expect(html).not.toContain('/measures/C-7-M01"');
    const kitaono = await (await fetch(`${server.url}/measures?area=D-KITAONO`)).text();
    expect(kitaono).toContain('/measures/C-7-M01"');
    expect(kitaono).not.toContain('/measures/A-3-M01"');
    // A measure's own page shows its period and target areas; an area's page filters by period.
    await page.goto(`${server.url}/measures/C-7-M01?lang=en`);
    await expect(page.locator('.measure-scope').textContent()).resolves.toMatch(
      /Long-term.*Kitaono.*Narakawa/s,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/areas/D-NARAKAWA?period=short&lang=en`);
    await waitHydrated(page);
    await expect(page.locator('section[aria-labelledby="measures"]').textContent()).resolves.toContain(
      '0 of 2',
    );
    await expect(page.locator('section[aria-labelledby="happiness"]').textContent()).resolves.toContain(
      'No published survey wave',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/fields/C-7?area=D-KITAONO&lang=ja`);
    await waitHydrated(page);
    await expect(page.locator('form.measure-filter output').textContent()).resolves.toBe('1 件中 1 件');
    expect(await axeViolations(page)).toEqual([]);
  });
});
