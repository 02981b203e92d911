/**
 * Co-creation in Chromium: a partner signs in and reports an activity on a linked project with a
 * photo, staff accept it, and it shows on the measure's public page; a resident posts a comment,
 * confirms the address through the mailed link (read from the outbox), and staff hide it with a
 * reason that the public page then shows.
 */
import { createUser, issueVoiceForm, submitVoice } from '@mirai/app';
import { listOutbox } from '@mirai/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signIn, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('co-creation (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('kikaku1', 'planning-editor', 'planning-password-1357');
    await server.addUser('admin1', 'admin', 'admin-password-97531');
    const r = await createUser(
      server.ctx,
      { login: 'partner2', role: 'partner', password: 'partner-password-2468', links: ['P-SAMPLE-2'] },
      { actor: 'system:e2e' },
    );
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    b = await openBrowser('cocreation');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('walks a partner from sign-in to an accepted report on the public measure page', async () => {
    const { page } = b;
    await signIn(page, `${server.url}/staff/cocreation`, 'partner2', 'partner-password-2468');
    await page.getByLabel(/^対象/).selectOption('B-6-M01-P01');
    await page.getByLabel('件名').fill('市外の若者との共創ワークショップ');
    await page.getByLabel('内容').fill('市外から20人が参加し、地域の事業者と課題を話し合った');
    await page.getByLabel('実施日').fill('2024-06-01');
    await page.getByLabel('参加・到達人数').fill('20');
    await page.getByLabel(/^写真/).setInputFiles({ name: 'ws.png', mimeType: 'image/png', buffer: png });
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '報告する' }).click()]);
    await waitHydrated(page);
    await expect(page.locator('#main').textContent()).resolves.toContain('確認待ち');
    await b.shot('01-partner-submitted');

    await b.context.clearCookies();
    await signIn(page, `${server.url}/staff/cocreation`, 'kikaku1', 'planning-password-1357');
    const row = page.locator('tr', { hasText: '市外の若者との共創ワークショップ' });
    await row.getByLabel('コメント').fill('ご報告ありがとうございます');
    await Promise.all([page.waitForEvent('load'), row.getByRole('button', { name: '受理' }).click()]);
    await waitHydrated(page);
    await expect(
      page.locator('tr', { hasText: '市外の若者との共創ワークショップ' }).textContent(),
    ).resolves.toContain('受理');

    await page.goto(`${server.url}/measures/B-6-M01`);
    await waitHydrated(page);
    const reports = page.locator('section[aria-labelledby="partner-reports"]');
    await expect(reports.textContent()).resolves.toContain('市外の若者との共創ワークショップ');
    expect(await reports.locator('img').count()).toBe(1);
    await b.shot('02-public-report');
  });

  it('walks a resident from a comment to its moderation, the reason shown and nothing deleted', async () => {
    const { page } = b;
    await b.context.clearCookies();
    await page.goto(`${server.url}/measures/B-6-M01`);
    await waitHydrated(page);
    await page.waitForSelector('button:has-text("送信"):not([disabled])');
    await page.getByLabel('本文').fill('駅前に市外の人も使える作業場所がほしいです');
    await page.getByLabel(/^お名前/).fill('塩尻花子');
    await page.getByLabel(/^メールアドレス（公開しません）/).fill('hanako@example.jp');
    await page.waitForTimeout(3100); // the form's minimum time before sending (spam check)
    await page.getByRole('button', { name: '送信' }).click();
    await expect(page.getByRole('status').first().textContent()).resolves.toContain('確認メール');
    await server.ctx.mail.idle();
    const mail = (await listOutbox(server.ctx.database.db, { to: 'hanako@example.jp' }))[0];
    const link = /https?:\/\/\S+\/voices\/confirm\?token=(\S+)/.exec(mail?.text ?? '');
    expect(mail?.status).toBe('held');
    const res = await fetch(`${server.url}/api/v1/voices/confirm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: decodeURIComponent(link?.[1] ?? '') }),
    });
    expect(res.status).toBe(200);
    await page.reload();
    await waitHydrated(page);
    await expect(page.locator('.voices').textContent()).resolves.toContain('作業場所がほしい');

    await signIn(page, `${server.url}/staff/cocreation`, 'kikaku1', 'planning-password-1357');
    const row = page.locator('tr', { hasText: '作業場所がほしい' });
    await row.getByLabel(/^非表示の理由/).fill('重複した投稿のため（テスト）');
    await Promise.all([page.waitForEvent('load'), row.getByRole('button', { name: '非表示にする' }).click()]);
    await waitHydrated(page);
    await page.goto(`${server.url}/measures/B-6-M01`);
    await waitHydrated(page);
    const voices = await page.locator('.voices').textContent();
    expect(voices).toContain('この投稿は非表示です。理由: 重複した投稿のため（テスト）');
    expect(voices).not.toContain('作業場所がほしい');
    await b.shot('03-hidden-with-reason');
  });

  it('staff answer a proposal and link it to a measure; the answer shows publicly with the proposal', async () => {
    const { page } = b;
    // hanako@example.jp confirmed her address above: her next post shows at once.
    const posted = await submitVoice(
      server.ctx,
      {
        targetKind: 'measure',
        targetCode: 'B-6-M01',
        kind: 'proposal',
        body: '市外の学生が泊まれる空き家の短期貸しを',
        email: 'hanako@example.jp',
        formToken: await issueVoiceForm(server.ctx, Date.now() - 10_000),
      },
      { client: 'e2e-proposal' },
    );
    expect(posted.ok && posted.value.status).toBe('visible');
    await b.context.clearCookies();
    await signIn(page, `${server.url}/staff/cocreation`, 'kikaku1', 'planning-password-1357');
    const row = page.locator('tr', { hasText: '空き家の短期貸し' });
    await row.getByLabel(/^回答/).fill('空き家バンクと連携して検討します');
    await row.getByLabel('関連づける施策').selectOption('C-7-M01');
    await Promise.all([page.waitForEvent('load'), row.getByRole('button', { name: '回答する' }).click()]);
    await waitHydrated(page);
    await expect(page.locator('tr', { hasText: '空き家の短期貸し' }).textContent()).resolves.toContain(
      '回答済み',
    );
    await b.context.clearCookies();
    for (const measure of ['B-6-M01', 'C-7-M01']) {
      await page.goto(`${server.url}/measures/${measure}`);
      await waitHydrated(page);
      const item = page.locator('.voices li', { hasText: '空き家の短期貸し' });
      const text = (await item.textContent()) ?? '';
      expect([measure, text.includes('市の回答'), text.includes('空き家バンクと連携して検討します')]).toEqual(
        [measure, true, true],
      );
      expect(await item.locator('a[href="/measures/C-7-M01"]').count()).toBe(1);
    }
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('05-proposal-answered');
  });

  it('shows an administrator the outbox: what would have been sent without SMTP (both languages, axe clean)', async () => {
    const { page } = b;
    await b.context.clearCookies();
    await signIn(page, `${server.url}/staff/outbox`, 'admin1', 'admin-password-97531');
    await expect(page.locator('#outbox-mode').textContent()).resolves.toContain('送信せずここに保存');
    const row = page.locator('#outbox tr', { hasText: 'hanako@example.jp' });
    await expect(row.textContent()).resolves.toContain('保留');
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('状態').selectOption('sent');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '表示' }).click()]);
    expect(page.url()).toContain('status=sent');
    expect(await page.locator('#outbox tr', { hasText: 'hanako@example.jp' }).count()).toBe(0);
    await page.goto(`${server.url}/staff/outbox?lang=en`);
    await waitHydrated(page);
    await expect(page.locator('h1').textContent()).resolves.toBe('Outbox');
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('04-outbox');
  });
});
