/**
 * Open datasets of place, brand and sectoral plans: the areas by layer (school
 * districts with their district shares), indicator values by area with the
 * roll-up rule, the brand assets' links to fields, measures and indicators,
 * and the published sectoral plans with their alignment findings.
 */
import { describeFinding, layerNames, listAreas, ok } from '@mirai/core';
import { listActualVersions } from '@mirai/db';
import { readAreaBoundaries } from '../areas/area-boundaries';
import { readPlan } from '../plan/plan-use-cases';
import { checkSectoralPlans, getSectoralPlans } from '../sectoral/sectoral-plan-use-cases';
import { col, type DatasetCell, defineDataset, newest } from './dataset-definition';
import { planSource } from './plan-datasets';

export const areasDataset = defineDataset({
  id: 'areas',
  title: {
    ja: '地域（広域圏・市・地区・小学校区）',
    en: 'Areas (region, city, districts, school districts)',
  },
  description: {
    ja: '計画の地域の層。各行は一つの地域で、層と上位の地域のコードを持ちます。小学校区は含まれる地区と割合を持ちます（例 D-A:0.8;D-B:0.2）。境界データがあれば出典とライセンスも示します。',
    en: 'The plan’s layers of area, one row each with its layer and parent code; school districts carry the districts they lie in with shares (e.g. D-A:0.8;D-B:0.2). Where boundaries are stored, their source and licence.',
  },
  keywords: ['地域', '地区', 'areas'],
  read: async (ctx) => {
    const plan = await readPlan(ctx);
    if (!plan.ok) return plan;
    const doc = plan.value.document;
    const bounds = await readAreaBoundaries(ctx);
    const b = bounds.ok ? bounds.value : null;
    const outlined = new Set(b?.features.map((f) => f.area) ?? []);
    const rows: DatasetCell[][] = listAreas(doc.areas).map((a) => [
      a.code,
      a.layer,
      layerNames[a.layer].ja,
      a.name.ja,
      a.name.en ?? null,
      a.parent,
      a.shares.map((s) => `${s.area}:${s.share}`).join(';') || null,
      b && outlined.has(a.code) ? `${b.source}（${b.licence}${b.sample ? '、サンプル' : ''}）` : null,
      a.sample,
    ]);
    return ok({
      columns: [
        col('area_code', '地域コード', 'Area code', 'code'),
        col('layer', '層', 'Layer', 'code'),
        col('layer_name', '層の名称', 'Layer name'),
        col('name_ja', '名称', 'Name (Japanese)'),
        col('name_en', '名称（英語）', 'Name (English)'),
        col('parent_code', '上位の地域コード', 'Parent code', 'code'),
        col('district_shares', '含まれる地区と割合', 'Districts and shares', 'code'),
        col('boundaries', '境界データ（出典・ライセンス）', 'Boundaries (source, licence)'),
        col('sample', 'サンプル', 'Sample'),
      ],
      rows,
      modified: newest([plan.value.versionCreatedAt, b?.createdAt]),
      source: planSource(doc),
      sample: rows.some((r) => r[8] === true) || b?.sample === true,
    });
  },
});

export const areaValuesDataset = defineDataset({
  id: 'area-values',
  title: { ja: '指標の地域別の値', en: 'Indicator values by area' },
  description: {
    ja: '地域別に記録された指標の値（年度ごとの最新の値）と、その指標の地区の値を市全体にまとめる方法（合計・人口で重み付けした平均・まとめない）。',
    en: 'Indicator values recorded by area (the current value per fiscal year), with how the indicator’s district values make the city’s (sum, population-weighted mean, or none).',
  },
  keywords: ['地区', '指標', 'areas'],
  read: async (ctx) => {
    const plan = await readPlan(ctx);
    if (!plan.ok) return plan;
    const doc = plan.value.document;
    const defs = new Map(doc.indicators.filter((i) => (i.areas ?? []).length > 0).map((i) => [i.code, i]));
    const names = new Map(doc.areas.map((a) => [a.code, a.name]));
    const versions = defs.size
      ? await listActualVersions(ctx.database.db, plan.value.id, {
          indicatorCodes: [...defs.keys()],
          current: true,
        })
      : [];
    const current = versions.filter((v) => v.area && defs.has(v.indicatorCode));
    const rows: (DatasetCell | Date)[][] = current
      .sort(
        (a, b) =>
          a.indicatorCode.localeCompare(b.indicatorCode) ||
          a.fiscalYear - b.fiscalYear ||
          (a.area ?? '').localeCompare(b.area ?? ''),
      )
      .map((v) => {
        const d = defs.get(v.indicatorCode);
        return [
          v.indicatorCode,
          d?.name.ja ?? '',
          v.area ?? '',
          names.get(v.area ?? '')?.ja ?? '',
          v.fiscalYear,
          v.value,
          d?.unit.ja ?? '',
          d?.areaAggregation ?? 'none',
          v.source,
          d?.sample === true,
        ];
      });
    return ok({
      columns: [
        col('indicator_code', '指標コード', 'Indicator code', 'code'),
        col('indicator_name', '指標名', 'Indicator name'),
        col('area_code', '地域コード', 'Area code', 'code'),
        col('area_name', '地域名', 'Area name'),
        col('fiscal_year', '年度', 'Fiscal year', 'number'),
        col('value', '値', 'Value', 'number'),
        col('unit', '単位', 'Unit'),
        col('area_aggregation', '市全体へのまとめ方', 'Roll-up to the city', 'code'),
        col('source', '出典', 'Source'),
        col('sample', 'サンプル', 'Sample'),
      ],
      rows,
      modified: newest(current.map((v) => v.enteredAt)),
      source: planSource(doc),
      sample: rows.some((r) => r[9] === true),
    });
  },
});

