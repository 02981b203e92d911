/**
 * The actuals grid in Chromium, as a department's clerk uses it: only the
 * department's indicators; a block pasted from Excel with full-width digits
 * and a 和暦 year header lands in the right cells and is saved in one go (the
 * public indicator page then shows it); a bad cell shows its problem beside
 * it and nothing is saved; a value recorded by someone else meanwhile is a
 * 409 shown on the page; arrow keys move between cells; an uploaded file with
 * a bad row lists the problem by row and column and stores nothing; the page
 * fits a phone.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { recordIndicatorActual } from '@mirai/app';
import { findCurrentPlan, listActualVersions } from '@mirai/db';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signIn, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const DRILLS = 'C-9-M01-K01'; // %, 0–100, 防災安全課 (sample)
const PEOPLE = 'C-9-M01-K02'; // 人

/** Pastes text into the focused element as Excel puts it on the clipboard (text/plain). */
async function paste(page: Page, selector: string, text: string) {
  await page.focus(selector);
  await page.evaluate(
    ([sel, t]) => {
      const dt = new DataTransfer();
      dt.setData('text/plain', t);
      document
        .querySelector(sel)!
        .dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }));
    },
    [selector, text] as const,
  );
}

describe('the actuals grid (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  const stored = async (code: string) => {
    const plan = await findCurrentPlan(server.ctx.database.db);
    return listActualVersions(server.ctx.database.db, plan!.id, { indicatorCodes: [code] });
  };
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser('bosai1', 'department-editor', 'actuals-grid-pass-7', 'DEPT-SAFETY');
    b = await openBrowser('actuals-grid');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('takes a pasted Excel block (full-width digits, 和暦 header), saves it, and the public page shows it', async () => {
    const { page } = b;
    await signIn(page, `${server.url}/staff/indicators`, 'bosai1', 'actuals-grid-pass-7');
    // Only the department's indicators, none of another department's.
    const rows = await page.locator('#actuals-grid tbody th[scope=row] code').allTextContents();
    expect(rows).toContain(DRILLS);
    expect(rows).not.toContain('B-4-M01-K01');
    expect(rows).not.toContain('TOP-HAPPINESS');
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('01-grid');

    // A block copied from Excel: a header of 和暦 years, full-width digits and separators.
    const first = `#actuals-grid tbody tr:nth-child(1) input.grid-cell`;
    await paste(page, first, '令和6年度\t令和7年度\r\n８５．５\t９０\r\n１，２３０\t１，４０５\r\n');
    await expect(page.locator('#grid-status').textContent()).resolves.toContain('4 セルを貼り付けました');
    const cell = (code: string, fy: string) =>
      page.locator(`tr:has(code:text-is("${code}")) input[aria-label*="${fy}"]`);
    await expect(cell(DRILLS, '2024年度').inputValue()).resolves.toBe('８５．５');
    await expect(cell(PEOPLE, '2025年度').inputValue()).resolves.toBe('１，４０５');
    expect(await page.locator('.cell-problem').count()).toBe(0); // no false problem for full-width digits
    await page.getByLabel('出典（必須）').fill('令和7年度 防災訓練実施報告（e2e）');
    await page.getByRole('button', { name: '変更を保存' }).click();
    await page.waitForFunction(() =>
      document.querySelector('#grid-status')?.textContent?.includes('保存しました'),
    );
    await expect(page.locator('#grid-status').textContent()).resolves.toContain('新規 4 件');
    expect(
      (await stored(PEOPLE))
        .filter((v) => v.area === undefined)
        .map((v) => [v.fiscalYear, v.value])
        .sort(),
    ).toEqual([
      [2024, 1230],
      [2025, 1405],
    ]);
    await b.shot('02-saved');

    await page.goto(`${server.url}/indicators/${PEOPLE}`);
    const history = (await page.locator('#history ~ table tbody tr').allTextContents()).join('\n');
    expect(history).toContain('1,405');
    expect(history).toContain('1,230');
  });

  it('shows a problem beside a bad cell and saves nothing; arrow keys move between cells', async () => {
    const { page } = b;
    await page.goto(`${server.url}/staff/indicators`);
    await waitHydrated(page);
    const before = (await stored(DRILLS)).length;
    const drills = page.locator(`tr:has(code:text-is("${DRILLS}")) input.grid-cell`);
    const target = drills.last(); // the newest year shown
    await target.fill('１２０'); // a percentage above 100
    const problem = page.locator(`tr:has(code:text-is("${DRILLS}")) .cell-problem`);
    await expect(problem.textContent()).resolves.toContain('範囲');
    await expect(target.getAttribute('aria-invalid')).resolves.toBe('true');
    await page.getByLabel('出典（必須）').fill('e2e');
    await page.getByRole('button', { name: '変更を保存' }).click();
    await b.shot('03-problem');
    expect((await stored(DRILLS)).length).toBe(before);

    // Arrow keys: down to the next indicator in the same year, and back up.
    await target.focus();
    await page.keyboard.press('ArrowDown');
    const id = await page.evaluate(() => document.activeElement?.id);
    expect(id).toMatch(/^cell-1-/);
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^cell-0-/);
  });

  it('says clearly when someone else recorded the value meanwhile (409), and saves nothing', async () => {
    const { page } = b;
    await page.goto(`${server.url}/staff/indicators`);
    await waitHydrated(page);
    const people = page.locator(`tr:has(code:text-is("${PEOPLE}")) input.grid-cell`).last();
    await people.fill('1500');
    await page.getByLabel('出典（必須）').fill('e2e');
    // Meanwhile a colleague records the same cell.
    const label = (await people.getAttribute('aria-label')) ?? '';
    const fy = Number(/(\d{4})年度/.exec(label)?.[1]);
    const other = await recordIndicatorActual(
      server.ctx,
      { indicatorCode: PEOPLE, fiscalYear: fy, value: 1499, source: 'colleague' },
      { actor: 'user:colleague' },
    );
    expect(other.ok).toBe(true);
    await page.getByRole('button', { name: '変更を保存' }).click();
    const alert = page.locator('.conflict[role=alert]');
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain('何も保存していません');
    await expect(
      page.locator(`tr:has(code:text-is("${PEOPLE}")) .cell-problem`).textContent(),
    ).resolves.toContain('user:colleague');
    expect((await stored(PEOPLE)).filter((v) => v.fiscalYear === fy).map((v) => v.value)).toEqual([1499]);
    await b.shot('04-conflict');
  });

  it('uploads a CSV (UTF-8 with BOM) with a bad row: the problem by row and column, nothing stored', async () => {
    const { page } = b;
    await page.goto(`${server.url}/staff/indicators`);
    await waitHydrated(page);
    const file = join(tmpdir(), `actuals-${Date.now()}.csv`);
    writeFileSync(
      file,
      `\ufeff指標コード,年度,実績値,出典\n${DRILLS},令和8年度,９５,e2e\n${PEOPLE},R8,abc,e2e\n`,
    );
    const before = (await stored(DRILLS)).length;
    await page.getByLabel('ファイル', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: '取り込む' }).click();
    const table = page.locator('#import-problems');
    await table.waitFor();
    const row = await table.locator('tbody tr').first().locator('td').allTextContents();
    expect(row.slice(0, 2)).toEqual(['3', '実績値']);
    expect(row[3]).toBe('indicator-import/value-not-a-number');
    expect((await stored(DRILLS)).length).toBe(before);
    await b.shot('05-upload-problem');
  });

  it('records one actual from the workspace in three clicks and Enter (it took 7)', async () => {
    const { page } = b;
    await page.goto(`${server.url}/staff`);
    await waitHydrated(page);
    let clicks = 0;
    const click = async (l: ReturnType<Page['locator']>) => {
      clicks++;
      await l.click();
    };
    await Promise.all([
      page.waitForURL('**/staff/indicators'),
      click(page.getByRole('link', { name: '実績値の入力' }).first()),
    ]);
    await waitHydrated(page);
    const areas = page.locator('tr:has(code:text-is("C-7-M01-K01")) input.grid-cell').last();
    await click(areas);
    await page.keyboard.type('７');
    await click(page.getByLabel('出典（必須）'));
    await page.keyboard.type('地区調べ');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() =>
      document.querySelector('#grid-status')?.textContent?.includes('保存しました'),
    );
    expect(clicks).toBe(3);
    expect((await stored('C-7-M01-K01')).filter((v) => v.area === undefined).map((v) => v.value)).toEqual([
      7,
    ]);
  });

  it('fits a phone: the grid scrolls inside its own area, cells stay labelled', async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}/staff/indicators`);
    await waitHydrated(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('06-phone');
  });
});
