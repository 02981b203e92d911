/**
 * Open datasets of the statistics the plan rests on: each statistical table
 * stored for the plan's municipality (census, projections, the plan's series,
 * district tables, the plan's happiness table) as its own dataset, and the
 * population projections and scenarios the site shows, year by year.
 */
import { ok } from '@mirai/core';
import type { StoredDataset } from '@mirai/db';
import { readMunicipalityData } from '../datasets/dataset-use-cases';
import { readPlan } from '../plan/plan-use-cases';
import { getPopulationView } from '../web-data/population-view';
import {
  bilingual,
  type ColumnType,
  col,
  type DatasetCell,
  type DatasetColumn,
  type DatasetDefinition,
  defineDataset,
  defineDatasetFamily,
  type Licence,
  newest,
} from './dataset-definition';

/** Japanese headers of the stored tables' columns (others keep their name). */
const columnNames: Record<string, [string, string]> = {
  municipality_code: ['市区町村コード', 'Municipality code'],
  area_code: ['地域コード', 'Area code'],
  district_code: ['地区コード', 'District code'],
  district: ['地区', 'District'],
  area_name: ['地域名', 'Area name'],
  area_kind: ['地域の種類', 'Area kind'],
  status: ['区分', 'Status'],
  sample: ['サンプル', 'Sample'],
  year: ['年', 'Year'],
  sex: ['性別', 'Sex'],
  age_group: ['年齢階級', 'Age group'],
  population: ['人口', 'Population'],
  total: ['総数', 'Total'],
  age_0_14: ['0〜14歳', 'Aged 0–14'],
  age_15_64: ['15〜64歳', 'Aged 15–64'],
  age_65_plus: ['65歳以上', 'Aged 65 and over'],
  series: ['系列', 'Series'],
  name_ja: ['名称', 'Name'],
  kind: ['種別', 'Kind'],
  source: ['出典', 'Source'],
  group: ['区分', 'Group'],
  mean: ['平均', 'Mean'],
};

const numeric = /^-?\d+(\.\d+)?$/;

function columnOf(name: string, values: readonly string[]): DatasetColumn {
  const [ja, en] = columnNames[name] ?? (/^\d+$/.test(name) ? [`${name}点`, `Score ${name}`] : [name, name]);
  const type: ColumnType = /(^|_)code$|^sex$|^age_group$|^series$/.test(name)
    ? 'code'
    : values.every((v) => v === '' || numeric.test(v))
      ? 'number'
      : 'text';
  return col(name.replace(/[^a-z0-9_]/gi, '_').replace(/^(\d)/, 'v$1'), ja, en, type);
}

const licenceOf = (meta: Record<string, unknown>): Licence | undefined => {
  const l = meta.licence ?? meta.license;
  if (!l || typeof l !== 'object') return undefined;
  const o = l as { id?: string; title?: { ja: string; en?: string } | string; url?: string };
  return o.id && o.url ? { id: o.id, title: bilingual(o.title ?? o.id), url: o.url } : undefined;
};

const safeId = (code: string) => code.toLowerCase().replace(/[^a-z0-9-]+/g, '-');

function statisticalDataset(d: StoredDataset): DatasetDefinition {
  const title = bilingual(d.title);
  return defineDataset({
    id: `statistics-${safeId(d.code)}`,
    title,
    description: d.note ? { ja: `${title.ja}。${d.note}`, en: `${title.en}. ${d.note}` } : title,
    keywords: ['統計', 'statistics', d.kind],
    read: async () => {
      const columns = d.columns.map((c, i) =>
        columnOf(
          c,
          d.rows.map((r) => r[i] ?? ''),
        ),
      );
      const licence = licenceOf(d.meta);
      return ok({
        columns,
        rows: d.rows.map((r) =>
          columns.map((c, i): DatasetCell => {
            const v = r[i] ?? '';
            if (v === '') return null;
            return c.type === 'number' ? Number(v) : v;
          }),
        ),
        modified: d.createdAt,
        source: bilingual(d.source),
        sample: d.sample,
        ...(licence ? { licence } : {}),
      });
    },
  });
}

export const statisticalDatasets = defineDatasetFamily({
  family: 'statistics',
  expand: async (ctx) => {
    const data = await readMunicipalityData(ctx);
    return data.ok ? ok(data.value.datasets.map(statisticalDataset)) : data;
  },
});

export const populationProjectionsDataset = defineDataset({
  id: 'population-projections',
  title: { ja: '将来人口の推計とシナリオ', en: 'Population projections and scenarios' },
  description: {
    ja: '人口のページに示す系列（国勢調査、社人研推計、計画の基準推計と目標、条件を変えた試算、内閣府の標準パターン）の年ごとの総人口。各行に出典と推計方法を記します。',
    en: 'Total population by year of each series on the population page (census, IPSS projections, the plan’s baseline and target, scenarios with one condition changed, the Cabinet Office patterns), each with its source and method.',
  },
  keywords: ['人口', '将来推計', 'population'],
  read: async (ctx) => {
    const view = await getPopulationView(ctx);
    if (!view.ok) return view;
    const plan = await readPlan(ctx);
    if (!plan.ok) return plan;
    const data = await readMunicipalityData(ctx);
    const rows: DatasetCell[][] = [];
    for (const s of view.value.series)
      view.value.compareYears.forEach((year, i) => {
        const v = s.values[i];
        if (v === null || v === undefined) return;
        rows.push([
          s.key,
          s.name.ja,
          s.name.en,
          s.kind,
          year,
          v,
          s.basis.ja,
          s.basis.en,
          s.source,
          s.note ?? null,
          s.approximate,
          s.sample,
        ]);
      });
    return ok({
      columns: [
        col('series', '系列コード', 'Series code', 'code'),
        col('name_ja', '系列名', 'Series name (Japanese)'),
        col('name_en', '系列名（英語）', 'Series name (English)'),
        col('kind', '種別', 'Kind', 'code'),
        col('year', '年', 'Year', 'number'),
        col('total', '総人口', 'Total population', 'number'),
        col('basis_ja', '基準と推計方法', 'Base and method (Japanese)'),
        col('basis_en', '基準と推計方法（英語）', 'Base and method (English)'),
        col('source', '出典', 'Source'),
        col('note', '備考', 'Note'),
        col('approximate', '概算', 'Approximate'),
        col('sample', 'サンプル', 'Sample'),
      ],
      rows,
      modified: newest([
        plan.value.versionCreatedAt,
        ...(data.ok ? data.value.datasets.map((d) => d.createdAt) : []),
      ]),
      source: bilingual(
        view.value.series
          .map((s) => s.source)
          .filter((x, i, a) => a.indexOf(x) === i)
          .join('／'),
      ),
      sample: rows.some((r) => r[11] === true),
    });
  },
});
