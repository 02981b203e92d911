/**
 * Reminders by e-mail: the accounts a reminder is for (their evaluation role,
 * and the sheet's department; an account of a reviewing role without a
 * department is told of every department's sheets, decision 0101), each with
 * an address, get one message per reminder, queued in the reminder's
 * transaction under a key naming the reminder and the account (at most once).
 */
import type { EvaluationRole } from '@mirai/core';
import { accountDb, type Database } from '@mirai/db';
import type { Transaction } from 'kysely';
import { evaluationRoleOfAccount } from '../evaluation/evaluation-actor';
import { queueMail } from '../mail/mail-queue';

export interface ReminderMail {
  /** The notification kind (names the stage, due date and day offset). */
  kind: string;
  sheetId: string;
  role: EvaluationRole;
  departmentCode?: string;
  subject: string;
  text: string;
}

/** Enabled accounts with an address that a message to `role` (and `department`) reaches. */
export async function reminderRecipients(
  tx: Transaction<Database>,
  role: EvaluationRole,
  department?: string,
): Promise<{ id: number; email: string }[]> {
  const accountRoles = Object.entries(evaluationRoleOfAccount)
    .filter(([, r]) => r === role)
    .map(([a]) => a);
  if (accountRoles.length === 0) return [];
  let q = accountDb(tx)
    .selectFrom('users')
    .select(['id', 'email'])
    .where('disabled', '=', false)
    .where('email', 'is not', null)
    .where('role', 'in', accountRoles);
  if (department !== undefined)
    q = q.where((eb) =>
      role === 'department-editor'
        ? eb('department_code', '=', department)
        : eb.or([eb('department_code', '=', department), eb('department_code', 'is', null)]),
    );
  const rows = await q.orderBy('id').execute();
  return rows.flatMap((r) => (r.email ? [{ id: r.id, email: r.email }] : []));
}

/** Queues the message of one reminder to each of its recipients; the number queued now. */
export async function queueReminderMail(tx: Transaction<Database>, m: ReminderMail): Promise<number> {
  let queued = 0;
  for (const to of await reminderRecipients(tx, m.role, m.departmentCode)) {
    const r = await queueMail(tx, {
      idempotencyKey: `${m.kind}:${m.sheetId}:user-${to.id}`,
      kind: 'evaluation.reminder',
      to: to.email,
      subject: m.subject,
      text: m.text,
    });
    if (r.ok && r.value.queued) queued++;
  }
  return queued;
}
