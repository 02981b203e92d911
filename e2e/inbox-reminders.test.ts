/**
 * Inbox and reminders, walked in Chromium with a real SMTP server (the
 * in-process sink): reminders before and after the due date go to the inbox
 * and by e-mail, each once; the clerk follows the inbox link to the sheet and
 * it turns read; a reviewer without a department is told of the submitted
 * sheet and finds it under "my sheets". Plan data are SAMPLE data.
 */
import {
  fillProject,
  getEvaluationSheet,
  openEvaluationRound,
  recordSampleActuals,
  saveEvaluationSheet,
  seedEvaluationPlan,
  sendAllEvaluationReminders,
  transitionEvaluationSheet,
} from '@mirai/app';
import { type SmtpSink, startSmtpSink } from '@mirai/app/mail-testing';
import type { ProjectSheetContent } from '@mirai/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signIn, type TestBrowser } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const CLERK = ['clerk3', 'clerk-password-3456'] as const;
const HEAD = ['head3', 'head-password-7890'] as const;
const P = 'A-1-M01-P01';

describe('inbox and reminders (Chromium, real SMTP sink)', () => {
  let sink: SmtpSink;
  let server: TestServer;
  let clerk: TestBrowser;
  let head: TestBrowser;
  let sheetId = '';
  beforeAll(async () => {
    sink = await startSmtpSink();
    server = await startTestServer({
      mail: { smtpUrl: sink.url, from: 'Mirai <mirai@test.example>', publicUrl: 'http://mirai.test' },
    });
    const doc = await seedEvaluationPlan(server.ctx.database.db);
    await recordSampleActuals(server.ctx, doc);
    const opened = await openEvaluationRound(server.ctx, {
      fiscalYear: 2024,
      actor: { id: 'e2e:setup', role: 'admin' },
      openedOn: { year: 2025, month: 6, day: 2 },
      scope: { measureCodes: [], projectCodes: [P] },
      entryDue: { year: 2025, month: 7, day: 31 },
      reminderDays: [7, -1],
    });
    if (!opened.ok) throw new Error(JSON.stringify(opened.problems));
    sheetId = `${opened.value.id}.project.${P}`;
    await server.addUser(CLERK[0], 'department-editor', CLERK[1], 'DEPT-CHILD', 'clerk3@example.jp');
    // A reviewer without a department: told of every department's sheets (decision 0101).
    await server.addUser(HEAD[0], 'reviewer', HEAD[1], undefined, 'head3@example.jp');
    clerk = await openBrowser('inbox-clerk');
    head = await openBrowser('inbox-reviewer');
  });
  afterAll(async () => {
    await clerk?.close();
    await head?.close();
    await server?.close();
    await sink?.close();
  });

  it('reminders before and after the due date reach the inbox and the mailbox, each once', async () => {
    const remind = (day: { year: number; month: number; day: number }) =>
      sendAllEvaluationReminders(server.ctx, { actor: 'e2e:scheduler', today: day });
    const before = await remind({ year: 2025, month: 7, day: 24 });
    expect(before.ok && before.value).toMatchObject({ rounds: 1, sent: 1, mailed: 1 });
    const after = await remind({ year: 2025, month: 8, day: 1 });
    expect(after.ok && after.value).toMatchObject({ sent: 1, mailed: 1 });
    // A day not in the round's reminder days sends nothing; a rerun of a day sends nothing twice.
    const other = await remind({ year: 2025, month: 7, day: 30 });
    expect(other.ok && other.value).toMatchObject({ sent: 0, mailed: 0 });
    const again = await remind({ year: 2025, month: 8, day: 1 });
    expect(again.ok && again.value).toMatchObject({ sent: 0, skipped: 1, mailed: 0 });
    await server.ctx.mail.idle();
    const mails = await sink.waitFor(2);
    expect(mails).toHaveLength(2);
    expect(mails.every((m) => m.to.includes('clerk3@example.jp'))).toBe(true);
    const late = mails.find((m) => m.subject.includes('過ぎています'));
    expect(late?.subject).toContain('【行政評価】');
    expect(late?.text).toContain(`http://mirai.test/staff/sheets/${encodeURIComponent(sheetId)}`);
  });

  it('the clerk’s inbox lists them unread; following the link opens the sheet and marks it read', async () => {
    const { page } = clerk;
    await signIn(page, `${server.url}/staff/inbox`, ...CLERK);
    await expect(page.locator('#inbox li.unread').count()).resolves.toBe(2);
    await expect(page.locator('#inbox-summary').textContent()).resolves.toContain('未読 2件');
    expect(await axeViolations(page)).toEqual([]);
    await clerk.shot('01-inbox-unread');
    const late = page.locator('#inbox li', { hasText: '過ぎています' });
    await Promise.all([page.waitForURL('**/staff/sheets/**'), late.locator('a').click()]);
    await expect(page.locator('h1').textContent()).resolves.toContain(P);
    await page.goto(`${server.url}/staff/inbox`);
    await expect(page.locator('#inbox li.unread').count()).resolves.toBe(1);
    await page.locator('#inbox li.unread').getByRole('button', { name: '既読にする' }).click();
    await page.waitForFunction(() => document.querySelectorAll('#inbox li.unread').length === 0);
    await expect(page.locator('#inbox-summary').textContent()).resolves.toContain('未読 0件');
    await clerk.shot('02-inbox-read');
  });

  it('a reviewer without a department is told of the submitted sheet and finds it under my sheets', async () => {
    const clerkActor = {
      id: 'user:clerk3',
      role: 'department-editor' as const,
      departmentCode: 'DEPT-CHILD',
    };
    const s = await getEvaluationSheet(server.ctx, sheetId);
    if (!s.ok) throw new Error('no sheet');
    const saved = await saveEvaluationSheet(server.ctx, {
      sheetId,
      content: fillProject(s.value.sheet.content as ProjectSheetContent),
      expectedVersion: s.value.sheet.version,
      actor: clerkActor,
    });
    if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
    const submitted = await transitionEvaluationSheet(server.ctx, {
      sheetId,
      action: 'submit',
      expectedVersion: saved.value.version,
      actor: clerkActor,
    });
    expect(submitted.ok, JSON.stringify(submitted)).toBe(true);
    const { page } = head;
    await signIn(page, `${server.url}/staff/inbox`, ...HEAD);
    await expect(page.locator('main').textContent()).resolves.toContain(
      'すべての課のシートのお知らせが届きます',
    );
    const notice = page.locator('#inbox li', { hasText: '提出されました' });
    await expect(notice.count()).resolves.toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await head.shot('03-reviewer-inbox');
    // The staff navigation's 行政評価 entry leads to my sheets.
    await Promise.all([
      page.waitForURL('**/staff/my-sheets'),
      page.locator('nav.staff-bar').getByRole('link', { name: '自分のシート' }).click(),
    ]);
    const row = await page.locator('#my-sheets tbody tr', { hasText: P }).textContent();
    expect(row).toContain('承認・差し戻し');
    expect(row).toContain('2025-08-14');
    expect(await axeViolations(page)).toEqual([]);
    await head.shot('04-my-sheets');
    await Promise.all([page.waitForURL('**/staff/sheets/**'), page.locator('#my-sheets a').first().click()]);
    await expect(page.getByRole('button', { name: '承認する' }).count()).resolves.toBe(1);
  });
});
