/** Open datasets of the published plan: its structure, and its indicators with baselines and targets. */
import { levelNamesOf, ok } from '@mirai/core';
import { readPlan } from '../plan/plan-use-cases';
import { bilingual, col, type DatasetCell, defineDataset } from './dataset-definition';

const planSource = (doc: {
  municipality: { name: { ja: string; en?: string } };
  plan: { title: { ja: string; en?: string } };
}) => ({
  ja: `${doc.municipality.name.ja}「${doc.plan.title.ja}」`,
  en: `${doc.municipality.name.en ?? doc.municipality.name.ja}, ${doc.plan.title.en ?? doc.plan.title.ja}`,
});

export const planStructureDataset = defineDataset({
  id: 'plan-structure',
  title: { ja: '総合計画の体系', en: 'Structure of the comprehensive plan' },
  description: {
    ja: '公表している計画の体系（戦略・分野・施策・事業）。各行は一つの要素で、上位の要素のコードを持ちます。',
    en: 'The published plan’s structure (strategies, fields, measures, projects); each row names its parent’s code.',
  },
  keywords: ['総合計画', 'plan'],
  read: async (ctx) => {
    const plan = await readPlan(ctx);
    if (!plan.ok) return plan;
    const doc = plan.value.document;
    const names = levelNamesOf(doc);
    const rows: DatasetCell[][] = [];
    const push = (
      level: keyof typeof names,
      code: string,
      parent: string | null,
      name: { ja: string; en?: string },
      extra: { department?: string; fiscalYear?: number; sample?: boolean } = {},
    ) =>
      rows.push([
        level,
        names[level].ja,
        code,
        parent,
        name.ja,
        name.en ?? null,
        extra.department ?? null,
        extra.fiscalYear ?? null,
        extra.sample ?? false,
      ]);
    for (const s of doc.strategies) {
      push('strategy', s.code, null, s.name);
      for (const f of doc.fields.filter((x) => x.strategy === s.code)) {
        push('field', f.code, s.code, f.name);
        for (const m of doc.measures.filter((x) => x.field === f.code)) {
          push('measure', m.code, f.code, m.name, { sample: m.sample ?? false });
          for (const ip of doc.implementationPlans)
            for (const p of ip.projects.filter((x) => x.measure === m.code))
              push('project', p.code, m.code, p.name, {
                department: p.department,
                fiscalYear: ip.fiscalYear,
                sample: p.sample ?? false,
              });
        }
      }
    }
    return ok({
      columns: [
        col('level', '階層', 'Level', 'code'),
        col('level_name', '階層名', 'Level name'),
        col('code', 'コード', 'Code', 'code'),
        col('parent_code', '上位のコード', 'Parent code', 'code'),
        col('name_ja', '名称', 'Name (Japanese)'),
        col('name_en', '名称（英語）', 'Name (English)'),
        col('department_code', '担当課コード', 'Department code', 'code'),
        col('fiscal_year', '年度', 'Fiscal year', 'number'),
        col('sample', 'サンプル', 'Sample'),
      ],
      rows,
      modified: plan.value.versionCreatedAt,
      source: planSource(doc),
      sample: rows.some((r) => r[8] === true),
    });
  },
});

export const indicatorTargetsDataset = defineDataset({
  id: 'indicator-targets',
  title: { ja: '成果指標の基準値と目標値', en: 'Indicators: baselines and targets' },
  description: {
    ja: '計画の成果指標ごとの単位・基準値（時点と出典）と年度ごとの目標値。',
    en: 'Each indicator of the plan with its unit, baseline (as of, source) and the target of each fiscal year.',
  },
  keywords: ['成果指標', 'KPI', 'indicators'],
  read: async (ctx) => {
    const plan = await readPlan(ctx);
    if (!plan.ok) return plan;
    const doc = plan.value.document;
    const rows: DatasetCell[][] = [];
    for (const i of doc.indicators) {
      const targets = [...i.targets];
      if (i.finalTarget && !targets.some((t) => t.fiscalYear === i.finalTarget?.fiscalYear))
        targets.push(i.finalTarget);
      const base = i.baseline;
      const line = (t: { fiscalYear: number; value: number } | null): DatasetCell[] => [
        i.code,
        i.name.ja,
        i.name.en ?? null,
        bilingual(i.unit).ja,
        i.direction,
        i.serves,
        base?.value ?? null,
        base?.asOf ?? null,
        base ? bilingual(base.source).ja : null,
        t?.fiscalYear ?? null,
        t?.value ?? null,
        i.sample ?? false,
      ];
      if (targets.length === 0) rows.push(line(null));
      for (const t of targets.sort((a, b) => a.fiscalYear - b.fiscalYear)) rows.push(line(t));
    }
    return ok({
      columns: [
        col('indicator_code', '指標コード', 'Indicator code', 'code'),
        col('name_ja', '指標名', 'Indicator name (Japanese)'),
        col('name_en', '指標名（英語）', 'Indicator name (English)'),
        col('unit', '単位', 'Unit'),
        col('direction', '望ましい方向', 'Desired direction', 'code'),
        col('serves', '対象（計画のコード）', 'Serves (plan code)', 'code'),
        col('baseline_value', '基準値', 'Baseline value', 'number'),
        col('baseline_as_of', '基準値の時点', 'Baseline as of', 'code'),
        col('baseline_source', '基準値の出典', 'Baseline source'),
        col('target_fiscal_year', '目標年度', 'Target fiscal year', 'number'),
        col('target_value', '目標値', 'Target value', 'number'),
        col('sample', 'サンプル', 'Sample'),
      ],
      rows,
      modified: plan.value.versionCreatedAt,
      source: planSource(doc),
      sample: rows.some((r) => r[11] === true),
    });
  },
});

export { planSource };
