/** What the alignment check of sectoral plans reports, and invalid sectoral plans. */
import { defineProblem } from '../errors';

export const sectoralProblems = {
  invalidPeriod: defineProblem<{ start: number; end: number }>('sectoral/invalid-period', 'invalid', (p) => ({
    ja: `計画期間が不正です（${p.start}〜${p.end}年度）`,
    en: `Invalid period (FY${p.start}–FY${p.end})`,
  })),
  unknownCode: defineProblem<{ code: string; expected: string }>('sectoral/unknown-code', 'invalid', (p) => ({
    ja: `総合計画に「${p.code}」（${p.expected}）がありません`,
    en: `The comprehensive plan has no ${p.expected} "${p.code}"`,
  })),
  duplicateCode: defineProblem<{ code: string }>('sectoral/duplicate-code', 'conflict', (p) => ({
    ja: `個別計画「${p.code}」は既に登録されています`,
    en: `Sectoral plan "${p.code}" is already registered`,
  })),
  unreadable: defineProblem<{ file: string; reason: string }>('sectoral/unreadable', 'invalid', (p) => ({
    ja: `ファイル「${p.file}」を YAML/JSON として読めません: ${p.reason}`,
    en: `Cannot read "${p.file}" as YAML/JSON: ${p.reason}`,
  })),
  notFound: defineProblem<{ code: string }>('sectoral/not-found', 'not-found', (p) => ({
    ja: `個別計画「${p.code}」が見つかりません`,
    en: `Sectoral plan "${p.code}" not found`,
  })),
  staleVersion: defineProblem<{ code: string; expected: number; actual: number }>(
    'sectoral/stale-version',
    'conflict',
    (p) => ({
      ja: `個別計画「${p.code}」は他の人が更新しました（読み込んだ版 ${p.expected}、現在 ${p.actual}）。読み込み直してください`,
      en: `Sectoral plan "${p.code}" was changed by someone else (read version ${p.expected}, now ${p.actual}); reload it`,
    }),
  ),
};
