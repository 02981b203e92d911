/**
 * A planner signs in and uses the scenario workbench in Chromium: moving a
 * slider with the keyboard re-projects the city and the districts at once.
 * axe-core checks the sign-in page, the workspace and the workbench.
 */
import { listPopulationScenarios } from '@mirai/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const PASSWORD = 'correct-horse-battery-9';

const readNumber = (s: string | null) => Number((s ?? '').replace(/[^\d.-]/g, ''));

describe('scenario workbench (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('planner1', 'planning-editor', PASSWORD);
    b = await openBrowser('scenario-workbench');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('sends a visitor without a session to the sign-in page', async () => {
    const res = await fetch(`${server.url}/staff/scenarios`, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/staff/login?next=%2Fstaff%2Fscenarios');
  });

  it('rejects a wrong password with an announced message', async () => {
    const { page } = b;
    await page.goto(`${server.url}/staff/login`);
    await waitHydrated(page);
    await page.getByLabel('ログインID').fill('planner1');
    await page.getByLabel('パスワード').fill('not-the-password-123');
    await page.getByRole('button', { name: 'ログイン' }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toBeTruthy();
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('01-login-error');
  });

  it('signs in, and a slider change re-projects the city and the districts', async () => {
    const { page } = b;
    await page.goto(`${server.url}/staff/scenarios`);
    await page.waitForURL('**/staff/login?next=*');
    await waitHydrated(page);
    await page.getByLabel('ログインID').fill('planner1');
    await page.getByLabel('パスワード').fill(PASSWORD);
    await page.getByRole('button', { name: 'ログイン' }).click();
    await page.waitForURL('**/staff/scenarios');
    await waitHydrated(page);
    await expect(page.locator('.staff-bar').textContent()).resolves.toContain('planner1 (e2e)');
    const answer = page.getByTestId('at-target');
    const before = readNumber(await answer.textContent());
    expect(before).toBeGreaterThan(60_000);
    const district2045 = async () =>
      readNumber(
        await page.locator('#workbench-districts tbody tr').first().locator('td').nth(2).textContent(),
      );
    const districtBefore = await district2045();
    await b.shot('02-workbench-before');

    // Keyboard: +100 extra in-migrants a year (ten steps of 10).
    await page.getByLabel('追加の転入超過（人／年）').focus();
    for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
    await expect(page.locator('#out-added').textContent()).resolves.toBe('年 100 人');
    await page.waitForFunction(
      (prev) =>
        Number(
          (document.querySelector('[data-testid="at-target"]')?.textContent ?? '').replace(/[^\d.-]/g, ''),
        ) !== prev,
      before,
    );
    const after = readNumber(await answer.textContent());
    expect(after).toBeGreaterThan(before);
    expect(await district2045()).toBeGreaterThan(districtBefore);
    await b.shot('03-workbench-more-migrants');

    // Fewer births lower the projection below the neutral one.
    await page.getByRole('button', { name: '仮定に戻す' }).click();
    await page.getByLabel('出生の水準（仮定に対する倍率）').fill('0.5');
    await page.waitForFunction(
      (prev) =>
        Number(
          (document.querySelector('[data-testid="at-target"]')?.textContent ?? '').replace(/[^\d.-]/g, ''),
        ) < prev,
      before,
    );
    await b.shot('04-workbench-fewer-births');
    expect(await axeViolations(page)).toEqual([]);

    // Saved for others: stored and run by the population scenarios API.
    await page.getByLabel('コード（英数字）').fill('fewer-births');
    await page.getByLabel('名前').fill('出生半減（試算）');
    await page.getByRole('button', { name: '保存して計算' }).click();
    await page.waitForSelector('#scenario-saved');
    const stored = await listPopulationScenarios(server.ctx);
    expect(stored.ok && stored.value.map((x) => x.code)).toEqual(['fewer-births']);
  });

  it('shows the workspace page without accessibility violations', async () => {
    const { page } = b;
    await page.goto(`${server.url}/staff`);
    await waitHydrated(page);
    await expect(page.locator('h1').textContent()).resolves.toContain('職員用ワークスペース');
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('05-staff-home');
  });
});
