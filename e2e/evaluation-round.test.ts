/**
 * A whole round of the shipped sample plan in Chromium, one server and one
 * browser per role: the planning division opens the round from the workspace;
 * a department clerk sees on a measure sheet exactly the problems the server
 * raises (no false one), downloads the department workbook, uploads it with a
 * mistake (problems by worksheet and cell, nothing stored), then filled; the
 * other departments' sheets are filled and reviewed through the use cases (as
 * their clerks would); a reviewer approves in the browser; the planning
 * division closes, publishes and locks the round with the page's buttons; the
 * public sees the results. Plan data are SAMPLE data.
 */
import {
  exportRoundWorkbooks,
  fillMeasure,
  fillProject,
  getEvaluationSheet,
  saveEvaluationSheet,
  transitionEvaluationSheet,
} from '@mirai/app';
import { type Actor, type MeasureSheetContent, type ProjectSheetContent, validateSheet } from '@mirai/core';
import { listSheets } from '@mirai/db';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signIn, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const PLANNER = ['kikaku1', 'kikaku-password-1234'] as const;
const CLERK = ['kodomo1', 'kodomo-password-1234'] as const;
const HEAD = ['shocho1', 'shocho-password-5678'] as const;
const now = new Date(Date.now() + 9 * 3600_000);
// The year just closed (Japan time): the round that may be opened today.
const FY = (now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1) - 1;
const admin: Actor = { id: 'e2e:other-clerks', role: 'admin' };

const cellByLabel = (ws: ExcelJS.Worksheet, label: string) => {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === label) return ws.getCell(`B${r}`);
  throw new Error(`no row ${label} in ${ws.name}`);
};

