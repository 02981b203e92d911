/** Problems of the reports (行政評価結果報告書, 中間評価報告書). */
import { defineProblem } from '@mirai/core';

export const reportProblems = {
  noSheets: defineProblem<{ fiscalYear: number }>('report/no-sheets', 'not-found', (p) => ({
    ja: `${p.fiscalYear}年度の評価の回にシートがありません`,
    en: `The FY${p.fiscalYear} round has no sheets`,
  })),
  formatUnknown: defineProblem<{ format: string }>('report/format-unknown', 'invalid', (p) => ({
    ja: `報告書の形式「${p.format}」には対応していません（html, pdf, xlsx）`,
    en: `Unknown report format "${p.format}" (html, pdf, xlsx)`,
  })),
  rendererMissing: defineProblem<{ path: string }>('report/chromium-missing', 'invalid', (p) => ({
    ja: `PDF を作るための Chromium が見つかりません（${p.path}）。chromium をインストールするか MIRAI_CHROMIUM で場所を指定してください`,
    en: `Chromium, needed to make the PDF, was not found (${p.path}); install chromium or set MIRAI_CHROMIUM`,
  })),
  fileNotFound: defineProblem<{ id: string }>('report/file-not-found', 'not-found', (p) => ({
    ja: `報告書のファイル「${p.id}」は見つかりません`,
    en: `Report file "${p.id}" not found`,
  })),
  notPublished: defineProblem<{ fiscalYear: number }>('report/not-published', 'not-found', (p) => ({
    ja: `${p.fiscalYear}年度の評価結果はまだ公表されていません`,
    en: `The FY${p.fiscalYear} evaluation has not been published`,
  })),
  pdfPending: defineProblem<{ fiscalYear: number }>('report/pdf-pending', 'not-found', (p) => ({
    ja: `${p.fiscalYear}年度の行政評価結果報告書の PDF は作成中です。しばらくしてからもう一度お試しください`,
    en: `The PDF of the FY${p.fiscalYear} evaluation report is being prepared; please try again later`,
  })),
  reviewMissing: defineProblem<{ phase: number }>('report/review-missing', 'not-found', (p) => ({
    ja: `第${p.phase}期の中間評価はまだ作られていません`,
    en: `The medium-term review of phase ${p.phase} has not been produced yet`,
  })),
};
