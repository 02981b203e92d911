/**
 * In-app notifications: evaluation workflow events are announced to the roles
 * the core names (the next reviewer, or the department), in the same
 * transaction as the event; each account reads its own list and marks items read.
 */
import {
  defineProblem,
  fail,
  formatFiscalYear,
  type Notification,
  ok,
  type Result,
  type SheetAction,
  sheetStateLabels,
} from '@mirai/core';
import {
  type Database,
  insertNotifications,
  listNotifications,
  markNotificationRead,
  type NewNotification,
} from '@mirai/db';
import type { Transaction } from 'kysely';
import type { UserActor } from '../auth/actor';
import type { AppContext } from '../context';
import { evaluationActorOf } from '../evaluation/evaluation-actor';

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
    link: `/staff/evaluation/sheets/${sheet.id}`,
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
      link: r.link,
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
