// The public annual report PDF (decision 0103): rendered once by the background job the
// publication queues, served to anonymous readers only once the round is published and only the
// publication's file; never a PDF a staff member rendered (here, of the round before publishing).
// Sample plan and sample sheets (completeSampleRound).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  type AppContext,
  completeSampleRound,
  contextFor,
  loadRound,
  publicationActor,
  reportJobKind,
  resumePublicationRenders,
  seedEvaluationPlan,
  startReportRender,
  transitionEvaluationRound,
  type UserActor,
} from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildServer } from './start-server';

const dir = mkdtempSync(join(tmpdir(), 'mirai-public-pdf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const planner: UserActor = {
  kind: 'user',
  via: 'session',
  userId: 1,
  login: 'planner',
  role: 'admin',
  department: null,
  links: [],
  mustChangePassword: false,
};
const admin = { id: 'test:publisher', role: 'admin' as const };
const pdfPath = '/api/v1/evaluation/2024/report?format=pdf';

describeEachDatabase('public annual report PDF', (t) => {
  let ctx: AppContext;
  let app: ReturnType<typeof buildServer>;
  beforeAll(async () => {
    await seedEvaluationPlan(t.handle.db);
    ctx = contextFor(t.handle);
    app = buildServer(ctx);
    // Every sheet reviewed; the round is not closed or published yet.
    await completeSampleRound(ctx, { fiscalYear: 2024, publish: false });
    await ctx.jobs.start();
  }, 180_000);
  afterAll(async () => {
    await ctx.jobs.stop();
  });

  const problemCode = async (res: Response) =>
    (await res.json()) as { code?: string; problems?: { code: string }[] };

  it('is not served before publication, not even a PDF staff rendered of the round', async () => {
    const round = await loadRound(ctx, 2024);
    if (!round.ok) throw new Error('no round');
    const closed = await transitionEvaluationRound(ctx, {
      fiscalYear: 2024,
      action: 'close',
      expectedVersion: round.value.round.version,
      actor: admin,
    });
    if (!closed.ok) throw new Error(JSON.stringify(closed.problems));
    const started = await startReportRender(ctx, planner, { report: 'annual', subject: 2024, format: 'pdf' });
    if (!started.ok) throw new Error(JSON.stringify(started.problems));
    const staffJob = await ctx.jobs.waitFor(started.value.jobId, { timeoutMs: 170_000 });
    expect(staffJob.status).toBe('succeeded');
    const res = await app.request(pdfPath);
    expect(res.status).toBe(404);
    expect(JSON.stringify(await problemCode(res))).toContain('report/not-published');
    const page = await (await app.request('/evaluation')).text();
    expect(page).not.toContain('format=pdf');
  }, 180_000);

  it('is queued at publication, served to anonymous readers once rendered, as application/pdf', async () => {
    const round = await loadRound(ctx, 2024);
    if (!round.ok) throw new Error('no round');
    // The queue is stopped while publishing, so that the publication's render can be made to fail.
    await ctx.jobs.stop();
    const published = await transitionEvaluationRound(ctx, {
      fiscalYear: 2024,
      action: 'publish',
      expectedVersion: round.value.round.version,
      actor: admin,
    });
    if (!published.ok) throw new Error(JSON.stringify(published.problems));
    // The staff PDF exists and the round is published, but the publication's render has not
    // stored its file yet (Chromium takes seconds): not served, the page says it is being made.
    const early = await app.request(pdfPath);
    expect(early.status).toBe(404);
    expect(JSON.stringify(await problemCode(early))).toContain('report/pdf-pending');
    const pending = await (await app.request('/evaluation')).text();
    expect(pending).toContain('PDF は作成中です');
    // /open-data lists the same reports, with the same state of the PDF.
    expect(await (await app.request('/open-data')).text()).toContain('PDF は作成中です');
    expect(pending).not.toContain('format=pdf');

    const publicationJobs = () =>
      t.handle.db
        .selectFrom('jobs')
        .select(['id', 'status'])
        .where('kind', '=', reportJobKind)
        .where('actor', '=', publicationActor)
        .orderBy('created_at')
        .execute();
    const jobs = await publicationJobs();
    expect(jobs).toHaveLength(1);
    // While it is queued, nothing is queued again.
    expect(await resumePublicationRenders(ctx)).toEqual([]);
    // The render fails (as if Chromium crashed): the server's start queues it again, once.
    await t.handle.db.updateTable('jobs').set({ status: 'failed' }).where('id', '=', jobs[0]!.id).execute();
    expect(await resumePublicationRenders(ctx)).toEqual([2024]);
    expect(await resumePublicationRenders(ctx)).toEqual([]);
    const again = await publicationJobs();
    expect(again.map((j) => j.status)).toEqual(['failed', 'queued']);
    await ctx.jobs.start();
    const done = await ctx.jobs.waitFor(again[1]!.id, { timeoutMs: 170_000 });
    expect(done.status).toBe('succeeded');
    // Once stored, nothing is queued again.
    expect(await resumePublicationRenders(ctx)).toEqual([]);

    const res = await app.request(pdfPath);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const disposition = res.headers.get('content-disposition') ?? '';
    expect(disposition).toContain('filename="annual-report-2024.pdf"');
    const star = /filename\*=UTF-8''([^;]+)/.exec(disposition)?.[1];
    expect(star && decodeURIComponent(star)).toBe('行政評価結果報告書_令和6年度.pdf');
    const file = join(dir, `${t.dialect}.pdf`);
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    expect(text.split('\f')[0]).toContain('令和6年度 行政評価結果報告書');
    const page = await (await app.request('/evaluation')).text();
    expect(page).toContain('/api/v1/evaluation/2024/report?format=pdf');
    expect(page).not.toContain('PDF は作成中です');
    const openData = await (await app.request('/open-data')).text();
    expect(openData).toContain('/api/v1/evaluation/2024/report?format=pdf');
    expect(openData).not.toContain('PDF は作成中です');
    // Another fiscal year (no round) answers 404, not someone else's file.
    expect((await app.request('/api/v1/evaluation/2023/report?format=pdf')).status).toBe(404);
  }, 180_000);
});
