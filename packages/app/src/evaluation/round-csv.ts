/**
 * CSV export of a whole round for analysis: one line per sheet with its
 * state, ratings, direction, costs and the mean outcome achievement pulled
 * from the indicators. Excel-friendly: UTF-8 with BOM (default) or CP932, CRLF.
 */
import { computeProjectCost, joinIndicatorRows, meanAchievement, ok, type Result } from '@mirai/core';
import { listSheets } from '@mirai/db';
import type { AppContext } from '../context';
import { type CsvCell, toCsv } from '../io/csv-writer';
import { encodeText } from '../io/decode-text';
import { loadEvaluationFigures } from './evaluation-figures';
import { loadRound } from './round-context';

export async function exportRoundCsv(
  ctx: AppContext,
  req: { fiscalYear: number; encoding?: 'utf-8-bom' | 'cp932' },
): Promise<Result<{ text: string; bytes: Buffer; rows: number }>> {
  const loaded = await loadRound(ctx, req.fiscalYear);
  if (!loaded.ok) return loaded;
  const { plan, round } = loaded.value;
  const sheets = await listSheets(ctx.database.db, round.id);
  const { figures } = await loadEvaluationFigures(ctx, plan.id, plan.document.indicators, round.fiscalYear);
  const ratingKeys = [
    ...new Set([...round.templates.project.ratings, ...round.templates.measure.ratings].map((r) => r.key)),
  ];
  const header = [
    'round_id',
    'fiscal_year',
    'kind',
    'code',
    'name',
    'department_code',
    'measure_code',
    'state',
    'version',
    ...ratingKeys.map((k) => `rating_${k}`),
    'overall_rating',
    'direction',
    'project_cost',
    'staff_cost',
    'total_cost',
    'unit_cost',
    'mean_outcome_achievement',
    'issues',
    'improvements',
  ];
  const lines: CsvCell[][] = [header];
  for (const s of sheets) {
    const c = s.content;
    const cost = c.kind === 'project' ? computeProjectCost(c.cost) : null;
    const rows = joinIndicatorRows(c.indicators, figures, round.fiscalYear);
    const mean = rows.ok ? meanAchievement(rows.value.filter((r) => r.role === 'outcome')) : null;
    const values = [
      round.id,
      round.fiscalYear,
      s.kind,
      s.code,
      c.name,
      s.departmentCode,
      c.measureCode,
      s.state,
      s.version,
      ...ratingKeys.map((k) => c.ratings[k] ?? ''),
      c.overallRating ?? '',
      c.direction ?? '',
      cost?.ok ? cost.value.projectCost : '',
      cost?.ok ? cost.value.staffCost : '',
      cost?.ok ? cost.value.totalCost : '',
      cost?.ok ? (cost.value.unitCost ?? '') : '',
      mean === null ? '' : Math.round(mean * 10000) / 10000,
      c.issues ?? '',
      c.improvements ?? '',
    ];
    lines.push(values);
  }
  const text = toCsv(lines);
  return ok({ text, bytes: encodeText(text, req.encoding ?? 'utf-8-bom'), rows: sheets.length });
}
