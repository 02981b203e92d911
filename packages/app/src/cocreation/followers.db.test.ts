// Followers told of every kind of change through a real SMTP server in the test process: a new
// actual, a new status (an actual that moves the indicator's status), a published evaluation and
// an accepted report each bring exactly one e-mail to an address that follows both the measure
// and its indicator; a change nobody follows brings none.
import { describeEachDatabase } from '@mirai/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UserActor } from '../auth/actor';
import { type AppContext, contextFor } from '../context';
import { completeSampleRound } from '../evaluation/testing/complete-round';
import { seedEvaluationPlan } from '../evaluation/testing/evaluation-fixture';
import {
  correctIndicatorActual,
  importIndicatorActuals,
  recordIndicatorActual,
} from '../indicators/record-actuals';
import { type SmtpSink, startSmtpSink } from '../mail/testing/smtp-sink';
import { confirmFollow, requestFollow } from './follow-use-cases';
import { seedSamplePartners } from './partner-use-cases';
import { reviewReport, submitReport } from './report-use-cases';

const user = (role: UserActor['role'], login: string, links: string[] = []): UserActor => ({
  kind: 'user',
  via: 'session',
  userId: 1,
  login,
  role,
  department: null,
  links,
  mustChangePassword: false,
});

describeEachDatabase('followers told of every change', (t) => {
  let sink: SmtpSink;
  let ctx: AppContext;
  let recorded = '';
  beforeAll(async () => {
    sink = await startSmtpSink();
    await seedEvaluationPlan(t.handle.db);
    ctx = contextFor(t.handle, {
      mail: { smtpUrl: sink.url, from: 'mirai@test.example', publicUrl: 'http://mirai.test' },
    });
    await seedSamplePartners(ctx);
    for (const [kind, code] of [
      ['measure', 'B-6-M01'],
      ['indicator', 'B-6-M01-K01'],
    ] as const) {
      const r = await requestFollow(ctx, { email: 'fan@example.jp', targetKind: kind, targetCode: code });
      expect(r.ok).toBe(true);
    }
    await ctx.mail.idle();
    for (const m of await sink.waitFor(2)) {
      const token = /\/follow\/confirm\?token=(\S+)/.exec(m.text)?.[1] ?? '';
      expect((await confirmFollow(ctx, decodeURIComponent(token))).ok).toBe(true);
    }
  });
  afterAll(async () => {
    await ctx.mail.close();
    await sink.close();
  });

  /** Runs a change and returns the messages it brought (after a pause in which more could arrive). */
  async function mailsOf(change: () => Promise<unknown>) {
    sink.clear();
    await change();
    await ctx.mail.idle();
    await new Promise((r) => setTimeout(r, 300));
    await ctx.mail.idle();
    return sink.received.map((m) => ({ to: m.to, subject: m.subject, text: m.text }));
  }

  it('a new status: a value that moves the status brings one e-mail naming it, though the address follows both the indicator and its measure', async () => {
    const mails = await mailsOf(async () => {
      const r = await recordIndicatorActual(
        ctx,
        { indicatorCode: 'B-6-M01-K01', fiscalYear: 2025, value: 9, source: 'test' },
        { actor: 'test' },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      recorded = r.value.id;
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual(['fan@example.jp']);
    expect(mails[0]?.subject).toMatch(/の状況が「.+」になりました/);
    expect(mails[0]?.text).toMatch(/状況: .+ → .+/);
    expect(mails[0]?.text).toContain('http://mirai.test/indicators/B-6-M01-K01');
    expect(mails[0]?.text).toMatch(/配信停止 \/ Unfollow: http:\/\/mirai\.test\/follow\/unfollow\?token=/);
  });

  it('a new actual: a corrected value that leaves the status as it was brings one e-mail', async () => {
    const mails = await mailsOf(async () => {
      const r = await correctIndicatorActual(
        ctx,
        recorded,
        { value: 10, note: 'typo', source: 'test' },
        { actor: 'test' },
      );
      expect(r.ok).toBe(true);
    });
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('新しい実績値');
    expect(mails[0]?.subject).not.toContain('状況');
  });

  it('an import is one change: one e-mail for the followed indicator it changes, none for the other', async () => {
    const mails = await mailsOf(async () => {
      const r = await importIndicatorActuals(
        ctx,
        {
          file: 'k01.csv',
          headers: ['code', 'fiscal_year', 'value'],
          rows: [
            { row: 2, cells: { code: 'B-6-M01-K01', fiscal_year: '2026', value: '11' } },
            { row: 3, cells: { code: 'C-7-M01-K01', fiscal_year: '2026', value: '7' } },
          ],
        },
        { actor: 'test' },
      );
      expect(r.ok).toBe(true);
    });
    expect(mails).toHaveLength(1);
  });

  it('a value of an indicator nobody follows brings none', async () => {
    const mails = await mailsOf(async () => {
      const r = await recordIndicatorActual(
        ctx,
        { indicatorCode: 'C-7-M01-K01', fiscalYear: 2025, value: 6, source: 'test' },
        { actor: 'test' },
      );
      expect(r.ok).toBe(true);
    });
    expect(mails).toEqual([]);
  });

  it('a published evaluation: one e-mail for the measure (its own and its projects’ sheets together)', async () => {
    const mails = await mailsOf(() =>
      completeSampleRound(ctx, { measureCodes: ['B-6-M01', 'C-7-M01'], projectCodes: ['B-6-M01-P01'] }),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]?.subject).toContain('評価シートが公表されました');
    expect(mails[0]?.text).toContain('B-6-M01-P01');
    expect(mails[0]?.text).toContain('http://mirai.test/measures/B-6-M01');
  });

  it('an accepted report: one e-mail; a returned one: none', async () => {
    const partner = user('partner', 'partner2', ['P-SAMPLE-2']);
    const staff = user('planning-editor', 'kikaku');
    const submit = (title: string) =>
      submitReport(ctx, partner, {
        itemCode: 'B-6-M01-P01',
        title,
        body: '交流会',
        activityDate: '2025-05-01',
      });
    const a = await submit('受理される報告');
    const b = await submit('差し戻される報告');
    if (!a.ok || !b.ok) throw new Error('reports refused');
    const returned = await mailsOf(() =>
      reviewReport(ctx, staff, b.value.id, { decision: 'return', comment: '日付を確認', expectedVersion: 1 }),
    );
    expect(returned).toEqual([]);
    const accepted = await mailsOf(() =>
      reviewReport(ctx, staff, a.value.id, { decision: 'accept', expectedVersion: 1 }),
    );
    expect(accepted).toHaveLength(1);
    expect(accepted[0]?.text).toContain('受理される報告');
  });
});
