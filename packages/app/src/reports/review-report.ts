/**
 * The phase review report (e.g. 中期戦略 or 基本計画の見直し評価報告書): per measure of the
 * phase, its overall rating, direction and mean achievement per year, the
 * trend, the links found broken and the recorded conclusion; as HTML (and so
 * PDF) and as an A4 xlsx table. Built from `produceMediumTermReview`, the
 * same review the workspace shows.
 */
import {
  formatFiscalYear,
  formatWarekiDate,
  type LevelNames,
  levelNamesOf,
  ok,
  phaseLabel,
  type Result,
} from '@mirai/core';
import ExcelJS from 'exceljs';
import type { AppContext } from '../context';
import { produceMediumTermReview } from '../evaluation/review-use-cases';
import { loadPlan } from '../evaluation/round-context';
import { japanToday } from './annual-report-model';
import { esc, kvTable, pct, type ReportSection, reportDocument } from './report-html';

const trendLabels: Record<string, string> = {
  improving: '改善',
  declining: '悪化',
  flat: '横ばい',
  'insufficient-data': 'データ不足',
};
const proposalLabels: Record<string, string> = {
  continue: '継続',
  revise: '見直し',
  merge: '統合',
  end: '終了',
};

export interface ReviewReportModel {
  title: string;
  municipality: string;
  /** The plan the review belongs to (publication stores the review under it). */
  planId: number;
  phase: number;
  span: string;
  madeOn: string;
  review: Extract<Awaited<ReturnType<typeof produceMediumTermReview>>, { ok: true }>['value'];
  fieldNames: Map<string, string>;
  /** The plan's names for its levels (中期戦略 or 基本計画, 戦略分野 or 政策…). */
  levels: LevelNames;
  /** The phase as the plan names it (第1期 or 前期基本計画). */
  phaseName: string;
}

export async function loadReviewReport(ctx: AppContext, phase: number): Promise<Result<ReviewReportModel>> {
  const review = await produceMediumTermReview(ctx, phase);
  if (!review.ok) return review;
  const plan = await loadPlan(ctx);
  if (!plan.ok) return plan;
  const doc = plan.value.document;
  const p = review.value.phase;
  const levels = levelNamesOf(doc);
  const phaseName = phaseLabel(
    doc.phases.find((x) => x.number === phase),
    levels,
    'ja',
    phase,
  );
  return ok({
    levels,
    phaseName,
    title: `${phaseName} 見直し評価報告書`,
    municipality: doc.municipality.name.ja,
    planId: plan.value.id,
    phase,
    span: `${formatFiscalYear(p.startFiscalYear)}〜${formatFiscalYear(p.endFiscalYear)}`,
    madeOn: formatWarekiDate(japanToday()),
    review: review.value,
    fieldNames: new Map(doc.fields.map((f) => [f.code, f.name.ja])),
  });
}

