// The annual evaluation report of a whole sample round (every sheet filled, reviewed and
// published through the use cases): the model's figures against the database, the PDF read back
// with pdftotext (title, 令和 year, field names, figures, table of contents pages), and the xlsx
// re-opened with exceljs with its print settings. Sample plan data and sample indicator values.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { currentActuals, type PlanDocument } from '@mirai/core';
import { listActualVersions, listSheets } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AppContext, contextFor } from '../context';
import { completeSampleRound } from '../evaluation/testing/complete-round';
import { recordSampleActuals, seedEvaluationPlan } from '../evaluation/testing/evaluation-fixture';
import { loadAnnualReport } from './annual-report-model';
import { renderAnnualReport } from './render-report';

const dir = mkdtempSync(join(tmpdir(), 'mirai-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const fmt = (n: number) => new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 }).format(n);

describeEachDatabase('annual evaluation report', (t) => {
  let ctx: AppContext;
  let doc: PlanDocument;
  beforeAll(async () => {
    ctx = contextFor(t.handle);
    doc = await seedEvaluationPlan(t.handle.db);
    await recordSampleActuals(ctx, doc);
    await completeSampleRound(ctx, { fiscalYear: 2024 });
  }, 120_000);

  it('groups every published sheet by strategy and field, with the database’s figures', async () => {
    const r = await loadAnnualReport(ctx, 2024);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const m = r.value;
    const sheets = await listSheets(t.handle.db, 'shiojiri-6th-2024');
    expect(m.preliminary).toBe(false);
    expect(m.fiscalYearLabel).toBe('令和6年度');
    expect(m.totals.measures + m.totals.projects).toBe(sheets.length);
    expect(Object.values(m.totals.ratings).reduce((a, b) => a + b, 0)).toBe(sheets.length);
    const rated = sheets.filter((s) => s.content.overallRating === 'B').length;
    expect(m.totals.ratings.B).toBe(rated);
    const actuals = currentActuals(await listActualVersions(t.handle.db, (await ctxPlanId(ctx))!));
    const a1 = m.strategies
      .flatMap((s) => s.fields)
      .flatMap((f) => f.measures)
      .find((x) => x.code === 'A-1-M01');
    const row = a1?.sheet?.indicatorRows.find((x) => x.code === 'A-1-M01-K01');
    const stored = actuals.find((a) => a.indicatorCode === 'A-1-M01-K01' && a.fiscalYear === 2024);
    expect(row?.current.actual).toBe(stored?.value);
    expect(a1?.sheet?.departmentName).toBe(doc.departments.find((d) => d.code === 'DEPT-CHILD')?.name.ja);
  });

  it.runIf(t.dialect === 'pglite')(
    'renders an A4 PDF whose text carries the title, 令和 year, fields, figures and right contents pages',
    async () => {
      const progress: number[] = [];
      const r = await renderAnnualReport(ctx, {
        fiscalYear: 2024,
        format: 'pdf',
        onProgress: (s) => progress.push(s),
      });
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      expect(progress.at(-1)).toBe(1);
      const file = join(dir, r.value.fileName);
      writeFileSync(file, r.value.body);
      const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
      const pages = text.split('\f');
      expect(pages[0]).toContain('令和6年度 行政評価結果報告書');
      expect(pages[0]).toContain(doc.municipality.name.ja);
      const model = await loadAnnualReport(ctx, 2024);
      if (!model.ok) throw new Error('no model');
      for (const st of model.value.strategies)
        for (const f of st.fields) expect(text).toContain(doc.fields.find((x) => x.code === f.code)!.name.ja);
      // Figures: an outcome actual and target, a project's total cost, the rating counts.
      const a1 = model.value.strategies
        .flatMap((s) => s.fields)
        .flatMap((f) => f.measures)
        .find((m) => m.code === 'A-1-M01')!;
      const k01 = a1.sheet!.indicatorRows.find((x) => x.code === 'A-1-M01-K01')!;
      const measurePage = pages.find((p) => p.includes('施策評価シート A-1-M01'))!;
      expect(measurePage).toMatch(new RegExp(`${fmt(k01.current.target!)}\\s+${fmt(k01.current.actual!)}`));
      const project = a1.projects[0]!;
      const projectPage = pages.find((p) => p.includes(`事務事業評価シート ${project.code}`))!;
      expect(projectPage).toContain(fmt(project.cost!.totalCost));
      expect(projectPage).toContain(project.departmentName);
      // The table of contents names the page each section starts on, and the footer numbers pages.
      const tocLine = pages
        .slice(1, 3)
        .join('\n')
        .split('\n')
        .find((l) => l.includes(`事務事業評価 ${project.code}`))!;
      const tocPage = Number(tocLine.trim().split(/\s+/).at(-1));
      expect(pages[tocPage - 1]).toContain(`事務事業評価シート ${project.code}`);
      expect(pages[tocPage - 1]).toContain(`${tocPage} / ${pages.filter((p) => p.trim()).length}`);
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(info).toMatch(/Page size:.*\(A4\)/);
    },
    120_000,
  );

  it('writes an xlsx 事務事業評価シート per project that re-opens with its A4 print settings', async () => {
    const r = await renderAnnualReport(ctx, { fiscalYear: 2024, format: 'xlsx' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(r.value.body as unknown as ArrayBuffer);
    const sheets = await listSheets(t.handle.db, 'shiojiri-6th-2024');
    expect(wb.worksheets.length).toBe(1 + sheets.length);
    const ws = wb.getWorksheet('A-1-M01-P01')!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.printArea).toMatch(/^A1:H\d+$/);
    expect(ws.headerFooter.oddFooter).toContain('&P');
    expect(ws.getCell('A1').value).toBe('令和6年度 事務事業評価シート');
    const values = ws.getSheetValues().flat().map(String);
    expect(values).toContain(doc.departments.find((d) => d.code === 'DEPT-CHILD')!.name.ja);
    expect(ws.getCell('B5').border?.top?.style).toBe('thin');
  });
});

async function ctxPlanId(ctx: AppContext) {
  const { findCurrentPlan } = await import('@mirai/db');
  return (await findCurrentPlan(ctx.database.db))?.id;
}
