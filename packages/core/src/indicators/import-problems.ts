/**
 * Problems in a file of actual values being imported: each names the row and
 * column (and cell) where it was found and the text as typed.
 */
import { defineProblem } from '../errors';

export const importProblems = {
  columnMissing: defineProblem<{ column: string; accepted: string }>(
    'indicator-import/column-missing',
    'invalid',
    (p) => ({
      ja: `列「${p.column}」がありません（見出しに ${p.accepted} のいずれかが必要です）。`,
      en: `The column "${p.column}" is missing (the header needs one of ${p.accepted}).`,
    }),
  ),
  noRows: defineProblem('indicator-import/no-rows', 'invalid', () => ({
    ja: 'データ行がありません。',
    en: 'The file has no data rows.',
  })),
  unknownIndicator: defineProblem<{ code: string }>(
    'indicator-import/unknown-indicator',
    'invalid',
    ({ code }) => ({
      ja: `指標コード「${code}」は計画に定義されていません。`,
      en: `The plan has no indicator with the code "${code}".`,
    }),
  ),
  required: defineProblem<{ column: string }>('indicator-import/value-missing', 'invalid', ({ column }) => ({
    ja: `「${column}」が空です。`,
    en: `"${column}" is empty.`,
  })),
  fiscalYearUnreadable: defineProblem<{ text: string }>(
    'indicator-import/fiscal-year-unreadable',
    'invalid',
    ({ text }) => ({
      ja: `年度「${text}」を読み取れません（例: 2024, 2024年度, FY2024, 令和6年度, R6）。`,
      en: `Cannot read the fiscal year "${text}" (e.g. 2024, 2024年度, FY2024, 令和6年度, R6).`,
    }),
  ),
  fiscalYearOutsidePlan: defineProblem<{ fiscalYear: number; start: number; end: number }>(
    'indicator-import/fiscal-year-outside-plan',
    'invalid',
    (p) => ({
      ja: `${p.fiscalYear}年度は計画期間（${p.start}〜${p.end}年度）の外です。`,
      en: `FY${p.fiscalYear} is outside the plan (FY${p.start}–FY${p.end}).`,
    }),
  ),
  dateUnreadable: defineProblem<{ text: string }>(
    'indicator-import/date-unreadable',
    'invalid',
    ({ text }) => ({
      ja: `日付「${text}」を読み取れません（例: 2025-10-01, 令和7年10月1日）。`,
      en: `Cannot read the date "${text}" (e.g. 2025-10-01, 令和7年10月1日).`,
    }),
  ),
  dateOutsideFiscalYear: defineProblem<{ date: string; fiscalYear: number }>(
    'indicator-import/date-outside-fiscal-year',
    'invalid',
    (p) => ({
      ja: `日付 ${p.date} は ${p.fiscalYear}年度に含まれません。`,
      en: `The date ${p.date} is not in FY${p.fiscalYear}.`,
    }),
  ),
  notANumber: defineProblem<{ text: string }>(
    'indicator-import/value-not-a-number',
    'invalid',
    ({ text }) => ({
      ja: `値「${text}」を一つの数値として読み取れません（例: 1234, １，２３４, 6.77）。`,
      en: `The value "${text}" is not unambiguously one number (e.g. 1234, １，２３４, 6.77).`,
    }),
  ),
  outOfRange: defineProblem<{ value: number; min: string; max: string; code: string }>(
    'indicator-import/value-out-of-range',
    'invalid',
    (p) => ({
      ja: `値 ${p.value} は指標「${p.code}」の範囲（${p.min}〜${p.max}）の外です。`,
      en: `The value ${p.value} is outside the range of "${p.code}" (${p.min} to ${p.max}).`,
    }),
  ),
  unknownArea: defineProblem<{ code: string; area: string }>(
    'indicator-import/unknown-area',
    'invalid',
    (p) => ({
      ja: `指標「${p.code}」には地域「${p.area}」別の内訳がありません。`,
      en: `Indicator "${p.code}" is not broken down by the area "${p.area}".`,
    }),
  ),
  moreProblems: defineProblem<{ shown: number; total: number }>(
    'indicator-import/more-problems',
    'invalid',
    ({ shown, total }) => ({
      ja: `ほかにも問題があります（全 ${total} 件のうち最初の ${shown} 件を表示しています）。ファイルを直してからもう一度お試しください。`,
      en: `There are more problems (the first ${shown} of ${total} are shown). Please correct the file and try again.`,
    }),
  ),
  duplicateRow: defineProblem<{ firstRow: number }>(
    'indicator-import/duplicate-row',
    'invalid',
    ({ firstRow }) => ({
      ja: `${firstRow}行目と同じ指標・年度・地域の行です。`,
      en: `Same indicator, fiscal year and area as row ${firstRow}.`,
    }),
  ),
  alreadyRecorded: defineProblem<{ existing: number; value: number }>(
    'indicator-import/already-recorded',
    'conflict',
    (p) => ({
      ja: `既に実績値 ${p.existing} が登録されています（ファイルの値: ${p.value}）。修正として取り込む場合は修正を許可してください。`,
      en: `A value of ${p.existing} is already recorded (file: ${p.value}); allow corrections to import it as one.`,
    }),
  ),
  concurrentImport: defineProblem('indicator-import/concurrent-import', 'conflict', () => ({
    ja: '同じ値を別の取り込みが同時に書き込みました。この取り込みでは何も保存していません。結果を確認し、必要ならもう一度取り込んでください。',
    en: 'Another import wrote the same values at the same time; this one stored nothing. Check the values and import again if needed.',
  })),
};
