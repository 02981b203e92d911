/**
 * A town with the classic structure and no population data yet (data/examples/midorino, SAMPLE),
 * walked in Chromium by its planning division: the scenario workbench says the data is missing and
 * leads to the population data page; a census file with a bad cell shows the cell, stores nothing;
 * e-Stat's CSV (a made-up table, SAMPLE) is checked, then imported, and the public population page
 * shows its census years (the projection still missing), then all of it once the projection is in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const root = join(import.meta.dirname, '..');
const PASSWORD = 'midorino-planner-pass-7';
// e-Stat's layout, a made-up town's figures (fixture code 99999), for the town's code 99001.
const census = readFileSync(
  join(root, 'packages/app/src/datasets/estat/fixtures/census-web.utf8.csv'),
  'utf8',
)
  .replaceAll('"99999"', '"99001"')
  .replaceAll('テスト町', 'みどり野町');

// An IPSS table in Mirai's own columns (the figures of the bundled projection, relabelled: SAMPLE).
const projection = readFileSync(
  join(root, 'data/population/shiojiri_ipss2018_projection_2015_2045_sex_age5.csv'),
  'utf8',
)
  .split('\n')
  .map((l, i) => (i === 0 || !l ? l : l.replace(/^\d+,[^,]+,/, '99001,みどり野町,')))
  .join('\n');

describe('a classic town stores its population data in the browser (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer({ plan: join(root, 'data/examples/midorino/plan.yaml') });
    await server.addUser('planner1', 'planning-editor', PASSWORD);
    b = await openBrowser('any-town-population');
    const { page } = b;
    await page.goto(`${server.url}/staff/scenarios`);
    await page.waitForURL('**/staff/login?next=*');
    await waitHydrated(page);
    await page.getByLabel('ログインID').fill('planner1');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL('**/staff/scenarios');
    await waitHydrated(page);
  }, 180_000);
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  const fill = async (text: string, kind = 'census-sex-age5', code = 'census') => {
    const { page } = b;
    await page.getByLabel('種類').first().selectOption(kind);
    await page.getByLabel('ファイル（CSV または xlsx）').setInputFiles({
      name: 'census.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(text),
    });
    await page.getByLabel(/^コード/).fill(code);
    await page.getByLabel('題名', { exact: true }).fill('国勢調査 男女・5歳階級別人口（サンプル）');
    await page.getByLabel(/^出典/).fill('e-Stat の形式で作った説明用の表（サンプル）');
  };

  it('the workbench says the data is missing and leads to the page that stores it', async () => {
    const { page } = b;
    await expect(page.locator('[data-code="population/data-missing"]').textContent()).resolves.toContain(
      '人口データ',
    );
    await page.locator('#notice-action').click();
    await page.waitForURL('**/staff/population-data');
    await waitHydrated(page);
    await expect(page.locator('#no-datasets').count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('01-empty');
  });

  it('shows the bad cell of a file with its row and column, and stores nothing', async () => {
    const { page } = b;
    await fill(census.replace('"2,883"', '"X"'));
    await page.getByRole('button', { name: /確認する/ }).click();
    await page.waitForSelector('#import-problems');
    const rows = (await page.locator('#import-problems tbody tr').allTextContents()).join('\n');
    expect(rows).toContain('10');
    expect(rows).toContain('2015年');
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('02-problems');
    await page.reload();
    await waitHydrated(page);
    await expect(page.locator('#no-datasets').count()).resolves.toBe(1);
  });

  it('checks a good file, imports it, and the public population page shows its figures', async () => {
    const { page } = b;
    await fill(census);
    await page.getByRole('button', { name: /確認する/ }).click();
    await page.waitForSelector('#dataset-checked');
    await expect(page.locator('#dataset-checked').textContent()).resolves.toContain('126 行');
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await page.waitForURL('**/staff/population-data?imported=1');
    await waitHydrated(page);
    const table = await page.locator('#datasets tbody').textContent();
    expect(table).toContain('census');
    expect(table).toContain('126');
    await b.shot('03-stored');
    // The census alone: the public page says which table is still missing and shows the census
    // years in three age groups and the 2015 pyramid, nothing that needs a projection.
    await page.goto(`${server.url}/population`);
    await waitHydrated(page);
    const alone = await page.locator('main').textContent();
    expect(alone).toContain('国勢調査は登録されていますが');
    expect(alone).toContain('67,670');
    expect(alone).toContain('67,135');
    expect(alone).toContain('2015年の男女・5歳階級別人口');
    expect(alone).not.toMatch(/推計とシナリオの比較|目標から逆算すると|確率的な将来推計/);
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('03b-census-alone');
    await page.goto(`${server.url}/staff/population-data`);
    await waitHydrated(page);
    await fill(projection, 'projection-sex-age5', 'ipss2018');
    await page.getByRole('button', { name: '取り込む', exact: true }).click();
    await page.waitForURL('**/staff/population-data?imported=1');
    await waitHydrated(page);
    await expect(page.locator('#datasets tbody tr').count()).resolves.toBe(2);
    await page.goto(`${server.url}/population`);
    await waitHydrated(page);
    const text = await page.locator('main').textContent();
    expect(text).not.toContain('まだ登録されていません');
    expect(text).toContain('67,135');
    expect(text).not.toMatch(/塩尻|Shiojiri/);
    await b.shot('04-public');
  });
});
