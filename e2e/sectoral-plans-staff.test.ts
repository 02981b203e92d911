/**
 * A planner keeps the register of sectoral plans in Chromium: adds one whose
 * period overruns a phase and sees the alignment finding, is refused (409)
 * when publishing a version someone else has since changed, publishes the
 * newest, and finds it on the public /sectoral-plans page. Axe in ja and en.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signIn, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

describe('staff: sectoral plans (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('planner1', 'planning-editor', 'sectoral-planner-pass-7');
    b = await openBrowser('sectoral-plans-staff');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('adds a plan that overruns a phase, sees the finding, publishes it, and the public sees it', async () => {
    const { page } = b;
    const url = `${server.url}/staff/sectoral-plans`;
    await signIn(page, url, 'planner1', 'sectoral-planner-pass-7');
    expect(await axeViolations(page)).toEqual([]);
    const form = page.locator('#sectoral-plan-form');
    await form.getByLabel('コード').fill('SP-E2E');
    await form.getByLabel('名称', { exact: true }).fill('（試験）子ども・子育て支援事業計画');
    await form.getByLabel('担当').selectOption({ index: 1 });
    await form.getByLabel('計画期間の初年度').fill('2025');
    await form.getByLabel('計画期間の最終年度').fill('2028'); // phase 1 ends in FY2026
    await form.locator('input[name="fields"][value="A-1"]').check();
    await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: '登録' }).click()]);
    await waitHydrated(page);
    const card = page.locator('#sp-SP-E2E');
    await expect(card.locator('.findings').textContent()).resolves.toContain(
      '計画期間が第1期の終わり（2026年度）を2年越えています',
    );
    await expect(card.textContent()).resolves.toContain('下書き');
    await b.shot('01-added-with-finding');

    // Someone else edits it meanwhile: publishing the version read first is refused.
    const other = await b.context.newPage();
    await other.goto(url);
    await waitHydrated(other);
    await card.getByRole('button', { name: /を編集/ }).click();
    await form.getByLabel('根拠法令').fill('子ども・子育て支援法第61条');
    await Promise.all([page.waitForEvent('load'), form.getByRole('button', { name: '保存' }).click()]);
    await waitHydrated(page);
    await expect(page.locator('#sp-SP-E2E').textContent()).resolves.toMatch(/版\s*2/);
    await other
      .locator('#sp-SP-E2E')
      .getByRole('button', { name: /を公開/ })
      .click();
    await expect(other.getByRole('alert').first().textContent()).resolves.toContain('他の人が変更しました');
    await other.close();

    await Promise.all([
      page.waitForEvent('load'),
      page
        .locator('#sp-SP-E2E')
        .getByRole('button', { name: /を公開/ })
        .click(),
    ]);
    await waitHydrated(page);
    await expect(page.locator('#sp-SP-E2E').textContent()).resolves.toContain('公開中');
    const pub = await (await fetch(`${server.url}/sectoral-plans`)).text();
    expect(pub).toContain('（試験）子ども・子育て支援事業計画');
    expect(pub).toContain('子ども・子育て支援法第61条');
    await page.goto(`${server.url}/sectoral-plans`);
    await waitHydrated(page);
    await expect(page.locator('main').textContent()).resolves.toContain(
      '第1期の終わり（2026年度）を2年越えています',
    );
    await b.shot('02-public');

    // Every write is audited; the page is clean in English too.
    const audit = await server.ctx.database.db
      .selectFrom('audit_log')
      .select(['action', 'actor'])
      .where('entity_type', '=', 'sectoral-plan')
      .where('entity_id', '=', 'SP-E2E')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit.every((a) => a.actor.includes('planner1'))).toBe(true);
    await page.goto(`${url}?lang=en`);
    await waitHydrated(page);
    await expect(page.locator('h1').textContent()).resolves.toContain('Sectoral plans');
    expect(await axeViolations(page)).toEqual([]);
  });
});
