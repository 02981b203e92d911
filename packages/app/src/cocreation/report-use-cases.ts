/**
 * Partner reports: a partner account reports an activity on an item its
 * organisation is linked to (with photos checked by size and real type, and
 * optionally a proposed value for a linked indicator); staff accept or return
 * it with a comment. Accepted reports show on the measure's public page and in
 * its evaluation sheet, and followers are told. Every write is audited.
 */
import { createHash } from 'node:crypto';
import {
  checkReportInput,
  checkUploadedFile,
  fail,
  ok,
  type Problem,
  photoTypes,
  type ReportInput,
  type ReportStatus,
  type Result,
  reportLimits,
  reportProblems,
} from '@mirai/core';
import { audit } from '@mirai/db';
import { sql } from 'kysely';
import { type Actor, actorLabel, type UserActor } from '../auth/actor';
import { authorize } from '../auth/authorize';
import type { AppContext } from '../context';
import { todayInTokyo } from '../indicators/indicator-scope';
import { cocreationProblems as P } from './cocreation-problems';
import { notifyFollowers } from './follow-use-cases';
import { partnersLinkedTo } from './partner-use-cases';
import { planItems } from './plan-items';

const isoToday = () => {
  const t = todayInTokyo();
  return `${t.year}-${String(t.month).padStart(2, '0')}-${String(t.day).padStart(2, '0')}`;
};

export interface UploadedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ReportView {
  id: string;
  partner: { code: string; name: { ja: string; en: string | null }; sample: boolean };
  itemCode: string;
  measureCode: string;
  title: string;
  body: string;
  activityDate: string;
  place: string | null;
  peopleReached: number | null;
  hours: number | null;
  moneyYen: number | null;
  proposal: { indicatorCode: string; value: number } | null;
  status: ReportStatus;
  reviewComment: string | null;
  reviewedAt: string | null;
  sample: boolean;
  version: number;
  createdAt: string;
  files: { id: string; name: string; mediaType: string; sizeBytes: number }[];
  /** Staff only: who submitted and who reviewed. */
  submittedBy?: string;
  reviewedBy?: string | null;
}

const reportColumns = [
  'r.id',
  'r.item_code',
  'r.measure_code',
  'r.title',
  'r.body',
  sql<string>`r.activity_date::text`.as('activity_date'),
  'r.place',
  'r.people_reached',
  'r.hours',
  'r.money_yen',
  'r.indicator_code',
  'r.proposed_value',
  'r.status',
  'r.review_comment',
  'r.reviewed_by',
  'r.reviewed_at',
  'r.submitted_by',
  'r.sample',
  'r.version',
  'r.created_at',
  'p.code as partner_code',
  'p.name_ja as partner_name_ja',
  'p.name_en as partner_name_en',
  'p.sample as partner_sample',
] as const;

function baseQuery(ctx: AppContext) {
  return ctx.database.db
    .selectFrom('partner_reports as r')
    .innerJoin('partners as p', 'p.id', 'r.partner_id')
    .select(reportColumns);
}

type ReportRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['execute']>>[number];

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

async function toViews(ctx: AppContext, rows: ReportRow[], staff: boolean): Promise<ReportView[]> {
  const ids = rows.map((r) => String(r.id));
  const files =
    ids.length === 0
      ? []
      : await ctx.database.db
          .selectFrom('partner_report_files')
          .select(['id', 'report_id', 'file_name', 'media_type', 'size_bytes'])
          .where('report_id', 'in', ids)
          .orderBy('id')
          .execute();
  return rows.map((r) => ({
    id: String(r.id),
    partner: {
      code: r.partner_code,
      name: { ja: r.partner_name_ja, en: r.partner_name_en },
      sample: r.partner_sample,
    },
    itemCode: r.item_code,
    measureCode: r.measure_code,
    title: r.title,
    body: r.body,
    activityDate: r.activity_date,
    place: r.place,
    peopleReached: num(r.people_reached),
    hours: num(r.hours),
    moneyYen: num(r.money_yen),
    proposal: r.indicator_code ? { indicatorCode: r.indicator_code, value: Number(r.proposed_value) } : null,
    status: r.status as ReportStatus,
    reviewComment: r.review_comment,
    reviewedAt: r.reviewed_at ? new Date(r.reviewed_at).toISOString() : null,
    sample: r.sample,
    version: r.version,
    createdAt: new Date(r.created_at).toISOString(),
    files: files
      .filter((f) => String(f.report_id) === String(r.id))
      .map((f) => ({
        id: String(f.id),
        name: f.file_name,
        mediaType: f.media_type,
        sizeBytes: f.size_bytes,
      })),
    ...(staff ? { submittedBy: r.submitted_by, reviewedBy: r.reviewed_by } : {}),
  }));
}

