/**
 * What an item is, for scope checks by id: an indicator (by code) and an
 * actual value (by id) belong to the indicator's owning department. Returns
 * undefined when the item does not exist (the use case then answers 404).
 */
import { findActualVersion, findCurrentPlan } from '@mirai/db';
import type { AppContext } from '../context';
import type { ScopedItem } from './authorize';

async function ownerOf(ctx: AppContext, indicatorCode: string): Promise<ScopedItem | undefined> {
  const plan = await findCurrentPlan(ctx.database.db);
  const defs = (plan?.document as { indicators?: { code: string; ownerDepartment?: string }[] } | undefined)
    ?.indicators;
  const def = defs?.find((d) => d.code === indicatorCode);
  return def ? { department: def.ownerDepartment ?? null, codes: [def.code] } : undefined;
}

export function indicatorItem(ctx: AppContext, code: string): Promise<ScopedItem | undefined> {
  return ownerOf(ctx, code);
}

export async function actualItem(ctx: AppContext, id: string): Promise<ScopedItem | undefined> {
  const plan = await findCurrentPlan(ctx.database.db);
  if (!plan) return undefined;
  const version = await findActualVersion(ctx.database.db, plan.id, id);
  return version ? ownerOf(ctx, version.indicatorCode) : undefined;
}
