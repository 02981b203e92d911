/**
 * The command table: each top-level command with its description and the module that registers it.
 * A run loads only the module of the command it was given, so `mirai calendar` never loads Excel,
 * the charts or the server; `mirai --help` loads no command module at all (decision 0083).
 */
import type { Command } from 'commander';

export type RegisterCommand = (program: Command) => void;

export interface CommandEntry {
  name: string;
  description: string;
  /** Arguments shown in the command list (`restore <file>`). */
  usage?: string;
  /** The register functions behind this name (several modules share `population` and `survey`). */
  load: () => Promise<RegisterCommand[]>;
}

export const commandTable: CommandEntry[] = [
  {
    name: 'serve',
    description: 'サーバーを起動する / start the web application and API',
    load: async () => [(await import('./serve')).registerServe],
  },
  {
    name: 'municipalities',
    description: '市区町村（ホスト名ごと） / the municipalities of this deployment',
    load: async () => [(await import('./municipalities')).registerMunicipalities],
  },
  {
    name: 'plan',
    description: '計画データ / the plan as data',
    load: async () => [(await import('./plan')).registerPlan],
  },
  {
    name: 'calendar',
    description: '見直し周期（年度ごとの評価・見直し） / the review calendar',
    load: async () => [(await import('./calendar')).registerCalendar],
  },
  {
    name: 'areas',
    description: '地域（広域圏・市・地区・小学校区） / areas by layer',
    load: async () => [(await import('./areas')).registerAreas],
  },
  {
    name: 'sectoral-plans',
    description: '個別計画の登録と整合の点検 / sectoral plans',
    load: async () => [(await import('./areas')).registerAreas],
  },
  {
    name: 'indicators',
    description: '指標と進捗 / indicators and progress',
    load: async () => [(await import('./indicators')).registerIndicators],
  },
  {
    name: 'evaluation',
    description: '行政評価の年次ラウンド / the yearly evaluation round',
    load: async () => [(await import('./evaluation')).registerEvaluation],
  },
  {
    name: 'report',
    description: '報告書の作成 / reports (html, pdf, xlsx)',
    load: async () => [(await import('./report')).registerReport],
  },
  {
    name: 'survey',
    description: '市民アンケートの推定 / design-based survey estimation',
    load: async () => [
      (await import('./survey')).registerSurvey,
      (await import('./survey-waves')).registerSurveyWaves,
    ],
  },
  {
    name: 'population',
    description: '将来人口推計 / population projection',
    load: async () => [
      (await import('./population')).registerPopulation,
      (await import('./population-scenarios')).registerPopulationScenarios,
      (await import('./population-data')).registerPopulationData,
    ],
  },
  {
    name: 'users',
    description: '利用者アカウント / user accounts',
    load: async () => [(await import('./users')).registerUsers],
  },
  {
    name: 'tokens',
    description: 'API トークン / API tokens',
    load: async () => [(await import('./tokens')).registerTokens],
  },
  {
    name: 'partners',
    description: '共創パートナー / co-creation partners',
    load: async () => [(await import('./partners')).registerPartners],
  },
  {
    name: 'workshops',
    description: 'ワークショップの記録 / workshop records',
    load: async () => [(await import('./workshops')).registerWorkshops],
  },
  {
    name: 'audit',
    description: '監査ログ / the audit trail',
    load: async () => [(await import('./audit')).registerAudit],
  },
  {
    name: 'backup',
    description:
      'データベース全体（または1市区町村）をファイルに書き出す / write the whole database (or one municipality) to a backup file',
    load: async () => [(await import('./backup')).registerBackup],
  },
  {
    name: 'restore',
    usage: '<file>',
    description:
      'バックアップでデータベース（または1市区町村）の内容を置き換える（全部か何もしないか） / replace the database (or one municipality) with a backup (all or nothing)',
    load: async () => [(await import('./backup')).registerBackup],
  },
];
