/**
 * Queueing a message: called inside the transaction of the event that causes
 * it, so the message exists exactly when the event committed. The idempotency
 * key names the change and the recipient (`follow:<follower>:<change>`); a
 * second queueing under the same key changes nothing.
 */
import { fail, ok, type Problem, type Result } from '@mirai/core';
import { type Database, enqueueMail, type NewMail } from '@mirai/db';
import type { Kysely, Transaction } from 'kysely';
import { isMailAddress, mailProblems } from './mail-config';

// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
const controls = /[\u0000-\u001f\u007f]/;

export function checkMail(m: NewMail): Problem[] {
  const problems: Problem[] = [];
  if (!isMailAddress(m.to)) problems.push(mailProblems.badAddress.create({ address: m.to }, { field: 'to' }));
  if (controls.test(m.subject))
    problems.push(mailProblems.badHeader.create({ field: 'subject' }, { field: 'subject' }));
  for (const [name, value] of Object.entries(m.headers ?? {})) {
    if (controls.test(name) || controls.test(value) || !/^[A-Za-z0-9-]+$/.test(name)) {
      problems.push(mailProblems.badHeader.create({ field: name }, { field: `headers.${name}` }));
    }
  }
  return problems;
}

/**
 * Queues `m` in the caller's transaction. `queued` is false when a message with
 * the same key was queued before. After the transaction commits, call
 * `ctx.mail.kick()` to deliver without waiting for the next sweep.
 */
export async function queueMail(
  tx: Transaction<Database> | Kysely<Database>,
  m: NewMail,
): Promise<Result<{ queued: boolean }>> {
  const problems = checkMail(m);
  if (problems.length > 0) return fail(problems);
  return ok({ queued: await enqueueMail(tx, m) });
}
