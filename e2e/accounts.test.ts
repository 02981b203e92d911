/** An administrator manages accounts and a staff member their API tokens, in Chromium, with axe checks. */
import { createUser, listAccounts } from '@mirai/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signIn, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

describe('accounts and tokens (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('admin1', 'admin', 'admin-password-2468');
    b = await openBrowser('accounts');
    await signIn(b.page, `${server.url}/staff/users`, 'admin1', 'admin-password-2468');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('creates an account (one-time password shown once) and disables it', async () => {
    const { page } = b;
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel(/^ログインID/).fill('clerk9');
    await page.getByLabel('表示名').fill('子育て支援課 職員（e2e）');
    await page.getByLabel('役割').selectOption('department-editor');
    await page.getByLabel(/^担当課/).selectOption('DEPT-CHILD');
    await page.getByRole('button', { name: '作成' }).click();
    await page.waitForSelector('#created-user code');
    expect((await page.locator('#created-user code').textContent())?.length).toBeGreaterThanOrEqual(12);
    await b.shot('01-created');
    const made = (await listAccounts(server.ctx)).find((u) => u.login === 'clerk9');
    expect(made?.department).toBe('DEPT-CHILD');
    expect(made?.mustChangePassword).toBe(true);
    await page.reload();
    await waitHydrated(page);
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: 'clerk9 を停止する' }).click(),
    ]);
    await waitHydrated(page);
    await expect(page.locator('#users tr', { hasText: 'clerk9' }).textContent()).resolves.toContain('停止中');
    expect((await listAccounts(server.ctx)).find((u) => u.login === 'clerk9')?.disabled).toBe(true);
  });

  it('creates and revokes an API token', async () => {
    const { page } = b;
    await page.goto(`${server.url}/staff/tokens`);
    await waitHydrated(page);
    await page.getByLabel('名前（用途）').fill('集計スクリプト');
    await page.getByRole('button', { name: '作成' }).click();
    await page.waitForSelector('#token-secret code');
    expect(await page.locator('#token-secret code').textContent()).toMatch(/^mirai_/);
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('02-token');
    await page.reload();
    await waitHydrated(page);
    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: '「集計スクリプト」を失効させる' }).click(),
    ]);
    await expect(page.locator('#tokens').textContent()).resolves.toContain('失効済み');
  });

  it('shows the workspace and the plan structure without accessibility violations', async () => {
    const { page } = b;
    await page.goto(`${server.url}/staff`);
    await waitHydrated(page);
    for (const name of ['計画の構造', '利用者の管理', '評価の回の進捗・評価シートの入力と承認']) {
      expect(await page.getByRole('link', { name }).count(), name).toBe(1);
    }
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '計画の構造' }).click();
    await page.waitForURL('**/staff/plan');
    await waitHydrated(page);
    await expect(page.locator('main').textContent()).resolves.toContain('A-1-M01-P01');
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('03-plan-structure');
  });

  it('a first sign-in with a one-time password leads to the change form, then into the workspace', async () => {
    const made = await createUser(server.ctx, { login: 'newbie', role: 'reviewer' }, { actor: 'e2e' });
    if (!made.ok || !made.value.oneTimePassword) throw new Error('no one-time password');
    const fresh = await openBrowser('accounts-first-sign-in');
    try {
      const { page } = fresh;
      await page.goto(`${server.url}/staff/rounds`);
      await page.waitForURL('**/staff/login?next=*');
      await waitHydrated(page);
      await page.getByLabel('ログインID').fill('newbie');
      await page.getByLabel('パスワード').fill(made.value.oneTimePassword);
      await page.getByRole('button', { name: 'ログイン' }).click();
      await page.waitForURL('**/staff/password?next=*');
      await waitHydrated(page);
      expect(await axeViolations(page)).toEqual([]);
      await page.getByLabel('現在のパスワード').fill(made.value.oneTimePassword);
      await page.getByLabel(/^新しいパスワード（12/).fill('a-new-long-password-1');
      await page.getByLabel('新しいパスワード（確認）').fill('a-new-long-password-2');
      await expect(page.locator('#password-msg').textContent()).resolves.toBe('2 回の入力が一致しません。');
      await fresh.shot('01-password-mismatch');
      await page.getByLabel('新しいパスワード（確認）').fill('a-new-long-password-1');
      await page.getByRole('button', { name: '変更する' }).click();
      await page.waitForURL('**/staff/rounds');
      expect((await listAccounts(server.ctx)).find((u) => u.login === 'newbie')?.mustChangePassword).toBe(
        false,
      );
    } finally {
      await fresh.close();
    }
  });
});
