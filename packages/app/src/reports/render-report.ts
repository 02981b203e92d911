/**
 * One entry point for the reports in every format: loads the model once and
 * renders it as HTML, PDF (Chromium) or xlsx (exceljs), with progress for a
 * background job. The file name carries the fiscal year or phase.
 */
import { fail, ok, type Result } from '@mirai/core';
import type { AppContext } from '../context';
import { annualReportHtml } from './annual-report-html';
import { loadAnnualReport } from './annual-report-model';
import { annualReportXlsx } from './annual-report-xlsx';
import { renderPdf } from './report-pdf';
import { reportProblems } from './report-problems';
import {
  loadReviewReport,
  type ReviewReportModel,
  reviewReportHtml,
  reviewReportXlsx,
} from './review-report';

export const reportFormats = ['html', 'pdf', 'xlsx'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export interface RenderedReport {
  fileName: string;
  contentType: string;
  body: Buffer;
}

const contentTypes: Record<ReportFormat, string> = {
  html: 'text/html; charset=utf-8',
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function isReportFormat(f: string): f is ReportFormat {
  return (reportFormats as readonly string[]).includes(f);
}

export async function renderAnnualReport(
  ctx: AppContext,
  req: { fiscalYear: number; format: string; onProgress?: (share: number) => void; now?: Date },
): Promise<Result<RenderedReport>> {
  const format = req.format;
  if (!isReportFormat(format))
    return fail(reportProblems.formatUnknown.create({ format }, { field: 'format' }));
  const model = await loadAnnualReport(ctx, req.fiscalYear, req.now ? { now: req.now } : {});
  if (!model.ok) return model;
  req.onProgress?.(0.1);
  const fileName = `annual-report-${req.fiscalYear}.${format}`;
  const out = (body: Buffer) => ok({ fileName, contentType: contentTypes[format], body });
  if (format === 'xlsx') {
    const body = await annualReportXlsx(model.value);
    req.onProgress?.(1);
    return out(body);
  }
  const html = annualReportHtml(model.value);
  if (format === 'html') {
    req.onProgress?.(1);
    return out(Buffer.from(html, 'utf8'));
  }
  const pdf = await renderPdf(html, {
    title: model.value.title,
    onProgress: (s) => req.onProgress?.(0.2 + 0.8 * s),
  });
  return pdf.ok ? out(pdf.value) : pdf;
}

export async function renderReviewReport(
  ctx: AppContext,
  req: { phase: number; format: string; onProgress?: (share: number) => void },
): Promise<Result<RenderedReport>> {
  const format = req.format;
  if (!isReportFormat(format))
    return fail(reportProblems.formatUnknown.create({ format }, { field: 'format' }));
  const model = await loadReviewReport(ctx, req.phase);
  if (!model.ok) return model;
  return reviewReportFile(model.value, format, req.onProgress);
}

/** The review report file of an already loaded model (publication renders several formats from one load). */
export async function reviewReportFile(
  model: ReviewReportModel,
  format: ReportFormat,
  onProgress?: (share: number) => void,
): Promise<Result<RenderedReport>> {
  const fileName = `review-report-phase${model.phase}.${format}`;
  const out = (body: Buffer) => {
    onProgress?.(1);
    return ok({ fileName, contentType: contentTypes[format], body });
  };
  if (format === 'xlsx') return out(await reviewReportXlsx(model));
  const html = reviewReportHtml(model);
  if (format === 'html') return out(Buffer.from(html, 'utf8'));
  const pdf = await renderPdf(html, { title: model.title });
  return pdf.ok ? out(pdf.value) : pdf;
}
