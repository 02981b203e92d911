/**
 * The medium-term review in the workspace (Chromium), with the shipped sample plan and a completed
 * FY2024 round of SAMPLE sheets: the planning division sees the review's figures per measure as the
 * review computes them, records conclusions (saved with the version read; a colleague's save first
 * is a conflict on the page and nothing is written), turns the next phase's draft into a draft plan
 * version and lands in the plan editor on it; publishes the review once every measure is concluded
 * (its conclusions then final, its report on the public evaluation page); a reviewer sees the
 * figures without the forms.
 */
import {
  completeSampleRound,
  produceMediumTermReview,
  recordSampleActuals,
  saveReviewConclusions,
  seedEvaluationPlan,
} from '@mirai/app';
import type { PlanDocument } from '@mirai/core';
import { findCurrentPlan, findReview, listAudit } from '@mirai/db';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, openBrowser, signIn, type TestBrowser, waitHydrated } from './support/browser';
import { startTestServer, type TestServer } from './support/server';

const PLANNER = ['kikaku2', 'kikaku-password-2345'] as const;
const REVIEWER = ['shinsa2', 'shinsa-password-2345'] as const;
const pct = (x: number | null) => (x === null ? '—' : `${(Math.round(x * 1000) / 10).toFixed(1)}%`);

