/** The files offered on the open-data page, served from the repository's data folder. */
import type { OpenDataFile } from '@mirai/web';

export interface OpenDataEntry extends OpenDataFile {
  /** Path inside the repository for static files; absent for generated ones. */
  path?: string;
  contentType: string;
}

export const openDataFiles: OpenDataEntry[] = [
  {
    href: '/open-data/plan.json',
    name: { ja: '総合計画（構造データ）', en: 'The comprehensive plan (structured data)' },
    format: 'JSON',
    source: '塩尻市「第六次塩尻市総合計画 しおじり未来投資戦略」',
    sample: false,
    contentType: 'application/json; charset=utf-8',
  },
  {
    href: '/open-data/plan.yaml',
    name: { ja: '総合計画（YAML）', en: 'The comprehensive plan (YAML)' },
    format: 'YAML',
    source: '塩尻市「第六次塩尻市総合計画 しおじり未来投資戦略」',
    sample: false,
    contentType: 'text/yaml; charset=utf-8',
  },
  {
    href: '/open-data/files/shiojiri_census_1980_2015_sex_age5.csv',
    path: 'data/population/shiojiri_census_1980_2015_sex_age5.csv',
    name: {
      ja: '国勢調査 男女・5歳階級別人口 1980〜2015年',
      en: 'Census by sex and 5-year age group, 1980–2015',
    },
    format: 'CSV (UTF-8)',
    source: '総務省統計局「国勢調査」（CC BY 4.0 aiseed.dev 経由）',
    sample: false,
    contentType: 'text/csv; charset=utf-8',
  },
  {
    href: '/open-data/files/shiojiri_ipss2018_projection_2015_2045_sex_age5.csv',
    path: 'data/population/shiojiri_ipss2018_projection_2015_2045_sex_age5.csv',
    name: { ja: '社人研 2018年推計 男女・5歳階級別', en: 'IPSS 2018 projection by sex and 5-year age group' },
    format: 'CSV (UTF-8)',
    source: '国立社会保障・人口問題研究所',
    sample: false,
    contentType: 'text/csv; charset=utf-8',
  },
  {
    href: '/open-data/files/shiojiri-districts-sample.csv',
    path: 'data/population/shiojiri-districts-sample.csv',
    name: { ja: '地区別人口（説明用サンプル）', en: 'District population (illustrative sample)' },
    format: 'CSV (UTF-8)',
    source: 'Mirai が作成した説明用サンプル',
    sample: true,
    contentType: 'text/csv; charset=utf-8',
  },
];
