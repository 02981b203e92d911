/**
 * In-app notifications: evaluation workflow events are announced to the roles
 * the core names (the next reviewer, or the department), in the same
 * transaction as the event; each account reads its own list and marks items read.
 */
import {
  type CalendarDate,
  defineProblem,
  type EvaluationRole,
  fail,
  formatFiscalYear,
  type Notification,
  ok,
  type Result,
  type RoundStage,
  roundStageLabels,
  type SheetAction,
  sheetStateLabels,
} from '@mirai/core';
import {
  audit,
  type Database,
  insertNotifications,
  listNotifications,
  markNotificationRead,
  type NewNotification,
  notificationExists,
} from '@mirai/db';
import type { Transaction } from 'kysely';
import type { UserActor } from '../auth/actor';
import type { AppContext } from '../context';
import { evaluationActorOf } from '../evaluation/evaluation-actor';
import { getRoundStatus } from '../evaluation/round-use-cases';
import { publicUrl } from '../tenancy/public-address';
import { queueReminderMail } from './reminder-mail';

export const notificationProblems = {
  notFound: defineProblem<{ id: string }>('notification/not-found', 'not-found', ({ id }) => ({
    ja: `お知らせ ${id} は見つかりません`,
    en: `Notification ${id} not found`,
  })),
};

const actionWords: Record<SheetAction, { ja: string; en: string }> = {
  submit: { ja: '提出されました', en: 'was submitted' },
  withdraw: { ja: '取り下げられました', en: 'was withdrawn' },
  return: { ja: '差し戻されました', en: 'was returned' },
  approve: { ja: '承認されました', en: 'was approved' },
  review: { ja: '企画担当の確認が済みました', en: 'was reviewed by the planning division' },
  see: { ja: '委員会で確認されました', en: 'was seen by the committee' },
  publish: { ja: '公開されました', en: 'was published' },
};

/** The rows announcing one workflow event, written by the caller's transaction. */
export async function announceSheetEvent(
  tx: Transaction<Database>,
  n: Notification,
  sheet: { id: string; code: string; fiscalYear: number },
  to: keyof typeof sheetStateLabels,
  actor: string,
  comment?: string,
): Promise<void> {
  const word = actionWords[n.event];
  const state = sheetStateLabels[to];
  const note = comment
    ? { ja: `（コメント: ${comment}）`, en: ` (comment: ${comment})` }
    : { ja: '', en: '' };
  const rows: NewNotification[] = n.recipients.map((r) => ({
    recipientRole: r.role,
    ...(r.departmentCode ? { recipientDepartment: r.departmentCode } : {}),
    kind: `evaluation.sheet.${n.event}`,
    entityType: 'evaluation-sheet',
    entityId: sheet.id,
    message: {
      ja: `${formatFiscalYear(sheet.fiscalYear)}の評価シート「${sheet.code}」が${word.ja}（${state.ja}）${note.ja}`,
      en: `Evaluation sheet ${sheet.code} (FY${sheet.fiscalYear}) ${word.en} (${state.en})${note.en}`,
    },
    link: `/staff/sheets/${encodeURIComponent(sheet.id)}`,
    actor,
  }));
  await insertNotifications(tx, rows);
}

/**
 * The signed-in account's notifications (by its evaluation role and
 * department), newest first. An account of a reviewing role without a
 * department (e.g. a reviewer across departments) is told of every
 * department's sheets; a department editor without one of none (decision 0101).
 */
export async function listMyNotifications(ctx: AppContext, actor: UserActor) {
  const role = evaluationActorOf(actor)?.role;
  const rows = await listNotifications(ctx.database.db, {
    userId: actor.userId,
    roles: role ? [role] : [],
    department: actor.department,
    allDepartments: actor.department === null && role !== undefined && role !== 'department-editor',
  });
  return ok(
    rows.map((r) => ({
      id: String(r.id),
      kind: r.kind,
      entity: { type: r.entity_type, id: r.entity_id },
      message: { ja: r.message_ja, en: r.message_en },
      // Rows written before the sheet pages moved kept a path that no page answers.
      link: r.link?.replace('/staff/evaluation/sheets/', '/staff/sheets/') ?? null,
      actor: r.actor,
      createdAt: new Date(r.created_at).toISOString(),
      read: r.read_at !== null,
    })),
  );
}

