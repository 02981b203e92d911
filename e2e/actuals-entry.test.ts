/**
 * A staff member records an indicator's actual in Chromium (checked as typed),
 * then corrects it; the public indicator page shows both versions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signIn, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

describe('entering and correcting actuals (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('editor1', 'planning-editor', 'actuals-editor-pass-7');
    b = await openBrowser('actuals-entry');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('validates as you type, records, corrects, and the public page shows the history', async () => {
    const { page } = b;
    await signIn(page, `${server.url}/staff/indicators/TOP-POPULATION`, 'editor1', 'actuals-editor-pass-7');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('年度').selectOption('2025');
    await page.getByLabel(/^値/).fill('abc');
    await expect(page.locator('#value-msg').textContent()).resolves.toBe('数値ではありません。');
    await expect(page.getByLabel(/^値/).getAttribute('aria-invalid')).resolves.toBe('true');
    await b.shot('01-invalid');
    await page.getByLabel(/^値/).fill('66085');
    await page.getByLabel('出典').fill('令和7年国勢調査（e2e）');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '登録' }).click()]);
    await waitHydrated(page);
    const row = page.locator('tbody tr', { hasText: '2025年度' });
    await expect(row.locator('td').first().textContent()).resolves.toBe('66,085.00');
    await row.getByLabel('正しい値').fill('66100');
    await row.getByLabel('理由').fill('速報値から確定値へ');
    await Promise.all([page.waitForEvent('load'), row.getByRole('button', { name: '訂正' }).click()]);
    await waitHydrated(page);
    const fixed = page.locator('tbody tr', { hasText: '2025年度' });
    await expect(fixed.locator('td').nth(1).textContent()).resolves.toBe('2');
    await b.shot('02-corrected');

    await page.goto(`${server.url}/indicators/TOP-POPULATION`);
    const history = await page.locator('#history ~ table tbody tr').allTextContents();
    expect(history.length).toBe(2);
    expect(history.join('\n')).toContain('66,100');
    expect(history.join('\n')).toContain('66,085');
    await b.shot('03-public-history');
  });

  it('lists the indicators without accessibility violations', async () => {
    await b.page.goto(`${server.url}/staff/indicators`);
    await waitHydrated(b.page);
    expect(await axeViolations(b.page)).toEqual([]);
  });
});
