/**
 * The annual evaluation report (行政評価結果報告書) as data: the round's sheets
 * grouped by strategy, field and measure, each with its indicator rows joined
 * from the indicators (the same join the sheet editor shows), department
 * names, and a summary of overall ratings per strategy and field. The HTML,
 * PDF and xlsx renderings are all made from this one model, so a figure is
 * the same number in every format.
 */
import {
  type CostSummary,
  computeProjectCost,
  type EvaluationSheet,
  fail,
  formatFiscalYear,
  formatWarekiDate,
  type IndicatorFigures,
  type IndicatorRow,
  joinIndicatorRows,
  type LevelNames,
  levelNamesOf,
  type MeasureSheetContent,
  ok,
  type ProjectSheetContent,
  type Result,
  type TemplateSet,
} from '@mirai/core';
import { listSheets } from '@mirai/db';
import type { AppContext } from '../context';
import { loadEvaluationFigures } from '../evaluation/evaluation-figures';
import { loadRound } from '../evaluation/round-context';
import { reportProblems } from './report-problems';

export interface ReportSheet<C> {
  id: string;
  code: string;
  state: string;
  departmentCode: string;
  departmentName: string;
  content: C;
  indicatorRows: IndicatorRow[];
}

export interface ReportProject extends ReportSheet<ProjectSheetContent> {
  cost: CostSummary | null;
}

export interface ReportMeasure {
  code: string;
  name: string;
  sheet: ReportSheet<MeasureSheetContent> | null;
  projects: ReportProject[];
}

export interface ReportField {
  code: string;
  name: string;
  measures: ReportMeasure[];
  /** Overall rating code → number of sheets (measures and projects) with it. */
  ratings: Record<string, number>;
}

export interface ReportStrategy {
  code: string;
  name: string;
  fields: ReportField[];
  ratings: Record<string, number>;
}

export interface AnnualReportModel {
  title: string;
  municipality: string;
  planTitle: string;
  fiscalYear: number;
  /** 令和6年度. */
  fiscalYearLabel: string;
  /** 和暦 date the report was made (Japan time). */
  madeOn: string;
  roundState: string;
  /** True unless the round is published or locked: the report is a preliminary one. */
  preliminary: boolean;
  /** The plan or the templates carry sample data. */
  sample: boolean;
  templates: TemplateSet;
  /** The plan's names for its levels (基本目標, 政策, 施策, 事務事業…), used in every heading. */
  levels: LevelNames;
  strategies: ReportStrategy[];
  totals: { measures: number; projects: number; ratings: Record<string, number> };
  moneyUnit: string;
  /** Targets and actuals by year of every indicator of the plan (for the charts). */
  figures: Map<string, IndicatorFigures>;
}

/** Today's date in Japan as {year, month, day}. */
export function japanToday(now = new Date()) {
  const d = new Date(now.getTime() + 9 * 3600_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const add = (into: Record<string, number>, rating: string | undefined) => {
  const key = rating ?? '未評価';
  into[key] = (into[key] ?? 0) + 1;
};

export async function loadAnnualReport(
  ctx: AppContext,
  fiscalYear: number,
  opts: { now?: Date } = {},
): Promise<Result<AnnualReportModel>> {
  const loaded = await loadRound(ctx, fiscalYear);
  if (!loaded.ok) return loaded;
  const { plan, round } = loaded.value;
  const doc = plan.document;
  const sheets = await listSheets(ctx.database.db, round.id);
  if (sheets.length === 0)
    return fail(reportProblems.noSheets.create({ fiscalYear }, { field: 'fiscalYear' }));
  const { figures } = await loadEvaluationFigures(ctx, plan.id, doc.indicators, fiscalYear);
  const deptName = new Map(doc.departments.map((d) => [d.code, d.name.ja]));
  const base = <C>(s: EvaluationSheet): ReportSheet<C> => {
    const rows = joinIndicatorRows(s.content.indicators, figures, fiscalYear);
    return {
      id: s.id,
      code: s.code,
      state: s.state,
      departmentCode: s.departmentCode,
      departmentName: deptName.get(s.departmentCode) ?? s.departmentCode,
      content: s.content as C,
      indicatorRows: rows.ok ? rows.value : [],
    };
  };
  const measureSheets = new Map(sheets.filter((s) => s.kind === 'measure').map((s) => [s.code, s]));
  const projectSheets = sheets.filter((s) => s.kind === 'project');
  const totals = { measures: 0, projects: 0, ratings: {} as Record<string, number> };
  const strategies: ReportStrategy[] = [];
  for (const st of doc.strategies) {
    const fields: ReportField[] = [];
    for (const f of doc.fields.filter((x) => x.strategy === st.code)) {
      const ratings: Record<string, number> = {};
      const measures: ReportMeasure[] = [];
      const measureCodes = new Set([
        ...doc.measures.filter((m) => m.field === f.code).map((m) => m.code),
        ...sheets.filter((s) => s.content.fieldCode === f.code && s.kind === 'measure').map((s) => s.code),
      ]);
      for (const code of measureCodes) {
        const ms = measureSheets.get(code);
        const projects = projectSheets
          .filter((p) => (p.content as ProjectSheetContent).measureCode === code)
          .map((p) => {
            const content = p.content as ProjectSheetContent;
            const cost = computeProjectCost(content.cost);
            return { ...base<ProjectSheetContent>(p), cost: cost.ok ? cost.value : null };
          });
        if (!ms && projects.length === 0) continue;
        const name = ms?.content.name ?? doc.measures.find((m) => m.code === code)?.name.ja ?? code;
        if (ms) {
          add(ratings, ms.content.overallRating);
          totals.measures++;
        }
        for (const p of projects) {
          add(ratings, p.content.overallRating);
          totals.projects++;
        }
        measures.push({ code, name, sheet: ms ? base<MeasureSheetContent>(ms) : null, projects });
      }
      if (measures.length > 0) fields.push({ code: f.code, name: f.name.ja, measures, ratings });
    }
    const ratings: Record<string, number> = {};
    for (const f of fields)
      for (const [k, n] of Object.entries(f.ratings)) ratings[k] = (ratings[k] ?? 0) + n;
    for (const [k, n] of Object.entries(ratings)) totals.ratings[k] = (totals.ratings[k] ?? 0) + n;
    if (fields.length > 0) strategies.push({ code: st.code, name: st.name.ja, fields, ratings });
  }
  const fiscalYearLabel = formatFiscalYear(fiscalYear);
  return ok({
    title: `${fiscalYearLabel} 行政評価結果報告書`,
    municipality: doc.municipality.name.ja,
    planTitle: doc.plan.title.ja,
    fiscalYear,
    fiscalYearLabel,
    madeOn: formatWarekiDate(japanToday(opts.now)),
    roundState: round.state,
    preliminary: !['published', 'locked'].includes(round.state),
    sample: Boolean(round.templates.sample) || doc.measures.some((m) => m.sample),
    templates: round.templates,
    levels: levelNamesOf(doc),
    strategies,
    totals,
    moneyUnit: round.templates.moneyUnit === 'thousand-yen' ? '千円' : '円',
    figures,
  });
}
