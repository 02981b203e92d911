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
import { type ChangeNotice, followedTargets, notifyFollowers } from './follow-use-cases';
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
    // A status reads only current values: the history would change no notice (decision 0152).
    existing: await listActualVersions(ctx.database.db, scope.planId, { current: true }),
    items: await planItems(ctx),
  };
}

const label = (t: IndicatorText) => ({ ja: t.ja, en: t.en ?? t.ja });

/** A value the notices speak of: stored (with its id), or about to be (an import's, named by its batch). */
export type NoticedValue = Omit<ActualVersion, 'id'> & { id?: string };

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
  return queueComposedNotices(tx, ctx, composeActualNotices(plan, stored, batch));
}

/**
 * The notices for new values, composed without the database (a long import
 * composes them before its transaction): one per indicator for a batch, else
 * one per value; each says the indicator's status before and after.
 */
export function composeActualNotices(
  plan: ActualNoticePlan,
  values: readonly NoticedValue[],
  batch?: string,
): ChangeNotice[] {
  const asOf = todayInTokyo();
  const byIndicator = new Map<string, NoticedValue[]>();
  for (const v of values) {
    const list = byIndicator.get(v.indicatorCode);
    if (list) list.push(v);
    else byIndicator.set(v.indicatorCode, [v]);
  }
  const existingOf = new Map<string, ActualVersion[]>();
  for (const v of plan.existing) {
    if (!byIndicator.has(v.indicatorCode)) continue;
    const list = existingOf.get(v.indicatorCode);
    if (list) list.push(v);
    else existingOf.set(v.indicatorCode, [v]);
  }
  const defs = new Map(plan.scope.definitions.map((d) => [d.code, d]));
  const policy = plan.scope.settings.policy;
  const notices: ChangeNotice[] = [];
  for (const [code, news] of byIndicator) {
    const def = defs.get(code);
    if (!def) continue;
    const existing = existingOf.get(code) ?? [];
    const before = evaluateIndicatorStatus(def, existing, policy, { asOf });
    const after = evaluateIndicatorStatus(
      def,
      [...existing, ...news.map((v, i) => ({ ...v, id: v.id ?? `new-${i}` }))],
      policy,
      { asOf },
    );
    const name = label(def.name);
    const measure = plan.items.get(code)?.measureCode ?? null;
    const targets: ChangeNotice['targets'] = [{ kind: 'indicator', code }];
    if (measure) targets.push({ kind: 'measure', code: measure });
    const shown = news.map((v) => `${v.fiscalYear}${v.area ? ` ${v.area}` : ''}: ${v.value}`).join(', ');
    const statusMoved = before.key !== after.key;
    const keys = batch ? [`actuals:${batch}:${code}`] : news.map((v) => `actual:${v.id}`);
    for (const changeKey of keys) {
      notices.push({
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
    }
  }
  return notices;
}

/**
 * Queues composed notices in the caller's transaction: one read finds which
 * targets have followers, and only their notices are queued (an import of
 * values of a thousand indicators is one query, not a thousand).
 */
export async function queueComposedNotices(
  tx: Transaction<Database>,
  ctx: AppContext,
  notices: readonly ChangeNotice[],
): Promise<number> {
  if (notices.length === 0) return 0;
  const followed = await followedTargets(
    tx,
    notices.flatMap((n) => n.targets),
  );
  let queued = 0;
  for (const n of notices) {
    if (n.targets.some((t) => followed.has(`${t.kind}:${t.code}`)))
      queued += await notifyFollowers(tx, ctx, n);
  }
  return queued;
}
