/**
 * Followers told of published evaluation sheets: when a round is published,
 * one notice per measure (its own sheet and its projects' sheets together),
 * to the followers of that measure, queued in the publishing transaction.
 */
import type { Database } from '@mirai/db';
import type { Transaction } from 'kysely';
import type { AppContext } from '../context';
import { notifyFollowers } from './follow-use-cases';
import type { PlanItem } from './plan-items';

export async function queueSheetNotices(
  tx: Transaction<Database>,
  ctx: AppContext,
  items: Map<string, PlanItem>,
  round: { id: string; fiscalYear: number },
  sheets: { kind: 'measure' | 'project'; code: string }[],
): Promise<number> {
  const byMeasure = new Map<string, string[]>();
  for (const s of sheets) {
    const measure = items.get(s.code)?.measureCode ?? (s.kind === 'measure' ? s.code : null);
    if (measure) byMeasure.set(measure, [...(byMeasure.get(measure) ?? []), s.code]);
  }
  const fy = round.fiscalYear;
  let queued = 0;
  for (const [measure, codes] of byMeasure) {
    const item = items.get(measure);
    const name = { ja: item?.name.ja ?? measure, en: item?.name.en ?? item?.name.ja ?? measure };
    queued += await notifyFollowers(tx, ctx, {
      changeKey: `sheets-published:${round.id}:${measure}`,
      kind: 'sheet',
      targets: [{ kind: 'measure', code: measure }],
      subject: {
        ja: `施策「${name.ja}」の${fy}年度の評価シートが公表されました`,
        en: `The ${fy} evaluation of the measure "${name.en}" was published`,
      },
      text: {
        ja: `${fy}年度の評価で、施策「${name.ja}」の評価シート（${codes.join('、')}）が公表されました。`,
        en: `The evaluation sheets (${codes.join(', ')}) of the measure "${name.en}" for fiscal year ${fy} were published.`,
      },
      path: `/measures/${encodeURIComponent(measure)}`,
    });
  }
  return queued;
}