export async function markMyNotificationRead(
  ctx: AppContext,
  actor: UserActor,
  id: string,
): Promise<Result<{ id: string }>> {
  const done = await ctx.database.db
    .transaction()
    .execute((tx) => markNotificationRead(tx, id, actor.userId));
  return done ? ok({ id }) : fail(notificationProblems.notFound.create({ id }, { field: 'id' }));
}

const reminderRole: Record<RoundStage, EvaluationRole> = {
  'department-entry': 'department-editor',
  'section-head': 'section-head',
  'planning-division': 'planning-division',
  'external-committee': 'committee',
};

/**
 * Announces today's reminders of a round (sheets whose stage falls due in N
 * days, or was due N days ago: the round's reminder days, default 7, 1, -1,
 * -7) to whoever must act, in the inbox and by e-mail to the accounts with an
 * address (configured SMTP, else held in the outbox). Run once a day by the
 * job queue or on demand (`mirai evaluation remind`); safe to run twice: a
 * reminder already sent for the same sheet, stage, due date and day offset is skipped.
 */
export async function sendEvaluationReminders(
  ctx: AppContext,
  fiscalYear: number,
  opts: { actor: string; today?: CalendarDate },
): Promise<Result<{ sent: number; skipped: number; mailed: number }>> {
  const status = await getRoundStatus(ctx, fiscalYear, opts.today ? { today: opts.today } : {});
  if (!status.ok) return status;
  let sent = 0;
  let skipped = 0;
  let mailed = 0;
  await ctx.database.db.transaction().execute(async (tx) => {
    for (const r of status.value.reminders) {
      const kind = `evaluation.reminder.${r.stage}.${r.due}.${r.daysLeft}`;
      if (await notificationExists(tx, kind, r.sheetId)) {
        skipped++;
        continue;
      }
      const stage = roundStageLabels[r.stage];
      const message =
        r.daysLeft >= 0
          ? {
              ja: `評価シート「${r.code}」の${stage.ja}の期限（${r.due}）は${r.daysLeft === 0 ? '本日' : `${r.daysLeft}日後`}です`,
              en: `Evaluation sheet ${r.code}: the ${stage.en} stage is due ${r.daysLeft === 0 ? 'today' : `in ${r.daysLeft} day(s)`} (${r.due})`,
            }
          : {
              ja: `評価シート「${r.code}」の${stage.ja}は期限（${r.due}）を${-r.daysLeft}日過ぎています`,
              en: `Evaluation sheet ${r.code}: the ${stage.en} stage is ${-r.daysLeft} day(s) past its due date (${r.due})`,
            };
      const recipient = {
        role: reminderRole[r.stage],
        ...(r.stage === 'department-entry' || r.stage === 'section-head'
          ? { departmentCode: r.departmentCode }
          : {}),
      };
      const link = `/staff/sheets/${encodeURIComponent(r.sheetId)}`;
      await insertNotifications(tx, [
        {
          recipientRole: recipient.role,
          ...(recipient.departmentCode ? { recipientDepartment: recipient.departmentCode } : {}),
          kind,
          entityType: 'evaluation-sheet',
          entityId: r.sheetId,
          message,
          link,
          actor: opts.actor,
        },
      ]);
      mailed += await queueReminderMail(tx, {
        kind,
        sheetId: r.sheetId,
        ...recipient,
        subject: `【行政評価】${message.ja}`,
        text: `${message.ja}\n${message.en}\n\n${await publicUrl(ctx, tx)}${link}\n`,
      });
      sent++;
    }
    if (sent > 0)
      await audit(tx, {
        actor: opts.actor,
        action: 'evaluation.reminders.send',
        entityType: 'evaluation-round',
        entityId: String(fiscalYear),
        details: { sent, skipped, mailed },
      });
  });
  if (mailed > 0) ctx.mail.kick();
  return ok({ sent, skipped, mailed });
}
