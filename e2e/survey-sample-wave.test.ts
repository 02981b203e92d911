/**
 * The shipped SAMPLE survey wave, walked in Chromium as staff and then as the
 * public: a planning editor uploads data/shiojiri/survey-wave.sample.csv with
 * its description file (several questions), checks it (a broken description
 * is refused with the field's path), stores it, publishes it on the staff
 * waves page (a wave changed since the page loaded is refused with 409), and
 * the public happiness page then shows what drives happiness and happiness by
 * district (the 6-respondent district suppressed), from the newest wave.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  importSurveyWave,
  listSurveyWaves,
  parseWaveDescription,
  publishSurveyWave,
  readTableFile,
} from '@mirai/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'sample-wave-pass-42';
const dataDir = join(import.meta.dirname, '..', 'data', 'shiojiri');
const csvPath = join(dataDir, 'survey-wave.sample.csv');
const yamlPath = join(dataDir, 'survey-wave.sample.yaml');

async function waves(server: TestServer) {
  const r = await listSurveyWaves(server.ctx);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value.map((w) => `${w.code}:${w.status}`);
}

describe('the sample survey wave, imported and published in the browser', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('planner1', 'planning-editor', PASSWORD);
    b = await openBrowser('survey-sample-wave');
    const { page } = b;
    await page.goto(`${server.url}/staff/surveys/import`);
    await page.waitForURL('**/staff/login?next=*');
    await waitHydrated(page);
    await page.getByLabel('ログインID').fill('planner1');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL('**/staff/surveys/import');
    await waitHydrated(page);
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('refuses a broken description with the field path, then checks and stores the sample', async () => {
    const { page } = b;
    expect(await waves(server)).toEqual([]);
    await page.getByLabel('設定ファイルで指定（YAML/JSON、複数の設問）').check();
    await page.getByLabel('回答データ（CSV：UTF-8 または Shift_JIS、または xlsx）').setInputFiles(csvPath);
    const broken = readFileSync(yamlPath, 'utf8').replace(
      'scale: { min: 1, max: 5 }',
      'scale: { min: 5, max: 1 }',
    );
    await page.getByLabel('回の設定ファイル（YAML または JSON）').setInputFiles({
      name: 'broken.yaml',
      mimeType: 'application/yaml',
      buffer: Buffer.from(broken.replace(/^title: .*$/m, '')),
    });
    await page.getByRole('button', { name: /確認する/ }).click();
    await page.waitForSelector('#import-problems');
    const text = await page.locator('#import-problems tbody').textContent();
    expect(text).toContain('survey/description-invalid');
    expect(text).toContain('title');
    expect(await waves(server)).toEqual([]);

    await page.getByLabel('回の設定ファイル（YAML または JSON）').setInputFiles(yamlPath);
    await page.getByRole('button', { name: /確認する/ }).click();
    await page.waitForSelector('#import-preview');
    await expect(page.locator('#import-preview').textContent()).resolves.toContain(
      'SAMPLE-2025」の回答 600 件',
    );
    expect(await waves(server)).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('01-checked');
    await page.getByRole('button', { name: '3. 取り込む' }).click();
    await page.waitForSelector('#import-done');
    expect(await waves(server)).toEqual(['SAMPLE-2025:draft']);
  });

  it('refuses to publish a wave changed since the page was loaded (409), naming the stale version', async () => {
    // An older sample draft (a year earlier), stored directly, then changed behind the page's back.
    const d = parseWaveDescription(readFileSync(yamlPath, 'utf8'));
    const t = await readTableFile(csvPath);
    if (!d.ok || !t.ok) throw new Error('sample unreadable');
    const imported = await importSurveyWave(
      server.ctx,
      { ...d.value, code: 'SAMPLE-2024', fieldworkStart: '2024-06-01', responses: t.value },
      { actor: 'e2e' },
    );
    expect(imported.ok).toBe(true);
    const { page } = b;
    await page.goto(`${server.url}/staff/surveys`);
    await waitHydrated(page);
    const other = await publishSurveyWave(server.ctx, 'SAMPLE-2024', { actor: 'e2e', expectedVersion: 1 });
    expect(other.ok).toBe(true);
    await page.getByRole('button', { name: 'SAMPLE-2024 を公表する' }).click();
    await page.waitForSelector('#publish-problems');
    await expect(page.locator('#publish-problems').textContent()).resolves.toContain('survey/stale-version');
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('02-stale');
    expect((await waves(server)).sort()).toEqual(['SAMPLE-2024:published', 'SAMPLE-2025:draft']);
  });

  it('publishes the draft on the staff waves page', async () => {
    const { page } = b;
    await page.goto(`${server.url}/staff/surveys`);
    await waitHydrated(page);
    const row = page.locator('#survey-waves tbody tr', { hasText: 'SAMPLE-2025' });
    await expect(row.textContent()).resolves.toContain('下書き');
    await expect(row.textContent()).resolves.toContain('600');
    expect(await axeViolations(page)).toEqual([]);
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'SAMPLE-2025 を公表する' }).click(),
    ]);
    await waitHydrated(page);
    await expect(
      page.locator('#survey-waves tbody tr', { hasText: 'SAMPLE-2025' }).textContent(),
    ).resolves.toContain('公表済み');
    expect((await waves(server)).sort()).toEqual(['SAMPLE-2024:published', 'SAMPLE-2025:published']);
    await b.shot('03-published');
  });

  it('shows the public what drives happiness and happiness by district', async () => {
    const { page } = b;
    await page.goto(`${server.url}/happiness`);
    await page.getByRole('heading', { name: '幸福度を左右するもの' }).waitFor();
    await expect(page.getByTestId('evidence-wave').first().textContent()).resolves.toContain('SAMPLE-2025');
    const drivers = page.locator('table', { hasText: '設問ごとの LMG' });
    await expect(drivers.textContent()).resolves.toContain('（サンプル）ご自身の健康状態');
    await expect(drivers.locator('tbody tr').count()).resolves.toBe(4);
    const districts = page.locator('table', { hasText: '地区別の幸福度' });
    await expect(districts.locator('tbody tr').count()).resolves.toBe(10);
    await expect(districts.locator('tbody tr').first().textContent()).resolves.toContain('秘匿');
    await expect(districts.locator('tbody tr').nth(1).locator('td').nth(1).textContent()).resolves.toMatch(
      /^\d\.\d/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('04-happiness');
  });
});
