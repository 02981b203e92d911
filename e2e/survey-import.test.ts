/**
 * The survey wave import wizard in Chromium: a file with a bad answer shows
 * every problem with its row; a good Shift_JIS file is checked (dry run),
 * previewed and then imported. The responses are SAMPLE data made here.
 */
import { encodeText, listSurveyWaves, publishSurveyWave, recordWaveAsIndicatorActual } from '@mirai/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

async function waveCodes(server: TestServer): Promise<string[]> {
  const r = await listSurveyWaves(server.ctx);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value.map((w) => w.code);
}

const PASSWORD = 'survey-wizard-pass-42';

function waveCsv(bad: boolean): Buffer {
  const lines = ['年代,性別,幸福度'];
  for (let i = 0; i < 60; i++)
    lines.push(`${['20代', '30代', '70代以上'][i % 3]},${i % 2 ? '女性' : '男性'},${(i * 7) % 11}`);
  // A group too small to show (4 respondents): the public breakdown must suppress it.
  for (let i = 0; i < 4; i++) lines.push(`10代,女性,${5 + i}`);
  if (bad) lines[5] = '30代,女性,15';
  return Buffer.from(encodeText(`${lines.join('\r\n')}\r\n`, 'cp932'));
}

describe('survey import wizard (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('analyst1', 'planning-editor', PASSWORD);
    b = await openBrowser('survey-import');
    const { page } = b;
    await page.goto(`${server.url}/staff/surveys/import`);
    await page.waitForURL('**/staff/login?next=*');
    await waitHydrated(page);
    await page.getByLabel('ログインID').fill('analyst1');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL('**/staff/surveys/import');
    await waitHydrated(page);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('lists each problem of a bad file with its row, and stores nothing', async () => {
    const { page } = b;
    await page.getByLabel('回答データ（CSV：UTF-8 または Shift_JIS、または xlsx）').setInputFiles({
      name: 'wave.csv',
      mimeType: 'text/csv',
      buffer: waveCsv(true),
    });
    await page.getByLabel('回のコード').fill('S2025');
    await page.getByLabel('回の名前').fill('令和7年度 市民アンケート（サンプル）');
    await page.getByRole('button', { name: /確認する/ }).click();
    await page.waitForSelector('#import-problems');
    const rows = await page.locator('#import-problems tbody tr').allTextContents();
    expect(rows.length).toBeGreaterThanOrEqual(1);
    expect(rows.join('\n')).toContain('6');
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('01-problems');
    expect(await waveCodes(server)).toEqual([]);
  });

  it('checks a good file, shows the preview, then imports it', async () => {
    const { page } = b;
    await page.getByLabel('回答データ（CSV：UTF-8 または Shift_JIS、または xlsx）').setInputFiles({
      name: 'wave.csv',
      mimeType: 'text/csv',
      buffer: waveCsv(false),
    });
    await page.getByRole('button', { name: /確認する/ }).click();
    await page.waitForSelector('#import-preview');
    await expect(page.locator('#import-preview').textContent()).resolves.toContain('64 件');
    expect(await waveCodes(server)).toEqual([]);
    await b.shot('02-checked');
    await page.getByRole('button', { name: '3. 取り込む' }).click();
    await page.waitForSelector('#import-done');
    expect(await waveCodes(server)).toEqual(['S2025']);
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('03-imported');
  });

  it('once published, the happiness page breaks it down with the small group suppressed', async () => {
    const pub = await publishSurveyWave(server.ctx, 'S2025', { actor: 'e2e', expectedVersion: 1 });
    expect(pub.ok).toBe(true);
    const rec = await recordWaveAsIndicatorActual(server.ctx, 'S2025', { fiscalYear: 2025, actor: 'e2e' });
    expect(rec.ok, JSON.stringify(rec)).toBe(true);
    const { page } = b;
    await page.goto(`${server.url}/happiness`);
    const table = page.locator('table', { hasText: 'S2025' });
    await expect(table.locator('tr', { hasText: '10代' }).textContent()).resolves.toContain('秘匿');
    await expect(table.locator('tr', { hasText: '20代' }).locator('td').first().textContent()).resolves.toBe(
      '20',
    );
    // The trend now has the wave's estimate with its 95% interval, in both calendars.
    const trend = page.locator('figure.chart table');
    await expect(trend.textContent()).resolves.toContain('令和7年度（2025年度）');
    const row = trend.locator('tbody tr', { hasText: '令和7年度' });
    await expect(row.locator('td').nth(1).textContent()).resolves.toMatch(/^\d\.\d\d – \d\.\d\d$/);
    // The baseline (FY2022, December 2022 survey) opens the trend.
    await expect(trend.locator('tbody tr').first().textContent()).resolves.toContain('令和4年度（2022年度）');
    await page.waitForSelector('.chart-canvas[data-rendered="true"] svg');
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('04-happiness-breakdown');
  });
});