export function reviewReportHtml(m: ReviewReportModel): string {
  const r = m.review;
  const summary: ReportSection = {
    id: 'summary',
    title: '1. 見直し評価の概要',
    level: 1,
    html: `<h2>1. 見直し評価の概要</h2><p>${esc(m.phaseName)}（${esc(m.span)}）の${esc(m.levels.measure.ja)} ${r.measures.length} 件について、各年度の行政評価の結果から達成度の推移を評価しました。${
      r.missingYears.length > 0
        ? `評価の回がない年度：${r.missingYears.map((y) => esc(formatFiscalYear(y))).join('、')}。`
        : ''
    }</p>
<table><thead><tr><th>${esc(m.levels.measure.ja)}</th><th>${esc(m.levels.field.ja)}</th><th>達成度の推移</th><th>次期の方向</th></tr></thead><tbody>${r.measures
      .map(
        (x) =>
          `<tr><td>${esc(x.measureCode)} ${esc(x.name)}</td><td>${esc(m.fieldNames.get(x.fieldCode) ?? x.fieldCode)}</td><td>${esc(trendLabels[x.achievementTrend] ?? x.achievementTrend)}</td><td>${x.conclusion ? esc(proposalLabels[x.conclusion.proposal] ?? x.conclusion.proposal) : '（未記入）'}</td></tr>`,
      )
      .join('')}</tbody></table>`,
  };
  const sections: ReportSection[] = [summary];
  for (const x of r.measures) {
    const years = `<table><thead><tr><th>年度</th><th>総合評価</th><th>方向性</th><th class="n">平均達成率</th></tr></thead><tbody>${x.years
      .map(
        (y) =>
          `<tr><td>${esc(formatFiscalYear(y.fiscalYear))}</td><td>${esc(y.overallRating ?? '—')}</td><td>${esc(y.direction ?? '—')}</td><td class="n">${pct(y.meanAchievement)}</td></tr>`,
      )
      .join('')}</tbody></table>`;
    sections.push({
      id: `m-${x.measureCode}`,
      title: `${x.measureCode} ${x.name}`,
      level: 2,
      html: `<h2>${esc(x.measureCode)} ${esc(x.name)}</h2>${years}${kvTable([
        [m.levels.field.ja, m.fieldNames.get(x.fieldCode) ?? x.fieldCode],
        ['達成度の推移', trendLabels[x.achievementTrend] ?? x.achievementTrend],
        ['道筋が保たれなかったつながり', x.brokenLinks.map((b) => b.linkId).join('、') || 'なし'],
        [
          '次期の方向',
          x.conclusion ? (proposalLabels[x.conclusion.proposal] ?? x.conclusion.proposal) : '（未記入）',
        ],
        ['評価', x.conclusion?.assessment],
      ])}`,
    });
  }
  return reportDocument({
    title: m.title,
    coverLines: [m.municipality, m.span, `${m.madeOn} 作成`],
    badges: [],
    sections,
  });
}

export async function reviewReportXlsx(m: ReviewReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('見直し評価');
  const years = m.review.fiscalYears;
  const head = [
    `${m.levels.measure.ja}コード`,
    `${m.levels.measure.ja}名`,
    m.levels.field.ja,
    ...years.map((y) => `${formatFiscalYear(y)} 評価`),
    '推移',
    '次期の方向',
    '評価',
  ];
  ws.mergeCells(1, 1, 1, head.length);
  ws.getCell(1, 1).value = `${m.title}（${m.span}）`;
  ws.getCell(1, 1).font = { name: 'ＭＳ Ｐゴシック', size: 14, bold: true };
  ws.addRow([]);
  ws.addRow(head);
  for (const x of m.review.measures)
    ws.addRow([
      x.measureCode,
      x.name,
      m.fieldNames.get(x.fieldCode) ?? x.fieldCode,
      ...years.map((y) => x.years.find((v) => v.fiscalYear === y)?.overallRating ?? '—'),
      trendLabels[x.achievementTrend] ?? x.achievementTrend,
      x.conclusion ? (proposalLabels[x.conclusion.proposal] ?? '') : '（未記入）',
      x.conclusion?.assessment ?? '',
    ]);
  const thin = { style: 'thin' as const };
  for (let r = 3; r <= ws.rowCount; r++)
    for (let c = 1; c <= head.length; c++) {
      const cell = ws.getCell(r, c);
      cell.border = { top: thin, left: thin, bottom: thin, right: thin };
      cell.font = { name: 'ＭＳ Ｐゴシック', size: 10, bold: r === 3 };
      cell.alignment = { vertical: 'top', wrapText: true };
    }
  ws.columns.forEach((col, i) => {
    col.width = i === 1 ? 36 : i === head.length - 1 ? 40 : 12;
  });
  const last = ws.getColumn(head.length).letter;
  ws.pageSetup = {
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printArea: `A1:${last}${ws.rowCount}`,
    printTitlesRow: '3:3',
  };
  ws.headerFooter = { oddFooter: '&C&P / &N' };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
