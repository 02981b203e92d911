/**
 * What the sheet editor shows a clerk, walked in Chromium: the indicator rows
 * with targets, actuals and achievement; adding an indicator and removing it
 * again (those from the plan stay); a disabled submit that says why; on the
 * measure sheet the theory-of-change check with the indicators' suggestion;
 * comments as a thread between reviewer and clerk; the earlier year's sheet.
 * Plan data and indicator values are SAMPLE data.
 */
import { getEvaluationSheet, openEvaluationRound, recordSampleActuals, seedEvaluationPlan } from '@mirai/app';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signIn, type TestBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const CLERK = ['clerk2', 'clerk-password-2345'] as const;
const HEAD = ['head2', 'head-password-6789'] as const;
const P = 'A-1-M01-P01';
const M = 'A-1-M01';

async function saved(page: Page) {
  await page.waitForFunction(() =>
    document.querySelector('#save-status')?.textContent?.includes('保存しました'),
  );
}

describe('sheet editor: indicators, theory check, comments, earlier years (Chromium)', () => {
  let server: TestServer;
  let clerk: TestBrowser;
  let head: TestBrowser;
  let round2024 = '';
  let round2025 = '';
  beforeAll(async () => {
    server = await startTestServer();
    const doc = await seedEvaluationPlan(server.ctx.database.db);
    await recordSampleActuals(server.ctx, doc);
    const admin = { id: 'e2e:setup', role: 'admin' } as const;
    for (const fy of [2024, 2025]) {
      const opened = await openEvaluationRound(server.ctx, {
        fiscalYear: fy,
        actor: admin,
        openedOn: { year: fy + 1, month: 6, day: 2 },
        scope: { measureCodes: [M], projectCodes: [P] },
        entryDue: { year: fy + 1, month: 7, day: 31 },
      });
      if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
      if (fy === 2024) round2024 = opened.value.id;
      else round2025 = opened.value.id;
    }
    await server.addUser(CLERK[0], 'department-editor', CLERK[1], 'DEPT-CHILD');
    await server.addUser(HEAD[0], 'reviewer', HEAD[1]);
    clerk = await openBrowser('sheet-editor-clerk');
    head = await openBrowser('sheet-editor-reviewer');
  });
  afterAll(async () => {
    await clerk?.close();
    await head?.close();
    await server?.close();
  });

  const sheetUrl = (round: string, kind: string, code: string) =>
    `${server.url}/staff/sheets/${encodeURIComponent(`${round}.${kind}.${code}`)}`;

  it('shows indicator rows with targets, actuals and achievement; a disabled submit says why', async () => {
    const { page } = clerk;
    await signIn(page, sheetUrl(round2024, 'project', P), ...CLERK);
    const activity = await page.locator('#indicator-rows tbody tr', { hasText: `${P}-A01` }).textContent();
    // The figures the server joins for the sheet (sample actuals recorded above), shown as the workbook does.
    const stored = await getEvaluationSheet(server.ctx, `${round2024}.project.${P}`);
    const row = stored.ok ? stored.value.indicatorRows.find((r) => r.code === `${P}-A01`) : undefined;
    if (!row || row.current.actual === null || row.current.achievement === null)
      throw new Error('no figures');
    expect(activity).toContain('活動指標');
    expect(activity).toContain(`${row.current.actual}${row.unit}`);
    expect(activity).toContain(`${(row.current.achievement * 100).toFixed(1)}%`);
    expect(activity).toContain('計画から');
    const outcome = await page.locator('#indicator-rows tbody tr', { hasText: 'A-1-M01-K01' }).textContent();
    expect(outcome).toContain('成果指標');
    expect(outcome).toContain('37');
    const submit = page.getByRole('button', { name: '提出する' });
    expect(await submit.isDisabled()).toBe(true);
    expect(await submit.getAttribute('aria-describedby')).toBe('submit-why');
    const why = await page.locator('#submit-why').textContent();
    expect(why).toContain('まだ提出できません');
    // The reasons are the check's own problems (the same list as 「提出前の確認」).
    const listed = await page.locator('#sheet-check li').allTextContents();
    for (const reason of listed) expect(why).toContain(reason);
    expect(await axeViolations(page)).toEqual([]);
    await clerk.shot('01-indicator-rows');
  });

  it('a clerk adds an indicator of the plan and removes it again; those from the plan stay', async () => {
    const { page } = clerk;
    await page.locator('#add-indicator-code').selectOption('B-4-M01-K01');
    await page.locator('#add-indicator-role').selectOption('outcome');
    await page.getByRole('button', { name: '追加する' }).click();
    await expect(page.locator('#indicator-rows tbody tr', { hasText: 'B-4-M01-K01' }).count()).resolves.toBe(
      1,
    );
    await saved(page);
    const after = await getEvaluationSheet(server.ctx, `${round2024}.project.${P}`);
    expect(after.ok && after.value.sheet.content.indicators.map((r) => r.code)).toContain('B-4-M01-K01');
    expect(await axeViolations(page)).toEqual([]);
    await clerk.shot('02-indicator-added');
    await page
      .locator('#indicator-rows tbody tr', { hasText: 'B-4-M01-K01' })
      .getByRole('button', { name: /外す/ })
      .click();
    await page.waitForFunction(
      () => !document.querySelector('#indicator-rows')?.textContent?.includes('B-4-M01-K01'),
    );
    await page.waitForFunction(() =>
      document.querySelector('#save-status')?.textContent?.includes('保存しました'),
    );
    await page.waitForTimeout(1500);
    const removed = await getEvaluationSheet(server.ctx, `${round2024}.project.${P}`);
    expect(removed.ok && removed.value.sheet.content.indicators.map((r) => r.code)).not.toContain(
      'B-4-M01-K01',
    );
    expect(removed.ok && removed.value.sheet.content.indicators.map((r) => r.code)).toContain(`${P}-A01`);
    // Plan rows have no remove button.
    await expect(
      page
        .locator('#indicator-rows tbody tr', { hasText: `${P}-A01` })
        .getByRole('button')
        .count(),
    ).resolves.toBe(0);
  });

  it('the measure sheet shows the theory check per link with the suggestion, recorded as a finding', async () => {
    const { page } = clerk;
    await page.goto(sheetUrl(round2024, 'measure', M));
    const stored = await getEvaluationSheet(server.ctx, `${round2024}.measure.${M}`);
    if (!stored.ok || !stored.value.theory) throw new Error('no theory rows');
    const rows = stored.value.theory.rows;
    await expect(page.locator('#theory-links > li').count()).resolves.toBe(rows.length);
    const first = page.locator('#theory-links > li').first();
    await expect(first.locator('.suggestion').textContent()).resolves.toContain('指標からの提案');
    await first.getByRole('button', { name: '提案を使う' }).click();
    await expect(page.locator('#theory-0-finding').inputValue()).resolves.toBe(rows[0]?.suggested);
    await page.locator('#theory-0-evidence').fill('（サンプル）相談件数と満足度がともに改善');
    await saved(page);
    expect(await axeViolations(page)).toEqual([]);
    await clerk.shot('03-theory-check');
    const after = await getEvaluationSheet(server.ctx, `${round2024}.measure.${M}`);
    const content = after.ok ? after.value.sheet.content : null;
    expect(content?.kind === 'measure' && content.theoryFindings[0]).toMatchObject({
      linkId: rows[0]?.linkId,
      finding: rows[0]?.suggested,
      suggested: rows[0]?.suggested,
      evidence: '（サンプル）相談件数と満足度がともに改善',
    });
  });

  it('comments run as a thread: the reviewer asks, the clerk replies beneath', async () => {
    await signIn(head.page, sheetUrl(round2024, 'project', P), ...HEAD);
    await head.page.locator('#new-comment').fill('（サンプル）単位費用の根拠を教えてください');
    await head.page.getByRole('button', { name: '投稿する' }).click();
    await head.page.waitForSelector('#comment-threads li');
    const { page } = clerk;
    await page.goto(sheetUrl(round2024, 'project', P));
    await page.locator('#comment-threads').getByRole('button', { name: '返信する' }).click();
    await page.locator('#comment-threads textarea').fill('（サンプル）決算額を相談件数で割りました');
    await page.locator('#comment-threads').getByRole('button', { name: '投稿する' }).click();
    await page.waitForSelector('#comment-threads .replies li');
    const reply = await page.locator('#comment-threads .replies li').textContent();
    expect(reply).toContain('担当課');
    expect(reply).toContain('決算額を相談件数で割りました');
    expect(await page.locator('#comment-threads > li > .comment-text').textContent()).toContain(
      '単位費用の根拠',
    );
    expect(await axeViolations(page)).toEqual([]);
    await clerk.shot('04-comment-thread');
  });

  it('the next year’s sheet links the same project’s earlier sheet', async () => {
    const { page } = clerk;
    await page.goto(sheetUrl(round2025, 'project', P));
    const link = page.locator('#earlier-sheets a').first();
    await expect(link.textContent()).resolves.toContain('令和6年度');
    await Promise.all([
      page.waitForURL(`**/${encodeURIComponent(`${round2024}.project.${P}`)}`),
      link.click(),
    ]);
    await expect(page.locator('h1').textContent()).resolves.toContain(P);
    expect(await axeViolations(page)).toEqual([]);
    await clerk.shot('05-earlier-year');
  });
});
