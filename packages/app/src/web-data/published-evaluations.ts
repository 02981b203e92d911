/**
 * The evaluation results the public may see: for each round, the sheets in
 * the `published` state with their overall rating, direction and issues.
 * Drafts and sheets still under review never leave the workspace.
 */
import { ok, type Result } from '@mirai/core';
import { listRounds } from '@mirai/db';
import type { AppContext } from '../context';
import { getEvaluationSheet, getRoundStatus } from '../evaluation';
import { readPlan } from '../plan';

export interface PublishedSheet {
  code: string;
  kind: 'project' | 'measure';
  name: string;
  departmentCode: string;
  overallRating: string | null;
  direction: string | null;
  issues: string | null;
}

export interface PublishedRound {
  fiscalYear: number;
  sheets: PublishedSheet[];
}

export async function getPublishedEvaluations(ctx: AppContext): Promise<Result<PublishedRound[]>> {
  const plan = await readPlan(ctx);
  if (!plan.ok) return plan;
  const { startFiscalYear, endFiscalYear } = plan.value.document.plan;
  const rounds: PublishedRound[] = [];
  // Only the fiscal years that have a round (one query), not every year of the plan.
  const years = (await listRounds(ctx.database.db, plan.value.id))
    .map((r) => r.fiscalYear)
    .filter((fy) => fy >= startFiscalYear - 1 && fy <= endFiscalYear);
  for (const fy of years) {
    const status = await getRoundStatus(ctx, fy);
    if (!status.ok) continue;
    const sheets: PublishedSheet[] = [];
    for (const s of status.value.sheets.filter((x) => x.state === 'published')) {
      const full = await getEvaluationSheet(ctx, s.id);
      if (!full.ok) continue;
      const c = full.value.sheet.content;
      sheets.push({
        code: s.code,
        kind: s.kind,
        name: s.name,
        departmentCode: s.departmentCode,
        overallRating: c.overallRating ?? null,
        direction: c.direction ?? null,
        issues: c.issues ?? null,
      });
    }
    if (sheets.length > 0) rounds.push({ fiscalYear: fy, sheets });
  }
  return ok(rounds);
}
