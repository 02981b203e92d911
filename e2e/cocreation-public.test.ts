/**
 * Co-creation on the public site, in Chromium: staff record a workshop with a photo, publish it
 * and see it on the public pages (unpublished, it is the 404 page); a citizen reads the
 * relationship population page (indicators with values, sources and trend; the partner count
 * from the register; partners from outside); a listed partner's page shows its kind, where it
 * is based and its links with roles, an unlisted one is the 404 page. axe clean in ja and en.
 */
import { addPartner } from '@mirai/app';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signIn, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('co-creation on the public site (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('kikaku1', 'planning-editor', 'planning-password-1357');
    const hidden = await addPartner(
      server.ctx,
      { cli: 'e2e' },
      { code: 'P-UNLISTED', kind: 'company', location: 'outside', name: { ja: '掲載を望まない会社' } },
    );
    if (!hidden.ok) throw new Error(JSON.stringify(hidden.problems));
    b = await openBrowser('cocreation-public');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  async function axeBoth(path: string) {
    for (const lang of ['ja', 'en']) {
      await b.page.goto(`${server.url}${path}?lang=${lang}`);
      await waitHydrated(b.page);
      expect([path, lang, await axeViolations(b.page)]).toEqual([path, lang, []]);
    }
  }

  it('staff record a workshop with a photo, publish it, and it shows publicly', async () => {
    const { page } = b;
    await signIn(page, `${server.url}/staff/workshops`, 'kikaku1', 'planning-password-1357');
    const form = page.locator('form[aria-labelledby="new-workshop"]');
    await form.getByLabel(/^コード/).fill('WS-E2E-1');
    await form.getByLabel('名称', { exact: true }).fill('市外の若者と考える未来ワークショップ');
    await form.getByLabel('開催日').fill('2024-07-20');
    await form.getByLabel('場所').fill('市民交流センター');
    await form.getByLabel('市民', { exact: true }).fill('18');
    await form.getByLabel(/^市外からの参加者/).fill('7');
    await form.getByLabel(/^成果/).fill('駅前に共創の拠点をつくる\n市外の人が関われる仕組みを');
    await form.getByLabel(/B-6-M01 /).check();
    await form
      .getByLabel(/^ファイル/)
      .setInputFiles({ name: 'board.png', mimeType: 'image/png', buffer: png });
    await Promise.all([
      page.waitForURL('**/staff/workshops/WS-E2E-1'),
      form.getByRole('button', { name: '記録する' }).click(),
    ]);
    await waitHydrated(page);
    await expect(page.locator('#workshop-state').textContent()).resolves.toContain('非公開');
    expect(await axeViolations(page)).toEqual([]);

    // Not yet public: the list is empty and the page is the 404 page.
    const before = await fetch(`${server.url}/workshops/WS-E2E-1`);
    expect(before.status).toBe(404);

    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '公開する' }).click()]);
    await waitHydrated(page);
    await expect(page.locator('#workshop-state').textContent()).resolves.toContain('公開中');
    await b.shot('01-workshop-published');

    await b.context.clearCookies();
    await page.goto(`${server.url}/workshops`);
    await waitHydrated(page);
    await page.getByRole('link', { name: '市外の若者と考える未来ワークショップ' }).click();
    await page.waitForURL('**/workshops/WS-E2E-1');
    await waitHydrated(page);
    const main = (await page.locator('#main').textContent()) ?? '';
    expect(main).toContain('市民交流センター');
    expect(main).toContain('駅前に共創の拠点をつくる');
    expect(main).toContain('B-6-M01');
    expect(await page.locator('#ws-participants ~ table td').allTextContents()).toEqual(['18', '7', '25']);
    expect(await page.locator('img[alt="board.png"]').count()).toBe(1);
    const img = await fetch(`${server.url}${await page.locator('img[alt="board.png"]').getAttribute('src')}`);
    expect([img.status, img.headers.get('content-type')]).toEqual([200, 'image/png']);
    await b.shot('02-workshop-public');
    await axeBoth('/workshops/WS-E2E-1');
    await axeBoth('/workshops');
    // The measure it shaped links back to it.
    await page.goto(`${server.url}/measures/B-6-M01`);
    await waitHydrated(page);
    await page.locator('[data-workshop="WS-E2E-1"] a').click();
    await page.waitForURL('**/workshops/WS-E2E-1');
    await axeBoth('/measures/B-6-M01');
  });

  it('a citizen reads the relationship population: values, sources, trend and partners from outside', async () => {
    const { page } = b;
    await page.goto(`${server.url}/relationship-population?lang=ja`);
    await waitHydrated(page);
    const cards = page.locator('.rp-indicators > li');
    expect(await cards.count()).toBe(5);
    const visitors = page.locator('[data-indicator="B-6-RP-VISITORS"]');
    await expect(visitors.locator('.rp-latest').textContent()).resolves.toContain('1,610');
    await expect(visitors.textContent()).resolves.toContain('県の観光地利用者統計調査');
    expect(await visitors.locator('svg').count()).toBe(1);
    expect(await visitors.locator('tbody tr').count()).toBe(3);
    const partners = page.locator('[data-indicator="B-6-RP-PARTNERS"]');
    // P-SAMPLE-2 and the unlisted P-UNLISTED are based outside: a count names no one.
    await expect(partners.locator('.rp-latest strong').textContent()).resolves.toMatch(/^2/);
    await expect(partners.textContent()).resolves.toContain('パートナー台帳から算出');
    const outside = (await page.locator('section[aria-labelledby="rp-partners"]').textContent()) ?? '';
    expect(outside).toContain('市外の共創パートナー（関係人口）');
    expect(outside).not.toContain('掲載を望まない会社');
    await b.shot('03-relationship-population');
    await axeBoth('/relationship-population');
  });

  it("a listed partner's page shows kind, place and linked measures with roles; an unlisted one is 404", async () => {
    const { page } = b;
    await page.goto(`${server.url}/partners?lang=ja`);
    await waitHydrated(page);
    expect(await page.locator('[data-partner="P-UNLISTED"]').count()).toBe(0);
    await page.locator('[data-partner="P-SAMPLE-2"] a').click();
    await page.waitForURL('**/partners/P-SAMPLE-2');
    await waitHydrated(page);
    await expect(page.locator('#partner-kind').textContent()).resolves.toBe('関係人口（個人）');
    await expect(page.locator('#partner-location').textContent()).resolves.toBe('市外');
    const links = await page.locator('section[aria-labelledby="partner-links"] tbody tr').allTextContents();
    expect(links.some((l) => l.includes('B-6-M01') && l.includes('共創'))).toBe(true);
    expect(links.some((l) => l.includes('B-6-M01-P01') && l.includes('実施主体'))).toBe(true);
    expect((await page.locator('#main').textContent()) ?? '').not.toContain('contact@example.jp');
    await b.shot('04-partner-page');
    for (const path of ['/partners/P-UNLISTED', '/partners/NO-SUCH'])
      expect([path, (await fetch(`${server.url}${path}`)).status]).toEqual([path, 404]);
    await axeBoth('/partners/P-SAMPLE-2');
    await axeBoth('/partners');
  });

  it('a citizen follows a partner and an indicator from their pages: each asks for a confirmation by e-mail', async () => {
    const { page } = b;
    const confirmations = async () => {
      const r = await sql<{ to_address: string; text_body: string }>`
        SELECT to_address, text_body FROM mail_outbox WHERE kind = 'follow.confirm' ORDER BY id`.execute(
        server.ctx.database.db,
      );
      return r.rows;
    };
    const before = (await confirmations()).length;
    for (const [path, address] of [
      ['/partners/P-SAMPLE-2', 'follower-partner@example.jp'],
      ['/indicators/TOP-POPULATION', 'follower-indicator@example.jp'],
    ] as const) {
      await page.goto(`${server.url}${path}?lang=ja`);
      await waitHydrated(page);
      const form = page.locator('section[aria-labelledby="follow"] form');
      await form.locator('input[name="email"]').fill(address);
      await form.locator('button[type="submit"]').click();
      await expect(form.locator('[role="status"]').textContent()).resolves.toContain('確認メール');
    }
    const sent = (await confirmations()).slice(before);
    expect(sent.map((m) => m.to_address)).toEqual([
      'follower-partner@example.jp',
      'follower-indicator@example.jp',
    ]);
    await axeBoth('/indicators/TOP-POPULATION');
  });
});