describe('medium-term review in the workspace (Chromium)', () => {
  let server: TestServer;
  let planner: TestBrowser;
  let reviewer: TestBrowser;
  let measures: string[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    const doc = await seedEvaluationPlan(server.ctx.database.db);
    await recordSampleActuals(server.ctx, doc);
    await completeSampleRound(server.ctx, { fiscalYear: 2024 });
    await server.addUser(PLANNER[0], 'planning-editor', PLANNER[1], 'DEPT-PLANNING');
    await server.addUser(REVIEWER[0], 'reviewer', REVIEWER[1]);
    [planner, reviewer] = await Promise.all([openBrowser('review-planner'), openBrowser('review-reviewer')]);
  });
  afterAll(async () => {
    await Promise.all([planner?.close(), reviewer?.close()]);
    await server?.close();
  });

  it('shows the review’s figures per measure as the review computes them', async () => {
    const { page } = planner;
    await signIn(page, `${server.url}/staff/reviews/1`, ...PLANNER);
    const review = await produceMediumTermReview(server.ctx, 1);
    if (!review.ok) throw new Error(JSON.stringify(review.problems));
    measures = review.value.measures.map((m) => m.measureCode);
    expect(measures.length).toBeGreaterThan(2);
    expect(await page.locator('#review-summary tbody tr').count()).toBe(measures.length);
    for (const m of review.value.measures) {
      const section = page.locator(`[id="m-${m.measureCode}"]`);
      const cells = await section.locator('table.review-years tbody td.num').allTextContents();
      expect(cells).toEqual(m.years.map((y) => pct(y.meanAchievement)));
      const ratings = await section.locator('table.review-years tbody tr td:first-of-type').allTextContents();
      expect(ratings).toEqual(m.years.map((y) => y.overallRating ?? '—'));
    }
    // Years without a round are named.
    expect(await page.locator('#review-warnings li').count()).toBe(review.value.missingYears.length);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/staff/reviews/1?lang=en`);
    await waitHydrated(page);
    expect(await axeViolations(page)).toEqual([]);
    await planner.shot('01-review-figures-en');
    await page.goto(`${server.url}/staff/reviews/1?lang=ja`);
    await waitHydrated(page);
    await planner.shot('01-review-figures');
  });

  it('records conclusions with the version read; a colleague saving first is a conflict', async () => {
    const { page } = planner;
    const [a, b] = measures as [string, string];
    const form = (code: string) => page.locator(`[id="m-${code}"] form.review-conclusion`);
    await form(a).getByLabel('見直し').check();
    await form(a).getByLabel('評価（所見）').fill('（サンプル）成果指標を見直して継続する');
    await form(a).getByRole('button', { name: 'この結論を保存する' }).click();
    await page.waitForFunction(() =>
      document.querySelector('#review-save-status')?.textContent?.includes('版 1'),
    );
    expect(await page.locator('#review-summary .review-proposal').first().textContent()).toBe('見直し');
    const plan = (await findCurrentPlan(server.ctx.database.db))!;
    expect((await findReview(server.ctx.database.db, plan.id, 1))?.version).toBe(1);

    // A colleague saves first (version 2); this page still holds version 1.
    const other = await saveReviewConclusions(server.ctx, {
      phase: 1,
      expectedVersion: 1,
      actor: { id: 'user:colleague', role: 'planning-division' },
      conclusions: [{ measureCode: a, proposal: 'revise', assessment: '（サンプル）同僚の所見' }],
    });
    expect(other.ok).toBe(true);
    await form(b).getByLabel('終了').check();
    await form(b).getByLabel('評価（所見）').fill('（サンプル）目的を達成した');
    await form(b).getByRole('button', { name: 'この結論を保存する' }).click();
    await page.waitForFunction(() =>
      document.querySelector('#review-save-status')?.textContent?.includes('他の人が先に'),
    );
    expect(await form(b).getByLabel('評価（所見）').inputValue()).toBe('（サンプル）目的を達成した');
    const stored = await findReview(server.ctx.database.db, plan.id, 1);
    expect(stored?.version).toBe(2);
    expect(((stored?.conclusions ?? []) as { measureCode: string }[]).map((c) => c.measureCode)).toEqual([a]);
    await planner.shot('02-conflict');

    // Reloaded: the colleague's conclusion shows; the end of b is saved at version 3.
    await page.goto(`${server.url}/staff/reviews/1`);
    await waitHydrated(page);
    expect(await form(a).getByLabel('評価（所見）').inputValue()).toBe('（サンプル）同僚の所見');
    await form(b).getByLabel('終了').check();
    await form(b).getByLabel('評価（所見）').fill('（サンプル）目的を達成した');
    await form(b).getByRole('button', { name: 'この結論を保存する' }).click();
    await page.waitForFunction(() =>
      document.querySelector('#review-save-status')?.textContent?.includes('版 3'),
    );
    const trail = await listAudit(server.ctx.database.db, { entityType: 'evaluation_review' });
    expect(trail.map((x) => x.action)).toEqual([
      'evaluation.review.conclusions',
      'evaluation.review.conclusions',
      'evaluation.review.conclusions',
    ]);
  });

  it('turns the next phase’s draft into a draft plan version that the plan editor opens', async () => {
    const { page } = planner;
    const [a, b] = measures as [string, string];
    const before = (await findCurrentPlan(server.ctx.database.db))!;
    await Promise.all([page.waitForURL('**/staff/plan'), page.locator('#draft-plan').click()]);
    await waitHydrated(page);
    const after = (await findCurrentPlan(server.ctx.database.db))!;
    expect(after.version).toBe(before.version + 1);
    expect(after.status).toBe('draft');
    const next = (after.document as PlanDocument).measures.filter((m) => m.phase === 2);
    expect(next.map((m) => m.derivedFrom)).toEqual(measures.filter((m) => m !== b));
    // The editor is on the new draft version, with the carried measures in it.
    const body = await page.locator('main').textContent();
    expect(body).toContain(`編集中の版: ${after.version}`);
    expect(body).toContain('下書き');
    expect(body).toContain(`施策 P2-${a}`);
    expect(body).not.toContain(`施策 P2-${b}`);
    await planner.shot('03-plan-editor-on-draft');
    // Back on the review: the draft is in the plan, so the button is gone.
    await page.goto(`${server.url}/staff/reviews/1`);
    await waitHydrated(page);
    expect(await page.locator('#draft-plan').count()).toBe(0);
    expect(await page.locator('#next-phase-exists').count()).toBe(1);
  });

  it('the public results page is in the site navigation and links the published round’s report', async () => {
    const { page } = reviewer;
    await page.goto(`${server.url}/`);
    await Promise.all([
      page.waitForURL('**/evaluation'),
      page
        .getByRole('navigation', { name: 'メインメニュー' })
        .getByRole('link', { name: '行政評価' })
        .click(),
    ]);
    await waitHydrated(page);
    expect(await page.locator('#ev-2024').textContent()).toContain('令和6年度');
    // Two links name the report: the HTML one (printable on A4) and the PDF one.
    const html = page.locator('section.evaluation-round a', { hasText: '行政評価結果報告書（HTML' });
    const res = await page.request.get(`${server.url}${await html.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain('行政評価結果報告書');
    // The PDF is rendered by a job after publication: its link, or the note that it is pending.
    const pdf = page.locator('section.evaluation-round a', { hasText: '行政評価結果報告書（PDF' });
    const pending = page.locator('#ev-2024 ~ ul .report-pending');
    expect((await pdf.count()) + (await pending.count())).toBe(1);
    if ((await pdf.count()) === 1) expect(await pdf.getAttribute('href')).toMatch(/format=pdf$/);
    const xlsx = page.locator('section.evaluation-round a', { hasText: 'Excel' });
    expect((await page.request.get(`${server.url}${await xlsx.getAttribute('href')}`)).status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    await reviewer.shot('05-public-evaluation');
  });

  it('publishes the review once every measure is concluded; the public page lists its report', async () => {
    const { page } = planner;
    await page.goto(`${server.url}/staff/reviews/1`);
    await waitHydrated(page);
    // Two measures are concluded so far: the button waits for the rest.
    expect(await page.locator('#publish-review').isDisabled()).toBe(true);
    const plan = (await findCurrentPlan(server.ctx.database.db))!;
    const stored = (await findReview(server.ctx.database.db, plan.id, 1))!;
    const done = new Set((stored.conclusions as { measureCode: string }[]).map((c) => c.measureCode));
    const rest = await saveReviewConclusions(server.ctx, {
      phase: 1,
      expectedVersion: stored.version,
      actor: { id: 'user:colleague', role: 'planning-division' },
      conclusions: [
        ...(stored.conclusions as never[]),
        ...measures
          .filter((m) => !done.has(m))
          .map((m) => ({
            measureCode: m,
            proposal: 'continue' as const,
            assessment: '（サンプル）継続する',
          })),
      ],
    });
    expect(rest.ok).toBe(true);
    await page.goto(`${server.url}/staff/reviews/1`);
    await waitHydrated(page);
    await page.locator('#publish-review').click();
    await page.waitForSelector('#review-published');
    expect(await page.locator('#review-published').textContent()).toContain('令和');
    // The conclusions are final: the forms are gone.
    await page.goto(`${server.url}/staff/reviews/1`);
    await waitHydrated(page);
    expect(await page.locator('form.review-conclusion').count()).toBe(0);
    expect(await page.locator('#publish-review').count()).toBe(0);
    await planner.shot('04-review-published');
    const trail = await listAudit(server.ctx.database.db, { entityType: 'evaluation_review' });
    expect(trail.at(-1)?.action).toBe('evaluation.review.publish');

    // The public evaluation page lists it; its report is the one stored at publication.
    await page.goto(`${server.url}/evaluation`);
    await waitHydrated(page);
    const link = page.locator('#review-1 a', { hasText: '見直し評価報告書' });
    const res = await page.request.get(`${server.url}${await link.getAttribute('href')}`);
    expect(res.status()).toBe(200);
    const report = await res.text();
    expect(report).toContain('見直し評価報告書');
    expect(report).toContain('（サンプル）継続する');
    const xlsx = page.locator('#review-1 a', { hasText: 'Excel' });
    expect((await page.request.get(`${server.url}${await xlsx.getAttribute('href')}`)).status()).toBe(200);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${server.url}/evaluation?lang=en`);
    await waitHydrated(page);
    expect(await axeViolations(page)).toEqual([]);
    await planner.shot('05-public-review-en');
  });

  it('a reviewer sees the figures without the forms', async () => {
    const { page } = reviewer;
    await signIn(page, `${server.url}/staff/reviews/1`, ...REVIEWER);
    expect(await page.locator('#review-summary tbody tr').count()).toBe(measures.length);
    expect(await page.locator('form.review-conclusion').count()).toBe(0);
    expect(await page.locator('#draft-plan').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await reviewer.shot('04-reviewer');
  });
});
