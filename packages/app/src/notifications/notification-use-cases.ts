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

/** The signed-in account's notifications (by its evaluation role and department), newest first. */
export async function listMyNotifications(ctx: AppContext, actor: UserActor) {
  const role = evaluationActorOf(actor)?.role;
  const rows = await listNotifications(ctx.database.db, {
    userId: actor.userId,
    roles: role ? [role] : [],
    department: actor.department,
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
 * Announces today's reminders of a round (sheets whose stage falls due in 7 or
 * 1 days) to whoever must act; meant to run once a day from a scheduler, and
 * safe to run twice (a reminder already sent for the same sheet, stage and day is skipped).
 */
export async function sendEvaluationReminders(
  ctx: AppContext,
  fiscalYear: number,
  opts: { actor: string; today?: CalendarDate },
): Promise<Result<{ sent: number; skipped: number }>> {
  const status = await getRoundStatus(ctx, fiscalYear, opts.today ? { today: opts.today } : {});
  if (!status.ok) return status;
  let sent = 0;
  let skipped = 0;
  await ctx.database.db.transaction().execute(async (tx) => {
    for (const r of status.value.reminders) {
      const kind = `evaluation.reminder.${r.stage}.${r.due}.${r.daysLeft}`;
      if (await notificationExists(tx, kind, r.sheetId)) {
        skipped++;
        continue;
      }
      const stage = roundStageLabels[r.stage];
      const when =
        r.daysLeft === 0
          ? { ja: '本日', en: 'today' }
          : { ja: `${r.daysLeft}日後`, en: `in ${r.daysLeft} day(s)` };
      await insertNotifications(tx, [
        {
          recipientRole: reminderRole[r.stage],
          ...(r.stage === 'department-entry' || r.stage === 'section-head'
            ? { recipientDepartment: r.departmentCode }
            : {}),
          kind,
          entityType: 'evaluation-sheet',
          entityId: r.sheetId,
          message: {
            ja: `評価シート「${r.code}」の${stage.ja}の期限（${r.due}）は${when.ja}です`,
            en: `Evaluation sheet ${r.code}: the ${stage.en} stage is due ${when.en} (${r.due})`,
          },
          link: `/staff/sheets/${encodeURIComponent(r.sheetId)}`,
          actor: opts.actor,
        },
      ]);
      sent++;
    }
    if (sent > 0)
      await audit(tx, {
        actor: opts.actor,
        action: 'evaluation.reminders.send',
        entityType: 'evaluation-round',
        entityId: String(fiscalYear),
        details: { sent, skipped },
      });
  });
  return ok({ sent, skipped });
}
