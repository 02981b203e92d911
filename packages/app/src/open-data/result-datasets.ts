/**
 * Open datasets of what was measured and judged: indicator actuals (current
 * values with their sources), published evaluation results, and the published
 * survey waves' tables with small cells suppressed.
 */
import { ok } from '@mirai/core';
import { listActualVersions, listPublishedWaveMeta, newestPublishedSheetChange } from '@mirai/db';
import { loadIndicatorScope } from '../indicators/indicator-scope';
import { publishedSurveyWaveTable } from '../survey';
import { getPublishedEvaluations } from '../web-data/published-evaluations';
import { col, type DatasetCell, defineDataset, newest } from './dataset-definition';
import { planSource } from './plan-datasets';

export const indicatorActualsDataset = defineDataset({
  id: 'indicator-actuals',
  title: { ja: '成果指標の実績値', en: 'Indicators: actual values' },
  description: {
    ja: '成果指標の実績値（年度・時点・地区ごとの最新の値、信頼区間、回答数、出典）。訂正された値は訂正後の値です。',
    en: 'Actual values of the indicators (the current value per fiscal year, date and area, with interval, sample size and source); corrected values as corrected.',
  },
  keywords: ['成果指標', '実績', 'actuals'],
  read: async (ctx) => {
    const scope = await loadIndicatorScope(ctx);
    if (!scope.ok) return scope;
    const defs = new Map(scope.value.definitions.map((d) => [d.code, d]));
    // The current values only (decision 0152), not every version.
    const current = await listActualVersions(ctx.database.db, scope.value.planId, { current: true });
    const rows: (DatasetCell | Date)[][] = current
      .filter((a) => defs.has(a.indicatorCode))
      .sort(
        (a, b) =>
          a.indicatorCode.localeCompare(b.indicatorCode) ||
          a.fiscalYear - b.fiscalYear ||
          (a.date ?? '').localeCompare(b.date ?? '') ||
          (a.area ?? '').localeCompare(b.area ?? ''),
      )
      .map((a) => [
        a.indicatorCode,
        defs.get(a.indicatorCode)?.name.ja ?? '',
        a.fiscalYear,
        a.date ?? null,
        a.area ?? null,
        a.value,
        a.ci?.lower ?? null,
        a.ci?.upper ?? null,
        a.sampleSize ?? null,
        a.source,
        a.note ?? null,
        new Date(a.enteredAt),
      ]);
    return ok({
      columns: [
        col('indicator_code', '指標コード', 'Indicator code', 'code'),
        col('indicator_name', '指標名', 'Indicator name'),
        col('fiscal_year', '年度', 'Fiscal year', 'number'),
        col('date', '時点', 'Date', 'code'),
        col('area_code', '地区コード', 'Area code', 'code'),
        col('value', '実績値', 'Value', 'number'),
        col('ci_lower', '信頼区間（下限）', 'Interval lower', 'number'),
        col('ci_upper', '信頼区間（上限）', 'Interval upper', 'number'),
        col('sample_size', '回答数', 'Sample size', 'number'),
        col('source', '出典', 'Source'),
        col('note', '備考', 'Note'),
        col('recorded_at', '登録日時', 'Recorded at', 'timestamp'),
      ],
      rows,
      // The newest version is always current: a correction is entered after what it corrects.
      modified: newest(current.map((v) => v.enteredAt)),
      source: planSource(scope.value.document),
    });
  },
});

export const evaluationResultsDataset = defineDataset({
  id: 'evaluation-results',
  title: { ja: '行政評価の結果（公表分）', en: 'Evaluation results (published)' },
  description: {
    ja: '公表済みの評価シートの総合評価・今後の方向性・課題。公表前のシートは含みません。',
    en: 'Overall rating, direction and issues of the published evaluation sheets; sheets not yet published are not included.',
  },
  keywords: ['行政評価', 'evaluation'],
  read: async (ctx) => {
    const plan = await loadIndicatorScope(ctx);
    if (!plan.ok) return plan;
    const rounds = await getPublishedEvaluations(ctx);
    if (!rounds.ok) return rounds;
    const rows: DatasetCell[][] = rounds.value.flatMap((r) =>
      r.sheets.map((s) => [
        r.fiscalYear,
        s.kind,
        s.code,
        s.name,
        s.departmentCode,
        s.overallRating,
        s.direction,
        s.issues,
      ]),
    );
    return ok({
      columns: [
        col('fiscal_year', '評価対象年度', 'Fiscal year evaluated', 'number'),
        col('kind', '種別', 'Kind', 'code'),
        col('code', 'コード', 'Code', 'code'),
        col('name', '名称', 'Name'),
        col('department_code', '担当課コード', 'Department code', 'code'),
        col('overall_rating', '総合評価', 'Overall rating'),
        col('direction', '今後の方向性', 'Direction'),
        col('issues', '課題', 'Issues'),
      ],
      rows,
      modified: await newestPublishedSheetChange(ctx.database.db, plan.value.planId),
      source: planSource(plan.value.document),
    });
  },
});

export const surveyTablesDataset = defineDataset({
  id: 'survey-tables',
  title: { ja: '市民意識調査の集計表（公表分）', en: 'Citizen survey tables (published waves)' },
  description: {
    ja: '公表済みの調査回の集計（属性ごとの回答数と平均）。回答数が少ない区分は秘匿し、値を載せません。',
    en: 'Tables of the published survey waves (respondents and mean by group); groups with too few respondents are suppressed and carry no figures.',
  },
  keywords: ['市民意識調査', 'survey'],
  read: async (ctx) => {
    const scope = await loadIndicatorScope(ctx);
    if (!scope.ok) return scope;
    const waves = await listPublishedWaveMeta(ctx.database.db, scope.value.planId);
    const rows: DatasetCell[][] = [];
    for (const w of waves) {
      for (const group of w.attributes) {
        const t = await publishedSurveyWaveTable(ctx, w.code, { group });
        if (!t.ok) continue;
        rows.push([
          w.code,
          w.title,
          t.value.question,
          group,
          '（全体）',
          t.value.overall.n,
          t.value.overall.estimate,
          t.value.overall.ci[0],
          t.value.overall.ci[1],
          false,
          t.value.minCell,
        ]);
        for (const r of t.value.rows)
          rows.push([
            w.code,
            w.title,
            t.value.question,
            group,
            r.group,
            r.suppressed ? null : r.n,
            r.suppressed ? null : (r.mean ?? null),
            null,
            null,
            r.suppressed,
            t.value.minCell,
          ]);
      }
    }
    return ok({
      columns: [
        col('wave_code', '調査回コード', 'Wave code', 'code'),
        col('wave_title', '調査名', 'Survey'),
        col('question', '設問', 'Question', 'code'),
        col('group_by', '区分の属性', 'Grouped by'),
        col('group', '区分', 'Group', 'code'),
        col('respondents', '回答数', 'Respondents', 'number'),
        col('mean', '平均', 'Mean', 'number'),
        col('ci_lower', '95%信頼区間（下限）', '95% interval lower', 'number'),
        col('ci_upper', '95%信頼区間（上限）', '95% interval upper', 'number'),
        col('suppressed', '秘匿', 'Suppressed'),
        col('min_cell', '秘匿の基準（回答数）', 'Suppression threshold (respondents)', 'number'),
      ],
      rows,
      modified: newest(waves.map((w) => w.createdAt)),
      source: planSource(scope.value.document),
    });
  },
});
