/**
 * Followers told of new actual values: one notice per stored value (one per
 * indicator for a file import), to the followers of the indicator and of the
 * measure it belongs to. A value that moves the indicator's status (e.g. from
 * "behind" to "on track") is the same change: its one notice says the new
 * status (decision 0118). Everything is read before the write's transaction
 * (the embedded database has one connection); the notices are queued in it.
 */
import { type ActualVersion, evaluateIndicatorStatus, type IndicatorText } from '@mirai/core';
import { type Database, listActualVersions } from '@mirai/db';
import type { Transaction } from 'kysely';
import type { AppContext } from '../context';
import { type IndicatorScope, todayInTokyo } from '../indicators/indicator-scope';
import { notifyFollowers } from './follow-use-cases';
import { planItems } from './plan-items';

export interface ActualNoticePlan {
  scope: IndicatorScope;
  existing: ActualVersion[];
  items: Awaited<ReturnType<typeof planItems>>;
}

/** Reads what the notices need (before the transaction). */
export async function prepareActualNotices(
  ctx: AppContext,
  scope: IndicatorScope,
): Promise<ActualNoticePlan> {
  return {
    scope,
    existing: await listActualVersions(ctx.database.db, scope.planId),
    items: await planItems(ctx),
  };
}

const label = (t: IndicatorText) => ({ ja: t.ja, en: t.en ?? t.ja });

/**
 * Queues the notices for values just stored (in the caller's transaction).
 * `changeKey` names the change once: the value's id, or the import batch.
 */
export async function queueActualNotices(
  tx: Transaction<Database>,
  ctx: AppContext,
  plan: ActualNoticePlan,
  stored: ActualVersion[],
  batch?: string,
): Promise<number> {
  const asOf = todayInTokyo();
  const byIndicator = new Map<string, ActualVersion[]>();
  for (const v of stored) byIndicator.set(v.indicatorCode, [...(byIndicator.get(v.indicatorCode) ?? []), v]);
  let queued = 0;
  for (const [code, values] of byIndicator) {
    const def = plan.scope.definitions.find((d) => d.code === code);
    if (!def) continue;
    const policy = plan.scope.settings.policy;
    const before = evaluateIndicatorStatus(def, plan.existing, policy, { asOf });
    const after = evaluateIndicatorStatus(def, [...plan.existing, ...values], policy, { asOf });
    const name = label(def.name);
    const measure = plan.items.get(code)?.measureCode ?? null;
    const targets: { kind: 'indicator' | 'measure'; code: string }[] = [{ kind: 'indicator', code }];
    if (measure) targets.push({ kind: 'measure', code: measure });
    const shown = values.map((v) => `${v.fiscalYear}${v.area ? ` ${v.area}` : ''}: ${v.value}`).join(', ');
    const statusMoved = before.key !== after.key;
    const keys = batch ? [`actuals:${batch}:${code}`] : values.map((v) => `actual:${v.id}`);
    for (const changeKey of keys) {
      queued += await notifyFollowers(tx, ctx, {
        changeKey,
        kind: statusMoved ? 'status' : 'actual',
        targets,
        subject: statusMoved
          ? {
              ja: `指標「${name.ja}」の状況が「${label(after.label).ja}」になりました`,
              en: `The indicator "${name.en}" is now "${label(after.label).en}"`,
            }
          : { ja: `指標「${name.ja}」に新しい実績値`, en: `A new actual value for "${name.en}"` },
        text: {
          ja: `指標「${name.ja}」の実績値が記録されました（${shown}）。${statusMoved ? `状況: ${label(before.label).ja} → ${label(after.label).ja}` : `状況: ${label(after.label).ja}`}`,
          en: `An actual value of "${name.en}" was recorded (${shown}). ${statusMoved ? `Status: ${label(before.label).en} → ${label(after.label).en}` : `Status: ${label(after.label).en}`}`,
        },
        path: `/indicators/${encodeURIComponent(code)}`,
      });
      if (batch) break;
    }
  }
  return queued;
}