describe('a whole evaluation round with the sample plan, every role (Chromium)', () => {
  let server: TestServer;
  let planner: TestBrowser;
  let clerk: TestBrowser;
  let head: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser(PLANNER[0], 'planning-editor', PLANNER[1], 'DEPT-PLANNING');
    await server.addUser(CLERK[0], 'department-editor', CLERK[1], 'DEPT-CHILD');
    await server.addUser(HEAD[0], 'reviewer', HEAD[1]);
    [planner, clerk, head] = await Promise.all([
      openBrowser('round-planner'),
      openBrowser('round-clerk'),
      openBrowser('round-head'),
    ]);
  });
  afterAll(async () => {
    await Promise.all([planner?.close(), clerk?.close(), head?.close()]);
    await server?.close();
  });

  it('the planning division opens the round with cascading due dates', async () => {
    const { page } = planner;
    await signIn(page, `${server.url}/staff/rounds`, ...PLANNER);
    await page.locator('#open-fy').selectOption(String(FY));
    await Promise.all([
      page.waitForURL(`**/staff/rounds/${FY}`),
      page.getByRole('button', { name: '開始する' }).click(),
    ]);
    await waitHydrated(page);
    await expect(page.locator('#round-state').textContent()).resolves.toContain('入力中');
    const sheets = await listSheets(server.ctx.database.db, `shiojiri-6th-${FY}`);
    expect(sheets.length).toBe(18);
    expect(await page.locator('#round-sheets tbody tr').count()).toBe(18);
    expect(await axeViolations(page)).toEqual([]);
    await planner.shot('01-round-opened');
  });

  it('a clerk sees on a measure sheet exactly the problems the server raises', async () => {
    const { page } = clerk;
    const id = `shiojiri-6th-${FY}.measure.A-1-M01`;
    await signIn(page, `${server.url}/staff/sheets/${id}`, ...CLERK);
    const shown = (await page.locator('#sheet-check li').allTextContents()).sort();
    const view = await getEvaluationSheet(server.ctx, id);
    if (!view.ok) throw new Error('no sheet');
    const server_ = validateSheet(view.value.sheet.content, view.value.templates, view.value.checks);
    const expected = server_.ok ? [] : server_.problems.map((p) => p.message.ja).sort();
    expect(shown).toEqual(expected);
    expect(shown.join('\n')).not.toContain('この施策にありません');
    await clerk.shot('02-measure-sheet');
  });

  it('the clerk uploads the department workbook: a mistake is listed by worksheet and cell, then it is stored', async () => {
    const { page } = clerk;
    await page.goto(`${server.url}/staff/rounds/${FY}`);
    await waitHydrated(page);
    const [book] = await (async () => {
      const r = await exportRoundWorkbooks(server.ctx, { fiscalYear: FY, departmentCode: 'DEPT-CHILD' });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      return r.value;
    })();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book!.buffer as unknown as ArrayBuffer);
    const fill: Record<string, string | number> = {
      事業開始年度: 2020,
      実施方法: '直営',
      '対象（誰・何を）': '（サンプル）対象',
      '意図（どういう状態にしたいか）': '（サンプル）意図',
      '手段（事業内容）': '（サンプル）手段',
      '財源：一般財源': 1200,
      '人工（人・年）': 0.2,
      平均職員費: 8000,
      必要性: '4',
      有効性: '3',
      効率性: '3',
      手段の適切性: '4',
      総合評価: 'B',
      今後の方向性: '継続',
      課題: '（サンプル）課題',
      施策の目指す姿: '（サンプル）目指す姿',
    };
    for (const ws of wb.worksheets)
      for (let r = 1; r <= ws.rowCount; r++) {
        const label = ws.getCell(`A${r}`).value;
        if (typeof label === 'string' && label in fill) ws.getCell(`B${r}`).value = fill[label]!;
      }
    const bad = wb.getWorksheet('A-1-M01-P01')!;
    const rating = cellByLabel(bad, '総合評価');
    rating.value = 'Z';
    const badBytes = Buffer.from(await wb.xlsx.writeBuffer());
    const input = page.getByLabel('（サンプル）こども課の記入済みファイル');
    await input.setInputFiles({
      name: 'kodomo.xlsx',
      mimeType: 'application/octet-stream',
      buffer: badBytes,
    });
    await page.waitForSelector('#round-problems');
    const row = await page
      .locator('#round-problems tbody tr', { hasText: 'A-1-M01-P01' })
      .first()
      .textContent();
    expect(row).toContain(rating.address);
    expect(await axeViolations(page)).toEqual([]);
    await clerk.shot('03-upload-problems');
    const untouched = await getEvaluationSheet(server.ctx, `shiojiri-6th-${FY}.project.A-1-M01-P01`);
    expect(untouched.ok && untouched.value.sheet.version).toBe(1);
    rating.value = 'B';
    const goodBytes = Buffer.from(await wb.xlsx.writeBuffer());
    await input.setInputFiles({
      name: 'kodomo.xlsx',
      mimeType: 'application/octet-stream',
      buffer: goodBytes,
    });
    await page.waitForFunction(() =>
      document.querySelector('#upload-status')?.textContent?.includes('更新しました'),
    );
    await expect(page.locator('#upload-status').textContent()).resolves.toContain('6 件');
  });

  it('the other departments fill and everyone reviews; a reviewer approves in the browser', async () => {
    const sheets = await listSheets(server.ctx.database.db, `shiojiri-6th-${FY}`);
    const approvedInBrowser = `shiojiri-6th-${FY}.project.A-1-M01-P01`;
    for (const s of sheets) {
      let version = s.version;
      if (s.departmentCode !== 'DEPT-CHILD') {
        const content =
          s.kind === 'project'
            ? fillProject(s.content as ProjectSheetContent)
            : fillMeasure(s.content as MeasureSheetContent);
        const saved = await saveEvaluationSheet(server.ctx, {
          sheetId: s.id,
          content,
          expectedVersion: version,
          actor: admin,
        });
        if (!saved.ok) throw new Error(JSON.stringify(saved.problems));
        version = saved.value.version;
      }
      for (const action of ['submit', 'approve', 'review'] as const) {
        if (s.id === approvedInBrowser && action !== 'submit') break;
        const t = await transitionEvaluationSheet(server.ctx, {
          sheetId: s.id,
          action,
          expectedVersion: version,
          actor: admin,
        });
        if (!t.ok) throw new Error(`${s.id} ${action}: ${JSON.stringify(t.problems)}`);
        version = t.value.sheet.version;
      }
    }
    const { page } = head;
    await signIn(page, `${server.url}/staff/sheets/${approvedInBrowser}`, ...HEAD);
    await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: '承認する' }).click()]);
    await expect(page.locator('#sheet-state').textContent()).resolves.toBe('所属長承認');
    await head.shot('04-approved');
    const s = await getEvaluationSheet(server.ctx, approvedInBrowser);
    if (!s.ok) throw new Error('no sheet');
    const t = await transitionEvaluationSheet(server.ctx, {
      sheetId: approvedInBrowser,
      action: 'review',
      expectedVersion: s.value.sheet.version,
      actor: { id: 'e2e:planning', role: 'planning-division' },
    });
    expect(t.ok).toBe(true);
  });

  it('the planning division closes, publishes and locks; the public sees the results', async () => {
    const { page } = planner;
    for (const [button, state] of [
      ['入力を締め切る', '締切'],
      ['公表する', '公表済'],
      ['確定（ロック）する', '確定'],
    ] as const) {
      await page.goto(`${server.url}/staff/rounds/${FY}`);
      await waitHydrated(page);
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: button }).click()]);
      await expect(page.locator('#round-state').textContent()).resolves.toContain(state);
    }
    await planner.shot('05-round-locked');
    // The report renders as a background job with progress; the PDF is then offered.
    await page.getByRole('button', { name: 'PDF（A4）を作成' }).click();
    await page.waitForSelector('#report-file', { timeout: 90_000 });
    const href = (await page.locator('#report-file').getAttribute('href')) ?? '';
    const pdf = await page.evaluate(async (u) => {
      const r = await fetch(u);
      return { type: r.headers.get('content-type'), head: (await r.text()).slice(0, 5) };
    }, href);
    expect(pdf).toEqual({ type: 'application/pdf', head: '%PDF-' });
    await page.goto(`${server.url}/open-data`);
    const table = page.locator('table', { hasText: 'A-1-M01-P01' });
    await expect(table.count()).resolves.toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await planner.shot('06-public-results');
    // The public results link the report of the published round.
    await Promise.all([page.waitForEvent('load'), page.locator('.report-links a').first().click()]);
    await expect(page.locator('h1').first().textContent()).resolves.toContain('行政評価結果報告書');
    await planner.shot('07-public-report');
  });
});
