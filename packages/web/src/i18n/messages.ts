/**
 * Interface strings in both languages. Page text comes from the plan data,
 * and the names of the plan's levels from its `levelNames` (ui/site.tsx).
 */
export const messages = {
  skip: { ja: '本文へ移動', en: 'Skip to content' },
  mainNav: { ja: 'メインメニュー', en: 'Main menu' },
  home: { ja: 'トップ', en: 'Home' },
  happiness: { ja: '市民幸福度', en: 'Happiness' },
  population: { ja: '人口', en: 'Population' },
  areas: { ja: '地域', en: 'Areas' },
  calendar: { ja: '評価の予定', en: 'Review calendar' },
  openData: { ja: 'オープンデータ', en: 'Open data' },
  evaluation: { ja: '行政評価', en: 'Evaluation' },
  accessibility: { ja: 'アクセシビリティ', en: 'Accessibility' },
  contact: { ja: 'お問い合わせ', en: 'Contact' },
  footerNav: { ja: 'サイトについて', en: 'About this site' },
  staff: { ja: '職員用', en: 'Staff' },
  langSwitch: { ja: 'English', en: '日本語' },
  langSwitchLabel: { ja: 'Switch to English', en: '日本語に切り替え' },
  breadcrumb: { ja: 'パンくずリスト', en: 'Breadcrumb' },
  baseline: { ja: '基準値', en: 'Baseline' },
  target: { ja: '目標', en: 'Target' },
  latest: { ja: '最新値', en: 'Latest' },
  status: { ja: '状況', en: 'Status' },
  source: { ja: '出典', en: 'Source' },
  indicators: { ja: '成果指標', en: 'Indicators' },
  dataTable: { ja: 'データ表', en: 'Data table' },
  year: { ja: '年', en: 'Year' },
  fiscalYear: { ja: '年度', en: 'Fiscal year' },
  value: { ja: '値', en: 'Value' },
  none: { ja: 'なし', en: 'None' },
  notFound: { ja: 'ページが見つかりません', en: 'Page not found' },
  forbidden: { ja: 'このページを開く権限がありません', en: 'You may not open this page' },
  sampleNote: {
    ja: '「サンプル」と表示したデータは説明用の例で、実際の値ではありません。',
    en: 'Data marked "Sample" are illustrative, not real figures.',
  },
  footer: {
    ja: 'Mirai — 総合計画の運用システム（オープンソース）。外部サービスを使わずに表示しています。',
    en: 'Mirai — an open-source system for running a comprehensive plan. No external services are used.',
  },
  print: { ja: '印刷', en: 'Print' },
} satisfies Record<string, { ja: string; en: string }>;

export type MessageKey = keyof typeof messages;
