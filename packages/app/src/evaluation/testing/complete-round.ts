/**
 * Test and benchmark support: a whole round of the sample plan run through the
 * use cases as an administrator (open with the default scope, fill every sheet
 * with sample text, submit, approve, review, close, publish), so that reports
 * have a finished round to render. Sample data throughout.
 */
import type { Actor, MeasureSheetContent, ProjectSheetContent, Result } from '@mirai/core';
import { listSheets } from '@mirai/db';
import type { AppContext } from '../../context';
import { loadRound } from '../round-context';
import { openEvaluationRound, transitionEvaluationRound } from '../round-use-cases';
import { saveEvaluationSheet, transitionEvaluationSheet } from '../sheet-use-cases';
import { fillMeasure, fillProject } from './evaluation-fixture';

const admin: Actor = { id: 'test:fixture', role: 'admin' };

function must<T>(r: Result<T>, what: string): T {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.problems)}`);
  return r.value;
}

export async function completeSampleRound(
  ctx: AppContext,
  opts: {
    fiscalYear?: number;
    /** false: stop after the reviews (round open); 'fill': only fill the sheets (drafts). */
    publish?: boolean | 'fill';
    projectCodes?: string[];
    measureCodes?: string[];
  } = {},
): Promise<void> {
  const fiscalYear = opts.fiscalYear ?? 2024;
  must(
    await openEvaluationRound(ctx, {
      fiscalYear,
      actor: admin,
      openedOn: { year: fiscalYear + 1, month: 6, day: 2 },
      ...(opts.projectCodes || opts.measureCodes
        ? { scope: { projectCodes: opts.projectCodes ?? [], measureCodes: opts.measureCodes ?? [] } }
        : {}),
    }),
    'open',
  );
  const { round } = must(await loadRound(ctx, fiscalYear), 'round');
  let i = 0;
  for (const s of await listSheets(ctx.database.db, round.id)) {
    i++;
    const content =
      s.content.kind === 'project'
        ? fillProject(s.content as ProjectSheetContent, {
            overallRating: ['A', 'B', 'B', 'C'][i % 4],
            purpose: {
              target: `（サンプル）${s.content.name}の対象`,
              intent: '（サンプル）目指す状態',
              means: '（サンプル）事業の内容',
            },
          })
        : fillMeasure(s.content as MeasureSheetContent, { overallRating: ['A', 'B', 'S'][i % 3] });
    const saved = must(
      await saveEvaluationSheet(ctx, { sheetId: s.id, content, expectedVersion: s.version, actor: admin }),
      `save ${s.id}`,
    );
    let version = saved.version;
    if (opts.publish === 'fill') continue;
    for (const action of ['submit', 'approve', 'review'] as const) {
      const t = must(
        await transitionEvaluationSheet(ctx, {
          sheetId: s.id,
          action,
          expectedVersion: version,
          actor: admin,
        }),
        `${action} ${s.id}`,
      );
      version = t.sheet.version;
    }
  }
  if (opts.publish === false || opts.publish === 'fill') return;
  const closed = must(
    await transitionEvaluationRound(ctx, {
      fiscalYear,
      action: 'close',
      expectedVersion: round.version,
      actor: admin,
    }),
    'close',
  );
  must(
    await transitionEvaluationRound(ctx, {
      fiscalYear,
      action: 'publish',
      expectedVersion: closed.version,
      actor: admin,
    }),
    'publish',
  );
}
