/**
 * Imports run one at a time per municipality (decision 0098): their jobs are
 * serial and share this group key, the municipality of the current plan.
 */
import { findCurrentPlan } from '@mirai/db';
import { type Actor, actorLabel } from '../auth/actor';
import type { AppContext } from '../context';

export async function importGroupKey(ctx: AppContext): Promise<string> {
  const plan = await findCurrentPlan(ctx.database.db);
  return `imports:${plan?.document.municipality.code ?? '-'}`;
}

/** Enqueues an import job in the import group, as the acting account, with its upload: answers the job's id. */
export async function enqueueImport(
  ctx: AppContext,
  kind: string,
  payload: unknown,
  account: Actor,
  input: Uint8Array,
): Promise<string> {
  return ctx.jobs.enqueue(kind, payload, {
    actor: actorLabel(account),
    userId: account.kind === 'user' ? account.userId : null,
    groupKey: await importGroupKey(ctx),
    input,
  });
}
