/**
 * Imports run one at a time per municipality (decision 0098): their jobs are
 * serial and share this group key, the municipality of the current plan.
 */
import { findCurrentPlan } from '@mirai/db';
import type { AppContext } from '../context';

export async function importGroupKey(ctx: AppContext): Promise<string> {
  const plan = await findCurrentPlan(ctx.database.db);
  return `imports:${plan?.document.municipality.code ?? '-'}`;
}
