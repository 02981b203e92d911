/** Problems only the actuals grid has (the cells' own problems are the import check's). */
import { defineProblem } from '../errors';

export const gridProblems = {
  nothingToSave: defineProblem('indicator-grid/nothing-to-save', 'invalid', () => ({
    ja: '変更したセルがありません。',
    en: 'No cell was changed.',
  })),
  sourceMissing: defineProblem('indicator-grid/source-missing', 'invalid', () => ({
    ja: '出典を入力してください（例: 令和7年 住民基本台帳）。',
    en: 'Enter the source of the values (e.g. the resident register, 2025).',
  })),
  recordedMeanwhile: defineProblem<{ code: string; fiscalYear: number; value: string; by: string }>(
    'indicator-grid/recorded-meanwhile',
    'conflict',
    (p) => ({
      ja: `指標「${p.code}」の${p.fiscalYear}年度の値は、この画面を開いた後に ${p.by} さんが登録・訂正しました（現在の値: ${p.value}）。何も保存していません。再読み込みして確かめてから入力し直してください。`,
      en: `The FY${p.fiscalYear} value of "${p.code}" was recorded or corrected by ${p.by} after this page was opened (now: ${p.value}). Nothing was saved; reload, check, and enter it again.`,
    }),
  ),
};
