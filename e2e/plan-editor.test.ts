/**
 * A planning editor edits the plan structure in Chromium: changes a field's
 * desired state, adds a measure (checked as typed), saves a new version and
 * the public field page shows it; when a colleague saved first, saving shows
 * the conflict notice and reloading brings the newest version.
 */
import { getCurrentPlan, importPlan } from '@mirai/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signIn, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const EDITOR = ['planner1', 'plan-editor-pass-2468'] as const;
const REVIEWER = ['reviewer1', 'plan-reviewer-pass-1357'] as const;
const DESIRED = '子どもと子育て家庭を地域みんなで支えるまち（e2e）';
const MEASURE = '放課後の居場所づくり（e2e）';

describe('plan structure editor (Chromium)', () => {
  let server: TestServer;
  let b: TestBrowser;
  beforeAll(async () => {
    server = await startTestServer();
    await server.addUser(EDITOR[0], 'planning-editor', EDITOR[1]);
    await server.addUser(REVIEWER[0], 'reviewer', REVIEWER[1]);
    b = await openBrowser('plan-editor');
  });
  afterAll(async () => {
    await b?.close();
    await server?.close();
  });

  it('changes a desired state, adds a measure, saves, and the public field page shows it', async () => {
    const { page } = b;
    const before = await getCurrentPlan(server.ctx);
    if (!before.ok) throw new Error('no plan');
    const v = before.value.version;
    await signIn(page, `${server.url}/staff/plan`, EDITOR[0], EDITOR[1]);
    expect(await axeViolations(page)).toEqual([]);
    const field = page.locator('#pe-field-A-1');
    await expect(field.locator('legend', { hasText: 'A-1-M01' }).textContent()).resolves.toContain(
      'サンプル',
    );

    await field.getByLabel('ありたい姿（日本語）').fill(DESIRED);
    await field.getByRole('button', { name: 'A-1 に施策を追加' }).click();
    // The new measure's Japanese name has the focus and is required (checked as typed).
    const name = page.locator(':focus');
    await expect(name.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator(`#${await name.getAttribute('id')}-msg`).textContent()).resolves.toContain(
      '入力してください',
    );
    await b.shot('01-new-measure-invalid');
    await name.fill(MEASURE);
    await expect(name.getAttribute('aria-invalid')).resolves.toBeNull();
    const added = field.locator('fieldset.measure-edit').last();
    await expect(added.getByLabel('コード').inputValue()).resolves.toBe('A-1-M02');
    await added.getByLabel('推進期間').selectOption('long');
    await added.getByLabel('塩尻東').check();
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel(/^変更の説明/).fill('A-1 のありたい姿と施策の追加（e2e）');
    await page.getByRole('button', { name: `版 ${v} をもとに保存` }).click();
    await page.waitForFunction(
      (n) => document.querySelector('#plan-save-status')?.textContent?.includes(`版 ${n} として保存しました`),
      v + 1,
    );
    await b.shot('02-saved');
    const after = await getCurrentPlan(server.ctx);
    expect(after.ok && after.value.version).toBe(v + 1);
    const stored = after.ok ? after.value.document.measures.find((m) => m.code === 'A-1-M02') : undefined;
    expect(stored?.promotionPeriod).toBe('long');
    expect(stored?.targetAreas).toContain('D-SHIOJIRIHIGASHI');

    await page.goto(`${server.url}/fields/A-1`);
    await waitHydrated(page);
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain(DESIRED);
    expect(main).toContain(MEASURE);
    await b.shot('03-public-field');
  });

  it('a stale save shows the conflict notice; reloading loads the newest version', async () => {
    const { page } = b;
    await page.goto(`${server.url}/staff/plan`);
    await waitHydrated(page);
    const loaded = await getCurrentPlan(server.ctx);
    if (!loaded.ok) throw new Error('no plan');
    const v = loaded.value.version;
    // A colleague saves first (through the same use case the API calls).
    const doc = structuredClone(loaded.value.document);
    const b4 = doc.fields.find((f) => f.code === 'B-4');
    if (!b4) throw new Error('no field B-4');
    b4.desiredState = { ...b4.desiredState, ja: `${b4.desiredState?.ja}（同僚が更新）` };
    const other = await importPlan(server.ctx, JSON.stringify(doc), 'plan.json', {
      actor: 'user:colleague',
      expectedVersion: v,
    });
    expect(other.ok).toBe(true);

    await page
      .getByRole('group', { name: '戦略分野 A-1' })
      .getByLabel('名称（英語）')
      .fill('Child-rearing (stale edit)');
    await page.getByRole('button', { name: `版 ${v} をもとに保存` }).click();
    await page.waitForSelector('#plan-conflict');
    const notice = (await page.locator('#plan-conflict').textContent()) ?? '';
    expect(notice).toContain('ほかの人が先に保存しました');
    expect(notice).toContain(`現在の版 ${v + 1}`);
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('04-conflict');
    const stored = await getCurrentPlan(server.ctx);
    expect(stored.ok && stored.value.version).toBe(v + 1);

    await Promise.all([
      page.waitForEvent('load'),
      page.getByRole('button', { name: '最新の版を読み込む' }).click(),
    ]);
    await waitHydrated(page);
    await expect(page.locator('main').textContent()).resolves.toContain(`編集中の版: ${v + 1}`);
    await expect(
      page.locator('#pe-field-B-4').getByLabel('ありたい姿（日本語）').inputValue(),
    ).resolves.toContain('（同僚が更新）');
  });

  it('in English, and blocks a save with problems, linking each to its input', async () => {
    const { page } = b;
    await page.goto(`${server.url}/staff/plan?lang=en`);
    await waitHydrated(page);
    const field = page.getByRole('group', { name: 'Strategic field A-2' });
    await field.getByLabel('Desired state (Japanese)').fill('');
    await page.getByRole('button', { name: /^Save \(based on version/ }).click();
    const problems = page.locator('#plan-problems');
    await expect(problems.textContent()).resolves.toContain('Required (the Japanese text)');
    await expect(problems.getByRole('link').first().getAttribute('href')).resolves.toBe(
      '#pe-fields-1-desiredState-ja',
    );
    expect(await axeViolations(page)).toEqual([]);
    await b.shot('05-english-blocked');
  });

  it('a reviewer sees the structure read-only', async () => {
    const other = await openBrowser('plan-editor-reviewer');
    try {
      await signIn(other.page, `${server.url}/staff/plan`, REVIEWER[0], REVIEWER[1]);
      const main = (await other.page.locator('main').textContent()) ?? '';
      expect(main).toContain('A-1-M01-P01');
      expect(await other.page.locator('main input, main textarea').count()).toBe(0);
      expect(await axeViolations(other.page)).toEqual([]);
      await other.shot('01-read-only');
    } finally {
      await other.close();
    }
  });
});