export const brandLinksDataset = defineDataset({
  id: 'brand-links',
  title: { ja: 'ブランド資産と計画の要素', en: 'Brand assets and the plan elements linked to them' },
  description: {
    ja: 'ブランド資産ごとに、それを強める分野・施策と、それを示す指標。各行は資産と一つの要素の組です。',
    en: 'For each brand asset, the fields and measures that strengthen it and the indicators that show it; one row per asset and element.',
  },
  keywords: ['ブランド', 'brand'],
  read: async (ctx) => {
    const plan = await readPlan(ctx);
    if (!plan.ok) return plan;
    const doc = plan.value.document;
    const named = new Map<string, { ja: string; en?: string }>([
      ...doc.fields.map((x) => [x.code, x.name] as const),
      ...doc.measures.map((x) => [x.code, x.name] as const),
      ...doc.indicators.map((x) => [x.code, x.name] as const),
    ]);
    const rows: DatasetCell[][] = [];
    for (const a of doc.brand?.assets ?? [])
      for (const [kind, codes] of [
        ['field', a.fields],
        ['measure', a.measures],
        ['indicator', a.indicators],
      ] as const)
        for (const c of codes ?? [])
          rows.push([a.code ?? null, a.ja, a.en ?? null, kind, c, named.get(c)?.ja ?? '']);
    return ok({
      columns: [
        col('asset_code', '資産コード', 'Asset code', 'code'),
        col('asset_ja', 'ブランド資産', 'Brand asset (Japanese)'),
        col('asset_en', 'ブランド資産（英語）', 'Brand asset (English)'),
        col('link_kind', '要素の種類', 'Element kind', 'code'),
        col('link_code', '要素のコード', 'Element code', 'code'),
        col('link_name', '要素の名称', 'Element name'),
      ],
      rows,
      modified: plan.value.versionCreatedAt,
      source: planSource(doc),
    });
  },
});

export const sectoralPlansDataset = defineDataset({
  id: 'sectoral-plans',
  title: { ja: '個別計画と総合計画との整合', en: 'Sectoral plans and their alignment' },
  description: {
    ja: '公開している個別計画（名称・担当・計画期間・根拠法令・計画書・関係する分野と施策）と、総合計画との整合の点検で見つかった食い違い。',
    en: 'The published sectoral plans (name, department, period, legal basis, document, the fields and measures they serve) and what the alignment check with the comprehensive plan finds.',
  },
  keywords: ['個別計画', 'sectoral plans'],
  read: async (ctx) => {
    const check = await checkSectoralPlans(ctx);
    if (!check.ok) return check;
    const plan = await readPlan(ctx);
    if (!plan.ok) return plan;
    const stored = await getSectoralPlans(ctx);
    const rows: DatasetCell[][] = check.value.registered.map(({ plan: p, version }) => [
      p.code,
      p.name.ja,
      p.name.en ?? null,
      p.department,
      p.startFiscalYear,
      p.endFiscalYear,
      p.legalBasis?.ja ?? null,
      p.documentUrl ?? null,
      p.fields.join(';'),
      p.measures.join(';'),
      (check.value.plans.find((x) => x.code === p.code)?.findings ?? [])
        .map((f) => describeFinding(f).ja)
        .join(' / '),
      version,
      p.sample === true,
    ]);
    return ok({
      columns: [
        col('code', 'コード', 'Code', 'code'),
        col('name_ja', '名称', 'Name (Japanese)'),
        col('name_en', '名称（英語）', 'Name (English)'),
        col('department_code', '担当課コード', 'Department code', 'code'),
        col('start_fiscal_year', '計画期間（初年度）', 'First fiscal year', 'number'),
        col('end_fiscal_year', '計画期間（最終年度）', 'Last fiscal year', 'number'),
        col('legal_basis', '根拠法令', 'Legal basis'),
        col('document', '計画書', 'Document'),
        col('fields', '関係する分野', 'Fields', 'code'),
        col('measures', '関係する施策', 'Measures', 'code'),
        col('findings', '整合の点検で見つかった食い違い', 'Alignment findings'),
        col('version', '版', 'Version', 'number'),
        col('sample', 'サンプル', 'Sample'),
      ],
      rows,
      modified: newest(stored.map((s) => s.updatedAt)),
      source: planSource(plan.value.document),
      sample: rows.some((r) => r[12] === true),
    });
  },
});
