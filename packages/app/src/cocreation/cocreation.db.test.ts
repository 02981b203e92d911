// Co-creation on a real database with a real SMTP server in-process: partner reports on linked
// and unlinked items, review, public and sheet reads, followers told once per change, residents'
// voices confirmed by e-mail and moderated without deletion.
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { UserActor } from '../auth/actor';
import { type AppContext, contextFor } from '../context';
import { openEvaluationRound, sheetIdOf } from '../evaluation/round-use-cases';
import { getEvaluationSheet } from '../evaluation/sheet-use-cases';
import { seedEvaluationPlan } from '../evaluation/testing/evaluation-fixture';
import { type SmtpSink, startSmtpSink } from '../mail/testing/smtp-sink';
import { confirmFollow, requestFollow, unfollow } from './follow-use-cases';
import { linkPartner, listPartners, seedSamplePartners } from './partner-use-cases';
import { acceptedReportsFor, getReport, reviewReport, submitReport } from './report-use-cases';
import {
  answerVoice,
  confirmResident,
  issueVoiceForm,
  listVoices,
  moderateVoice,
  submitVoice,
} from './voice-use-cases';

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
const partner = user('partner', 'partner2', ['P-SAMPLE-2']);
const planning = user('planning-editor', 'kikaku');
const anon = { kind: 'anonymous', role: 'public' } as const;
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const codes = (r: { ok: boolean; problems?: { code: string }[] }) =>
  r.ok ? [] : r.problems!.map((p) => p.code);
