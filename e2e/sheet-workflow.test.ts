/**
 * A department clerk fills an evaluation sheet in Chromium (checked as typed,
 * autosaved), meets a conflict when a colleague saved first (both versions
 * shown), keeps their own, submits; a reviewer opens the round dashboard and
 * approves the sheet. Plan data and indicator values are SAMPLE data.
 */
import {
  evaluationActorOf,
  getEvaluationSheet,
  getRoundStatus,
  openEvaluationRound,
  recordSampleActuals,
  saveEvaluationSheet,
  seedEvaluationPlan,
  transitionEvaluationRound,
  transitionEvaluationSheet,
} from '@mirai/app';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signIn, type TestBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const CLERK = ['clerk1', 'clerk-password-1234'] as const;
const HEAD = ['head1', 'head-password-5678'] as const;

async function savedText(page: Page) {
  await page.waitForFunction(() =>
    document.querySelector('#save-status')?.textContent?.includes('保存しました'),
  );
}

describe('evaluation sheet: fill, conflict, submit, approve (Chromium)', () => {
  let server: TestServer;
  let clerk: TestBrowser;
  let head: TestBrowser;
  let sheetId = '';
  beforeAll(async () => {
    server = await startTestServer();
    const doc = await seedEvaluationPlan(server.ctx.database.db);
    await recordSampleActuals(server.ctx, doc);
    const opened = await openEvaluationRound(server.ctx, {
      fiscalYear: 2024,
      actor: { id: 'e2e:setup', role: 'admin' },
      openedOn: { year: 2025, month: 6, day: 2 },
      scope: { measureCodes: [], projectCodes: ['A-1-M01-P01'] },
      entryDue: { year: 2025, month: 7, day: 31 },
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    sheetId = `${opened.value.id}.project.A-1-M01-P01`;
    await server.addUser(CLERK[0], 'department-editor', CLERK[1], 'DEPT-CHILD');
    await server.addUser(HEAD[0], 'reviewer', HEAD[1]);
    clerk = await openBrowser('sheet-workflow-clerk');
    head = await openBrowser('sheet-workflow-reviewer');
  });
  afterAll(async () => {
    await clerk?.close();
    await head?.close();
    await server?.close();
  });

  it('a clerk fills the sheet: problems listed as typed, drafts autosaved', async () => {
    const { page } = clerk;
    await signIn(page, `${server.url}/staff/sheets/${encodeURIComponent(sheetId)}`, ...CLERK);
    await expect(page.locator('#sheet-check li').count()).resolves.toBeGreaterThan(3);
    expect(await page.getByRole('button', { name: '提出する' }).isDisabled()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await clerk.shot('01-empty-sheet');
    const fill = async (id: string, v: string) => page.locator(`#${id}`).fill(v);
    await fill('f-purpose-target', '（サンプル）子育て中の家庭');
    await fill('f-purpose-intent', '（サンプル）不安なく子育てできる');
    await fill('f-purpose-means', '（サンプル）相談と訪問');
    await fill('f-issues', '（サンプル）相談員の確保');
    await fill('f-period-startFiscalYear', '2020');
    await page.getByLabel('直営').check();
    await fill('f-cost-funding-national', '3000');
    await fill('f-cost-funding-generalRevenue', '7500');
    await fill('f-cost-personYears', '0.35');
    await fill('f-cost-averageStaffCost', '8000');
    for (const [key, v] of [
      ['necessity', '5'],
      ['effectiveness', '4'],
      ['efficiency', '3'],
      ['means', '4'],
    ] as const)
      await page.locator(`#f-ratings-${key}`).selectOption(v);
    await page.locator('#f-overallRating').selectOption('B');
    await page.locator('#f-direction').selectOption('continue');
    await expect(page.locator('#sheet-check').textContent()).resolves.toContain(
      '必要な項目はすべて入力されています',
    );
    await savedText(page);
    const stored = await getEvaluationSheet(server.ctx, sheetId);
    expect(
      stored.ok && stored.value.sheet.content.kind === 'project' && stored.value.sheet.content.purpose.means,
    ).toBe('（サンプル）相談と訪問');
    await clerk.shot('02-filled-autosaved');
  });

  it('shows both versions when a colleague saved first, and keeps the clerk’s on request', async () => {
    const { page } = clerk;
    const current = await getEvaluationSheet(server.ctx, sheetId);
    if (!current.ok || current.value.sheet.content.kind !== 'project') throw new Error('no sheet');
    const colleague = evaluationActorOf({
      kind: 'user',
      via: 'session',
      userId: 0,
      login: 'colleague',
      role: 'department-editor',
      department: 'DEPT-CHILD',
      links: [],
      mustChangePassword: false,
    });
    if (!colleague) throw new Error('no actor');
    const other = await saveEvaluationSheet(server.ctx, {
      sheetId,
      content: { ...current.value.sheet.content, issues: '（サンプル）同僚が書いた課題' },
      expectedVersion: current.value.sheet.version,
      actor: colleague,
    });
    expect(other.ok).toBe(true);
    await page.locator('#f-issues').fill('（サンプル）相談員の確保と研修');
    await page.waitForSelector('#conflict-table');
    const row = await page.locator('#conflict-table tbody tr', { hasText: '課題' }).textContent();
    expect(row).toContain('相談員の確保と研修');
    expect(row).toContain('同僚が書いた課題');
    expect(await axeViolations(page)).toEqual([]);
    await clerk.shot('03-conflict');
    await page.getByRole('button', { name: '自分の内容で保存し直す' }).click();
    await savedText(page);
    const after = await getEvaluationSheet(server.ctx, sheetId);
    expect(after.ok && after.value.sheet.content.issues).toBe('（サンプル）相談員の確保と研修');
  });

  it('the clerk submits', async () => {
    const { page } = clerk;
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '提出する' }).click()]);
    await expect(page.locator('#sheet-state').textContent()).resolves.toBe('提出済');
    await clerk.shot('04-submitted');
  });

  it('a reviewer sees the round dashboard and approves', async () => {
    const { page } = head;
    await signIn(page, `${server.url}/staff/rounds/2024`, ...HEAD);
    await expect(page.locator('#round-sheets').textContent()).resolves.toContain('提出済');
    expect(await axeViolations(page)).toEqual([]);
    await head.shot('05-round-dashboard');
    await page.locator('#round-sheets a', { hasText: 'A-1-M01-P01' }).click();
    await page.waitForURL('**/staff/sheets/**');
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '承認する' }).click()]);
    await expect(page.locator('#sheet-state').textContent()).resolves.toBe('所属長承認');
    await head.shot('06-approved');
    const final = await getEvaluationSheet(server.ctx, sheetId);
    expect(final.ok && final.value.sheet.state).toBe('approved');
  });

  it('once reviewed and the round published, the result appears on the open-data page', async () => {
    const planning = { id: 'e2e:planning', role: 'planning-division' as const };
    const sheet = await getEvaluationSheet(server.ctx, sheetId);
    if (!sheet.ok) throw new Error('no sheet');
    const reviewed = await transitionEvaluationSheet(server.ctx, {
      sheetId,
      action: 'review',
      expectedVersion: sheet.value.sheet.version,
      actor: planning,
    });
    expect(reviewed.ok, JSON.stringify(reviewed)).toBe(true);
    // Before publication the public sees nothing of the round.
    await head.page.goto(`${server.url}/open-data`);
    await expect(head.page.locator('#evaluations ~ p').textContent()).resolves.toContain('まだありません');
    for (const action of ['close', 'publish'] as const) {
      const status = await getRoundStatus(server.ctx, 2024);
      if (!status.ok) throw new Error('no round');
      const moved = await transitionEvaluationRound(server.ctx, {
        fiscalYear: 2024,
        action,
        expectedVersion: status.value.round.version,
        actor: planning,
      });
      expect(moved.ok, JSON.stringify(moved)).toBe(true);
    }
    await head.page.goto(`${server.url}/open-data`);
    const table = head.page.locator('table', { hasText: 'A-1-M01-P01' });
    await expect(table.textContent()).resolves.toContain('（サンプル）相談員の確保と研修');
    await expect(table.locator('td').first().textContent()).resolves.toBe('B');
    expect(await axeViolations(head.page)).toEqual([]);
    await head.shot('07-open-data-published');
  });
});
