/**
 * Reminders run for every open round of the current plan: on demand
 * (`mirai evaluation remind` without --fy) and once a day as a background job
 * (`evaluation.reminders`), enqueued by the server when the Tokyo date turns
 * (and once at start). Each reminder goes out at most once (decision 0101).
 */
import { type CalendarDate, ok, type Result } from '@mirai/core';
import { listMunicipalities, listRounds, withMunicipality } from '@mirai/db';
import type { AppContext } from '../context';
import { loadPlan } from '../evaluation/round-context';
import { todayInTokyo } from '../indicators/indicator-scope';
import type { JobKind } from '../jobs/job-queue';
import { sendEvaluationReminders } from './notification-use-cases';

export const reminderJobKind = 'evaluation.reminders';

export async function sendAllEvaluationReminders(
  ctx: AppContext,
  opts: { actor: string; today?: CalendarDate },
): Promise<Result<{ rounds: number; sent: number; skipped: number; mailed: number }>> {
  const plan = await loadPlan(ctx);
  if (!plan.ok) return plan;
  const total = { rounds: 0, sent: 0, skipped: 0, mailed: 0 };
  for (const round of await listRounds(ctx.database.db, plan.value.id)) {
    if (round.state !== 'open') continue;
    const r = await sendEvaluationReminders(ctx, round.fiscalYear, opts);
    if (!r.ok) return r;
    total.rounds++;
    total.sent += r.value.sent;
    total.skipped += r.value.skipped;
    total.mailed += r.value.mailed;
  }
  return ok(total);
}

export function reminderJob(ctx: AppContext): JobKind<{ actor: string }, unknown> {
  return {
    kind: reminderJobKind,
    serial: true,
    handler: async (p) => sendAllEvaluationReminders(ctx, { actor: p.actor }),
  };
}

/**
 * Enqueues the reminder job a minute after start and again whenever the Tokyo
 * date has changed (checked every `checkEveryMs`). Returns the function that stops it.
 */
export function scheduleDailyReminders(
  ctx: AppContext,
  checkEveryMs = 10 * 60_000,
  firstAfterMs = 60_000,
): () => void {
  let last = '';
  const tick = () => {
    const t = todayInTokyo();
    const day = `${t.year}-${t.month}-${t.day}`;
    if (day === last) return;
    last = day;
    // One job per municipality, each enqueued (and so run) bound to it (decision 0135).
    void listMunicipalities(ctx.database.db)
      .then((all) =>
        Promise.all(
          all.map((m) =>
            withMunicipality(m.code, () =>
              ctx.jobs.enqueue(
                reminderJobKind,
                { actor: 'scheduler' },
                { actor: 'scheduler', userId: null, groupKey: `reminders:${m.code}` },
              ),
            ),
          ),
        ),
      )
      .catch(() => {
        last = '';
      });
  };
  const first = setTimeout(tick, firstAfterMs);
  const timer = setInterval(tick, checkEveryMs);
  first.unref?.();
  timer.unref?.();
  return () => {
    clearTimeout(first);
    clearInterval(timer);
  };
}