const tokenIn = (text: string, path: string) => {
  const m = new RegExp(`${path}\\?token=([^\\s]+)`).exec(text);
  if (!m?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return decodeURIComponent(m[1]);
};
const report = (itemCode: string, title: string) => ({
  itemCode,
  title,
  body: '市外の参加者と地域の事業者が交流した',
  activityDate: '2024-06-01',
  place: 'スナバ',
  peopleReached: 40,
  hours: 3.5,
  moneyYen: 20000,
});

describeEachDatabase('co-creation', (t) => {
  let sink: SmtpSink;
  let ctx: AppContext;
  beforeAll(async () => {
    sink = await startSmtpSink();
    await seedEvaluationPlan(t.handle.db);
    ctx = contextFor(t.handle, {
      mail: { smtpUrl: sink.url, from: 'mirai@test.example', publicUrl: 'http://mirai.test' },
    });
    await seedSamplePartners(ctx);
  });
  afterAll(async () => {
    await ctx.mail.close();
    await sink.close();
  });

  it('seeds the plan file partners as sample partners linked to their measures and projects', async () => {
    const list = await listPartners(ctx, anon);
    expect(list.ok && list.value.map((p) => [p.code, p.sample, p.contacts])).toEqual([
      ['P-SAMPLE-1', true, undefined],
      ['P-SAMPLE-2', true, undefined],
    ]);
    const p2 = list.ok ? list.value[1]! : null;
    expect(p2?.links.map((l) => [l.itemCode, l.role])).toEqual([
      ['B-6-M01', 'co-creator'],
      ['B-6-M01-P01', 'implementer'],
    ]);
    const staff = await listPartners(ctx, planning);
    expect(staff.ok && staff.value[0]?.contacts?.length).toBe(1);
  });

  it('a partner reports on a linked project and is refused on an unlinked one; files are checked by content', async () => {
    const refused = await submitReport(ctx, partner, report('A-1-M01-P01', 'ちがう事業'));
    expect(codes(refused)).toEqual(['cocreation/not-linked']);
    const disguised = await submitReport(ctx, partner, report('B-6-M01-P01', '写真'), [
      { name: 'photo.png', bytes: new TextEncoder().encode('<script>alert(1)</script>') },
    ]);
    expect(codes(disguised)).toEqual(['cocreation/file-type']);
    expect(codes(await submitReport(ctx, planning, report('B-6-M01-P01', 'staff')))).toEqual([
      'auth/forbidden',
    ]);
    const { rows } = await sql`SELECT 1 FROM partner_reports`.execute(t.handle.db);
    expect(rows).toHaveLength(0);
    const ok = await submitReport(ctx, partner, report('B-6-M01-P01', '共創ワークショップ'), [
      { name: 'photo.png', bytes: png },
    ]);
    expect(ok.ok && [ok.value.status, ok.value.measureCode, ok.value.files.map((f) => f.mediaType)]).toEqual([
      'submitted',
      'B-6-M01',
      ['image/png'],
    ]);
    // A proposal for an indicator needs a link to that indicator.
    const proposal = { ...report('B-6-M01-P01', '提案'), indicatorCode: 'B-6-M01-K01', proposedValue: 8 };
    expect(codes(await submitReport(ctx, partner, proposal))).toEqual(['cocreation/not-linked']);
    await linkPartner(
      ctx,
      { cli: 'test' },
      { partner: 'P-SAMPLE-2', item: 'B-6-M01-K01', role: 'co-creator' },
    );
    const proposed = await submitReport(ctx, partner, proposal);
    expect(proposed.ok && proposed.value.proposal).toEqual({ indicatorCode: 'B-6-M01-K01', value: 8 });
  });

  it('an accepted report shows publicly and in the sheet, a returned one does not; a follower gets one e-mail per change', async () => {
    sink.clear();
    expect(
      (await requestFollow(ctx, { email: 'Fan@Example.jp', targetKind: 'measure', targetCode: 'B-6-M01' }))
        .ok,
    ).toBe(true);
    expect(
      (await requestFollow(ctx, { email: 'fan@example.jp', targetKind: 'partner', targetCode: 'P-SAMPLE-2' }))
        .ok,
    ).toBe(true);
    await ctx.mail.idle();
    const confirmations = await sink.waitFor(2);
    for (const m of confirmations)
      expect((await confirmFollow(ctx, tokenIn(m.text, '/follow/confirm'))).ok).toBe(true);
    expect(codes(await confirmFollow(ctx, 'forged.token'))).toEqual(['cocreation/bad-token']);
    sink.clear();

    const subs = await listPartnerReports();
    const [first, second] = subs;
    expect(
      codes(await reviewReport(ctx, planning, first!.id, { decision: 'return', expectedVersion: 1 })),
    ).toEqual(['cocreation/comment-required']);
    expect(
      codes(await reviewReport(ctx, partner, first!.id, { decision: 'accept', expectedVersion: 1 })),
    ).toEqual(['auth/forbidden']);
    const accepted = await reviewReport(ctx, planning, first!.id, {
      decision: 'accept',
      comment: 'ありがとうございます',
      expectedVersion: 1,
    });
    expect(accepted.ok && accepted.value.status).toBe('accepted');
    const again = await reviewReport(ctx, planning, first!.id, { decision: 'accept', expectedVersion: 2 });
    expect(codes(again)).toEqual(['cocreation/already-reviewed']);
    const returned = await reviewReport(ctx, planning, second!.id, {
      decision: 'return',
      comment: '日付を確認してください',
      expectedVersion: 1,
    });
    expect(returned.ok && returned.value.status).toBe('returned');
    await ctx.mail.idle();
    // Following both the measure and the partner: one message for the one change.
    await sink.waitFor(1);
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.received.map((m) => [m.to, m.subject.slice(0, 4)])).toEqual([
      [['fan@example.jp'], '施策「（'],
    ]);
    const notice = sink.received[0]!;
    expect(notice.text).toContain('http://mirai.test/measures/B-6-M01');

    const shown = await acceptedReportsFor(ctx, 'B-6-M01');
    expect(shown.map((r) => r.title)).toEqual(['共創ワークショップ']);
    expect(shown[0]?.submittedBy).toBeUndefined();
    expect(codes(await getReport(ctx, anon, second!.id))).toEqual(['cocreation/report-not-found']);

    const round = await openEvaluationRound(ctx, {
      fiscalYear: 2024,
      actor: { id: 'user:kikaku', role: 'planning-division' },
      openedOn: { year: 2025, month: 6, day: 2 },
      scope: { measureCodes: ['B-6-M01'], projectCodes: ['B-6-M01-P01'] },
      entryDue: { year: 2025, month: 7, day: 31 },
    });
    if (!round.ok) throw new Error(JSON.stringify(round.problems));
    for (const [kind, code] of [
      ['measure', 'B-6-M01'],
      ['project', 'B-6-M01-P01'],
    ] as const) {
      const sheet = await getEvaluationSheet(ctx, sheetIdOf(round.value.id, kind, code));
      expect(sheet.ok && sheet.value.partnerContributions.map((r) => r.title)).toEqual([
        '共創ワークショップ',
      ]);
    }

    // One click unfollows; the next change sends nothing to that address.
    expect((await unfollow(ctx, tokenIn(notice.text, '/follow/unfollow'))).ok).toBe(true);
    sink.clear();
    const third = await submitReport(ctx, partner, report('B-6-M01', '三件目'));
    if (!third.ok) throw new Error('third report refused');
    await reviewReport(ctx, planning, third.value.id, { decision: 'accept', expectedVersion: 1 });
    await ctx.mail.idle();
    // Still following the partner (a separate follow): exactly one message again.
    await sink.waitFor(1);
    expect(sink.received).toHaveLength(1);
    expect(notice.raw).toMatch(/^List-Unsubscribe:\s+<http:\/\/mirai\.test\/follow\/unfollow\?token=/m);
  });

  async function listPartnerReports() {
    const { rows } = await sql<{ id: string }>`SELECT id::text FROM partner_reports ORDER BY id`.execute(
      t.handle.db,
    );
    return rows;
  }

  it('a resident posts after confirming the address; a hidden post shows its reason and nothing is deleted', async () => {
    sink.clear();
    const form = await issueVoiceForm(ctx, Date.now() - 10_000);
    const post = (body: string, extra: Record<string, string> = {}) =>
      submitVoice(
        ctx,
        {
          targetKind: 'measure',
          targetCode: 'B-6-M01',
          kind: 'proposal',
          body,
          email: 'taro@example.jp',
          name: '太郎',
          formToken: form,
          ...extra,
        },
        { client: '203.0.113.9' },
      );
    expect(codes(await post('spam', { website: 'http://spam.example' }))).toEqual(['voices/spam-suspected']);
    expect(
      codes(
        await submitVoice(
          ctx,
          {
            targetKind: 'measure',
            targetCode: 'B-6-M01',
            kind: 'comment',
            body: 'x',
            email: 'a@example.jp',
            formToken: await issueVoiceForm(ctx),
          },
          { client: 'c' },
        ),
      ),
    ).toEqual(['voices/too-fast']);
    const first = await post('交流拠点の開館時間を延ばしてほしい');
    expect(first.ok && first.value.status).toBe('awaiting-confirmation');
    expect(
      (await listVoices(ctx, anon, { targetCode: 'B-6-M01' })).ok &&
        (await listVoices(ctx, anon, { targetCode: 'B-6-M01' })),
    ).toMatchObject({ value: [] });
    await ctx.mail.idle();
    const [mail] = await sink.waitFor(1);
    expect((await confirmResident(ctx, tokenIn(mail!.text, '/voices/confirm'))).ok).toBe(true);
    const second = await post('二件目はすぐに表示される');
    expect(second.ok && second.value.status).toBe('visible');

    const list = await listVoices(ctx, anon, { targetKind: 'measure', targetCode: 'B-6-M01' });
    const target = list.ok ? list.value.find((v) => v.body === '二件目はすぐに表示される')! : null;
    expect(
      codes(await moderateVoice(ctx, planning, target!.id, { action: 'hide', expectedVersion: 1 })),
    ).toEqual(['cocreation/comment-required']);
    expect(
      codes(
        await moderateVoice(ctx, partner, target!.id, { action: 'hide', reason: 'x', expectedVersion: 1 }),
      ),
    ).toEqual(['auth/forbidden']);
    const hidden = await moderateVoice(ctx, planning, target!.id, {
      action: 'hide',
      reason: '個人名が含まれるため',
      expectedVersion: 1,
    });
    expect(hidden.ok).toBe(true);
    const publicView = await listVoices(ctx, anon, { targetKind: 'measure', targetCode: 'B-6-M01' });
    const shown = publicView.ok ? publicView.value.find((v) => v.id === target!.id) : undefined;
    expect(shown).toMatchObject({ status: 'hidden', body: null, hiddenReason: '個人名が含まれるため' });
    expect(shown?.email).toBeUndefined();
    const staffView = await listVoices(ctx, planning, { targetCode: 'B-6-M01' });
    expect(staffView.ok && staffView.value.find((v) => v.id === target!.id)?.originalBody).toBe(
      '二件目はすぐに表示される',
    );
    await expect(sql`DELETE FROM resident_comments`.execute(t.handle.db)).rejects.toThrow(/never deleted/);
    const { rows } = await sql`SELECT 1 FROM resident_comments`.execute(t.handle.db);
    expect(rows).toHaveLength(2);
  });

  it('staff answer a proposal and link it to a measure: the answer shows with the proposal, on both measures', async () => {
    const form = await issueVoiceForm(ctx, Date.now() - 10_000);
    const posted = await submitVoice(
      ctx,
      {
        targetKind: 'measure',
        targetCode: 'B-6-M01',
        kind: 'proposal',
        body: '市外の学生向けに空き家を短期で貸してほしい',
        email: 'taro@example.jp',
        formToken: form,
      },
      { client: '203.0.113.10' },
    );
    if (!posted.ok) throw new Error(JSON.stringify(posted.problems));
    const id = posted.value.id;
    expect(
      codes(
        await answerVoice(ctx, partner, id, { answer: 'x', linkedMeasure: 'C-7-M01', expectedVersion: 1 }),
      ),
    ).toEqual(['auth/forbidden']);
    expect(
      codes(
        await answerVoice(ctx, planning, id, {
          answer: '検討します',
          linkedMeasure: 'NO-SUCH',
          expectedVersion: 1,
        }),
      ),
    ).toEqual(['cocreation/unknown-item']);
    const answered = await answerVoice(ctx, planning, id, {
      answer: '空き家バンクと連携して検討します',
      linkedMeasure: 'C-7-M01',
      expectedVersion: 1,
    });
    expect(answered.ok && [answered.value.answer, answered.value.linkedMeasure]).toEqual([
      '空き家バンクと連携して検討します',
      'C-7-M01',
    ]);
    expect(codes(await answerVoice(ctx, planning, id, { answer: '古い版', expectedVersion: 1 }))).toEqual([
      'cocreation/stale-version',
    ]);
    for (const measure of ['B-6-M01', 'C-7-M01']) {
      const shown = await listVoices(ctx, anon, { aboutMeasure: measure });
      expect(shown.ok && shown.value.find((v) => v.id === id)).toMatchObject({
        body: '市外の学生向けに空き家を短期で貸してほしい',
        answer: '空き家バンクと連携して検討します',
        linkedMeasure: 'C-7-M01',
      });
    }
    const other = await listVoices(ctx, anon, { aboutMeasure: 'A-1-M01' });
    expect(other.ok && other.value.some((v) => v.id === id)).toBe(false);
    const { rows } = await sql<{ action: string }>`
      SELECT action FROM audit_log WHERE entity_type = 'resident-comment' AND entity_id = ${id}`.execute(
      t.handle.db,
    );
    expect(rows.map((r) => r.action)).toEqual(['voice.submit', 'voice.answer']);
  });
});