/** The partner codes of the actor's organisation linked to `itemCode` (empty: refused). */
async function linkedPartnerCodes(ctx: AppContext, actor: UserActor, itemCode: string): Promise<string[]> {
  const linked = await partnersLinkedTo(ctx.database.db, itemCode);
  return linked.filter((c) => actor.links.includes(c));
}

export async function submitReport(
  ctx: AppContext,
  actor: Actor,
  input: ReportInput,
  files: UploadedFile[] = [],
): Promise<Result<ReportView>> {
  const allowed = authorize(actor, 'cocreation:report');
  if (!allowed.ok) return allowed;
  const user = actor as UserActor;
  if (user.role !== 'partner') return fail(P.notAPartnerAccount.create({}));
  const problems: Problem[] = checkReportInput(input, isoToday());
  const item = (await planItems(ctx)).get(input.itemCode);
  if (!item || item.measureCode === null)
    return fail([...problems, P.unknownItem.create({ code: input.itemCode }, { field: 'itemCode' })]);
  const partners = await linkedPartnerCodes(ctx, user, item.code);
  // The scope check of the policy table: the item is known by its partners' codes.
  const inScope = authorize(actor, 'cocreation:report', { codes: partners });
  if (!inScope.ok || partners.length === 0)
    return fail(P.notLinked.create({ code: item.code }, { field: 'itemCode' }));
  if (input.indicatorCode !== undefined) {
    const linkedToIndicator = await linkedPartnerCodes(ctx, user, input.indicatorCode);
    if (!linkedToIndicator.includes(partners[0]!))
      problems.push(P.notLinked.create({ code: input.indicatorCode }, { field: 'indicatorCode' }));
  }
  if (files.length > reportLimits.files)
    problems.push(reportProblems.tooManyFiles.create({ max: reportLimits.files }, { field: 'files' }));
  const checked = files.map((f) => ({ f, r: checkUploadedFile(f.name, f.bytes, photoTypes) }));
  for (const c of checked) if ('problems' in c.r) problems.push(...c.r.problems);
  if (problems.length > 0) return fail(problems);
  const partnerCode = partners[0]!;
  const id = await ctx.database.db.transaction().execute(async (tx) => {
    const partner = await tx
      .selectFrom('partners')
      .select(['id', 'sample'])
      .where('code', '=', partnerCode)
      .executeTakeFirstOrThrow();
    const { id } = await tx
      .insertInto('partner_reports')
      .values({
        partner_id: partner.id,
        item_code: item.code,
        measure_code: item.measureCode!,
        title: input.title.trim(),
        body: input.body.trim(),
        activity_date: input.activityDate,
        place: input.place?.trim() || null,
        people_reached: input.peopleReached ?? null,
        hours: input.hours ?? null,
        money_yen: input.moneyYen ?? null,
        indicator_code: input.indicatorCode ?? null,
        proposed_value: input.proposedValue ?? null,
        submitted_by: actorLabel(actor),
        sample: partner.sample,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const c of checked) {
      if (!('type' in c.r)) continue;
      await tx
        .insertInto('partner_report_files')
        .values({
          report_id: String(id),
          file_name: c.f.name.replace(/[\\/\p{Cc}]/gu, '_').slice(0, 200),
          media_type: c.r.type,
          size_bytes: c.f.bytes.length,
          sha256: createHash('sha256').update(c.f.bytes).digest('hex'),
          content: c.f.bytes,
        })
        .execute();
    }
    await audit(tx, {
      actor: actorLabel(actor),
      action: 'partner-report.submit',
      entityType: 'partner-report',
      entityId: String(id),
      after: {
        ...input,
        partner: partnerCode,
        files: files.map((f) => ({ name: f.name, bytes: f.bytes.length })),
      },
    });
    return String(id);
  });
  return getReport(ctx, actor, id);
}

export async function getReport(ctx: AppContext, actor: Actor, id: string): Promise<Result<ReportView>> {
  if (!/^[1-9][0-9]{0,17}$/.test(id)) return fail(P.reportNotFound.create({ id }, { field: 'id' }));
  const row = await baseQuery(ctx).where('r.id', '=', id).executeTakeFirst();
  const staff = authorize(actor, 'cocreation:review-reports').ok;
  const own =
    actor.kind === 'user' &&
    actor.role === 'partner' &&
    row !== undefined &&
    actor.links.includes(row.partner_code);
  if (!row || (!staff && !own && row.status !== 'accepted'))
    return fail(P.reportNotFound.create({ id }, { field: 'id' }));
  return ok((await toViews(ctx, [row], staff))[0]!);
}

/** Staff: every report (by status); a partner: its organisation's reports. */
export async function listReports(
  ctx: AppContext,
  actor: Actor,
  q: { status?: ReportStatus; partner?: string; measure?: string } = {},
): Promise<Result<ReportView[]>> {
  const allowed = authorize(actor, 'cocreation:read-linked');
  if (!allowed.ok) return allowed;
  const staff = authorize(actor, 'cocreation:review-reports').ok;
  let query = baseQuery(ctx).orderBy('r.id', 'desc').limit(500);
  if (!staff) {
    const links = actor.kind === 'user' ? [...actor.links] : [];
    if (links.length === 0) return ok([]);
    query = query.where('p.code', 'in', links);
  }
  if (q.status) query = query.where('r.status', '=', q.status);
  if (q.partner) query = query.where('p.code', '=', q.partner);
  if (q.measure) query = query.where('r.measure_code', '=', q.measure);
  return ok(await toViews(ctx, await query.execute(), staff));
}

/**
 * Accepted reports on a measure and its projects and indicators (public), or
 * on one project (`{ project }`): the evaluation sheet's "contributions by partners".
 */
export async function acceptedReportsFor(
  ctx: AppContext,
  measureCode: string,
  fiscalYear?: number,
  opts: { project?: string } = {},
): Promise<ReportView[]> {
  let query = baseQuery(ctx).where('r.status', '=', 'accepted');
  query = opts.project
    ? query.where('r.item_code', '=', opts.project)
    : query.where('r.measure_code', '=', measureCode);
  if (fiscalYear !== undefined)
    query = query
      .where('r.activity_date', '>=', `${fiscalYear}-04-01`)
      .where('r.activity_date', '<=', `${fiscalYear + 1}-03-31`);
  return toViews(
    ctx,
    await query.orderBy('r.activity_date', 'desc').orderBy('r.id', 'desc').execute(),
    false,
  );
}

/** Every accepted report, oldest first (public: the open dataset). */
export async function allAcceptedReports(ctx: AppContext): Promise<ReportView[]> {
  const rows = await baseQuery(ctx)
    .where('r.status', '=', 'accepted')
    .orderBy('r.activity_date')
    .orderBy('r.id')
    .execute();
  return toViews(ctx, rows, false);
}

/** A partner's accepted reports, newest first (public: its page). */
export async function acceptedReportsBy(ctx: AppContext, partnerCode: string): Promise<ReportView[]> {
  const rows = await baseQuery(ctx)
    .where('r.status', '=', 'accepted')
    .where('p.code', '=', partnerCode)
    .orderBy('r.activity_date', 'desc')
    .orderBy('r.id', 'desc')
    .limit(200)
    .execute();
  return toViews(ctx, rows, false);
}

/** Accept or return a submitted report, with a comment (required to return); followers are told of an acceptance. */
export async function reviewReport(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: { decision: 'accept' | 'return'; comment?: string; expectedVersion: number },
): Promise<Result<ReportView>> {
  const allowed = authorize(actor, 'cocreation:review-reports');
  if (!allowed.ok) return allowed;
  const comment = input.comment?.trim() ?? '';
  if (input.decision === 'return' && comment === '')
    return fail(P.commentRequired.create({}, { field: 'comment' }));
  const row = await baseQuery(ctx).where('r.id', '=', id).executeTakeFirst();
  if (!row) return fail(P.reportNotFound.create({ id }, { field: 'id' }));
  if (row.status !== 'submitted') return fail(P.alreadyReviewed.create({ id, status: row.status }));
  const status = input.decision === 'accept' ? 'accepted' : 'returned';
  // Read before the transaction: on the embedded database a read outside it would wait for it.
  const measure = (await planItems(ctx)).get(row.measure_code);
  const problem = await ctx.database.db.transaction().execute(async (tx) => {
    const updated = await tx
      .updateTable('partner_reports')
      .set({
        status,
        review_comment: comment || null,
        reviewed_by: actorLabel(actor),
        reviewed_at: new Date(),
        version: sql<number>`version + 1`,
      })
      .where('id', '=', id)
      .where('version', '=', input.expectedVersion)
      .where('status', '=', 'submitted')
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1)
      return P.staleVersion.create({ expected: input.expectedVersion, actual: row.version });
    await audit(tx, {
      actor: actorLabel(actor),
      action: `partner-report.${input.decision}`,
      entityType: 'partner-report',
      entityId: id,
      before: { status: row.status, version: row.version },
      after: { status, comment, version: row.version + 1 },
    });
    if (status === 'accepted') {
      const targets: { kind: 'measure' | 'indicator' | 'partner'; code: string }[] = [
        { kind: 'measure', code: row.measure_code },
        { kind: 'partner', code: row.partner_code },
      ];
      if (row.indicator_code) targets.push({ kind: 'indicator', code: row.indicator_code });
      await notifyFollowers(tx, ctx, {
        changeKey: `report-accepted:${id}`,
        kind: 'report',
        targets,
        subject: {
          ja: `施策「${measure?.name.ja ?? row.measure_code}」にパートナーの活動報告が加わりました`,
          en: `A partner's activity report was added to a measure (${row.measure_code})`,
        },
        text: {
          ja: `${row.partner_name_ja}の報告「${row.title}」（${row.activity_date}）が受理されました。`,
          en: `The report "${row.title}" (${row.activity_date}) by ${row.partner_name_en ?? row.partner_name_ja} was accepted.`,
        },
        path: `/measures/${row.measure_code}`,
      });
    }
    return null;
  });
  if (problem) return fail(problem);
  ctx.mail.kick();
  return getReport(ctx, actor, id);
}

/** A report's file: public when the report is accepted; to its partner and staff otherwise. */
export async function reportFile(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  fileId: string,
): Promise<Result<{ name: string; mediaType: string; bytes: Uint8Array }>> {
  const report = await getReport(ctx, actor, reportId);
  if (!report.ok) return report;
  if (!/^[1-9][0-9]{0,17}$/.test(fileId)) return fail(P.reportNotFound.create({ id: reportId }));
  const f = await ctx.database.db
    .selectFrom('partner_report_files')
    .select(['file_name', 'media_type', 'content'])
    .where('id', '=', fileId)
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  if (!f) return fail(P.reportNotFound.create({ id: reportId }));
  return ok({ name: f.file_name, mediaType: f.media_type, bytes: f.content });
}
