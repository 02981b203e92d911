export { annualReportHtml } from './annual-report-html';
export * from './annual-report-model';
export { annualReportXlsx } from './annual-report-xlsx';
export * from './render-report';
export * from './report-jobs';
export { chromiumPath, renderPdf } from './report-pdf';
export { reportProblems } from './report-problems';
export { loadReviewReport, reviewReportHtml } from './review-report';
