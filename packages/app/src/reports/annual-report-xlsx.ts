/**
 * The annual report as an Excel workbook laid out like a Japanese
 * 事務事業評価シート: a summary worksheet, then one worksheet per measure and
 * per project, each an A4 portrait form (8 columns, thin borders, labels
 * shaded, print area set, fitted to one page wide, page numbers in the
 * footer), with 和暦 years and department names. Made with exceljs.
 */
import { deliveryMethodLabels, formatFiscalYear, type IndicatorRow } from '@mirai/core';
import ExcelJS from 'exceljs';
import type { AnnualReportModel, ReportMeasure, ReportProject } from './annual-report-model';

const FONT = 'ＭＳ Ｐゴシック';
const COLS = 8;
const thin = { style: 'thin' as const, color: { argb: 'FF555555' } };
const border = { top: thin, left: thin, bottom: thin, right: thin };
const shade = { type: 'pattern' as const, pattern: 'solid' as const, fgColor: { argb: 'FFE8EEF5' } };

type Value = string | number | null | undefined;

/** Writes rows top to bottom in an 8-column form. */
class Form {
  row = 1;
  constructor(readonly ws: ExcelJS.Worksheet) {
    ws.columns = [14, 22, 10, 11, 11, 11, 11, 10].map((width) => ({ width }));
  }
  private cell(r: number, c: number, v: Value, opts: { label?: boolean; num?: string; wrap?: boolean } = {}) {
    const cell = this.ws.getCell(r, c);
    cell.value = v === undefined || v === '' ? null : v;
    cell.font = { name: FONT, size: 10, bold: opts.label ?? false };
    cell.border = border;
    cell.alignment = { vertical: 'top', wrapText: opts.wrap ?? true };
    if (opts.label) cell.fill = shade;
    if (opts.num) {
      cell.numFmt = opts.num;
      cell.alignment = { vertical: 'top', horizontal: 'right' };
    }
  }
  title(text: string, sub: string) {
    this.ws.mergeCells(this.row, 1, this.row, COLS);
    const c = this.ws.getCell(this.row, 1);
    c.value = text;
    c.font = { name: FONT, size: 14, bold: true };
    c.alignment = { horizontal: 'center' };
    this.row++;
    this.ws.mergeCells(this.row, 1, this.row, COLS);
    const s = this.ws.getCell(this.row, 1);
    s.value = sub;
    s.font = { name: FONT, size: 9 };
    s.alignment = { horizontal: 'right' };
    this.row += 2;
  }
  heading(text: string) {
    this.ws.mergeCells(this.row, 1, this.row, COLS);
    const c = this.ws.getCell(this.row, 1);
    c.value = text;
    c.font = { name: FONT, size: 11, bold: true };
    c.border = { bottom: { style: 'medium', color: { argb: 'FF1F4E79' } } };
    this.row++;
  }
  /** A label in column A and a value over B–H; long text gets a taller row. */
  field(label: string, value: Value) {
    this.cell(this.row, 1, label, { label: true });
    this.ws.mergeCells(this.row, 2, this.row, COLS);
    this.cell(this.row, 2, value ?? '—');
    for (let c = 3; c <= COLS; c++) this.ws.getCell(this.row, c).border = border;
    const len = String(value ?? '').length;
    if (len > 60) this.ws.getRow(this.row).height = Math.min(120, 15 * Math.ceil(len / 60));
    this.row++;
  }
  table(head: string[], rows: Value[][], numFmt: (string | undefined)[]) {
    head.forEach((h, i) => this.cell(this.row, i + 1, h, { label: true }));
    this.row++;
    for (const r of rows) {
      r.forEach((v, i) => {
        const fmt = numFmt[i];
        this.cell(this.row, i + 1, v ?? '—', typeof v === 'number' && fmt ? { num: fmt } : {});
      });
      this.row++;
    }
    this.row++;
  }
  finish(title: string) {
    const ws = this.ws;
    ws.pageSetup = {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      printArea: `A1:H${this.row - 1}`,
    };
    ws.headerFooter = { oddHeader: `&R&8${title}`, oddFooter: '&C&P / &N' };
    ws.views = [{ showGridLines: false }];
  }
}

const sheetName = (s: string, used: Set<string>) => {
  let name = s.replace(/[\\/?*[\]:]/g, '-').slice(0, 31);
  for (let i = 2; used.has(name); i++) name = `${s.slice(0, 27)}~${i}`;
  used.add(name);
  return name;
};

function indicatorRows(f: Form, rows: IndicatorRow[], fy: number) {
  const short = (y: number) => formatFiscalYear(y).replace('年度', '');
  f.table(
    [
      '区分',
      '指標名',
      '単位',
      '基準値',
      `${short(fy - 1)}実績`,
      `${short(fy)}目標`,
      `${short(fy)}実績`,
      '達成率',
    ],
    rows.map((r) => [
      r.role === 'activity' ? '活動指標' : '成果指標',
      r.name,
      r.unit,
      r.baseline,
      r.previous.actual,
      r.current.target,
      r.current.actual,
      r.current.achievement,
    ]),
    [undefined, undefined, undefined, '#,##0.##', '#,##0.##', '#,##0.##', '#,##0.##', '0.0%'],
  );
}

function projectSheet(wb: ExcelJS.Workbook, model: AnnualReportModel, p: ReportProject, used: Set<string>) {
  const c = p.content;
  const f = new Form(wb.addWorksheet(sheetName(p.code, used)));
  const title = `${model.fiscalYearLabel} ${model.levels.project.ja}評価シート`;
  f.title(title, `${model.municipality}　${p.departmentName}`);
  f.heading('1. 事業の概要');
  f.field('事業名', `${c.name}（${c.projectCode}）`);
  f.field('担当課', p.departmentName);
  f.field(model.levels.measure.ja, c.measureCode);
  f.field(
    '事業期間',
    c.period
      ? `${formatFiscalYear(c.period.startFiscalYear)}〜${c.period.endFiscalYear ? formatFiscalYear(c.period.endFiscalYear) : ''}`
      : null,
  );
  f.field('実施方法', c.delivery.map((d) => deliveryMethodLabels[d]?.ja ?? d).join('・'));
  f.field('対象', c.purpose.target);
  f.field('意図', c.purpose.intent);
  f.field('手段', c.purpose.means);
  f.heading('2. 指標');
  indicatorRows(f, p.indicatorRows, model.fiscalYear);
  if (p.cost) {
    f.heading(`3. 事業費（単位：${model.moneyUnit}、${p.cost.basis === 'settlement' ? '決算' : '予算'}）`);
    const k = p.cost;
    f.table(
      ['国庫支出金', '県支出金', '地方債', 'その他', '一般財源', '事業費', '人件費', '総コスト'],
      [
        [
          k.funding.national,
          k.funding.prefectural,
          k.funding.bonds,
          k.funding.other,
          k.funding.generalRevenue,
          k.projectCost,
          k.staffCost,
          k.totalCost,
        ],
      ],
      Array(8).fill('#,##0'),
    );
  }
  f.heading('4. 評価');
  const scale = (id: string | undefined) => model.templates.scales.find((s) => s.id === id);
  for (const r of model.templates.project.ratings) {
    const code = c.ratings[r.key];
    const level = scale(r.scaleId)?.levels.find((l) => l.code === code);
    f.field(r.label.ja, code ? `${code}${level ? `（${level.label.ja}）` : ''}` : null);
  }
  const overall = scale(model.templates.project.overall.scaleId)?.levels.find(
    (l) => l.code === c.overallRating,
  );
  f.field(
    '総合評価',
    c.overallRating ? `${c.overallRating}${overall ? `（${overall.label.ja}）` : ''}` : null,
  );
  f.field(
    '今後の方向性',
    model.templates.project.directions?.options.find((o) => o.code === c.direction)?.label.ja ?? c.direction,
  );
  f.field('課題', c.issues);
  f.field('改革改善案', c.improvements);
  f.field('所属長の所見', c.comments['section-head']);
  f.finish(title);
}

function measureSheet(wb: ExcelJS.Workbook, model: AnnualReportModel, m: ReportMeasure, used: Set<string>) {
  const s = m.sheet;
  if (!s) return;
  const c = s.content;
  const f = new Form(wb.addWorksheet(sheetName(m.code, used)));
  const { measure: M, project: P } = model.levels;
  const title = `${model.fiscalYearLabel} ${M.ja}評価シート`;
  f.title(title, `${model.municipality}　${s.departmentName}`);
  f.field(`${M.ja}名`, `${c.name}（${c.measureCode}）`);
  f.field('担当課', s.departmentName);
  f.field(`${M.ja}の目指す姿`, c.desiredState);
  f.heading('成果指標');
  indicatorRows(f, s.indicatorRows, model.fiscalYear);
  f.heading(`構成${P.ja}と貢献度`);
  f.table(
    ['事業コード', '事業名', '貢献度'],
    c.contributingProjects.map((p) => [
      p.projectCode,
      m.projects.find((x) => x.code === p.projectCode)?.content.name ?? '',
      p.weight / 100,
    ]),
    [undefined, undefined, '0%'],
  );
  f.field('総合評価', c.overallRating);
  f.field(
    '今後の方向性',
    model.templates.measure.directions?.options.find((o) => o.code === c.direction)?.label.ja ?? c.direction,
  );
  f.field('課題', c.issues);
  f.field('今後の取組方針', c.improvements);
  f.field('企画担当課の所見', c.comments['planning-division']);
  f.finish(title);
}

export async function annualReportXlsx(model: AnnualReportModel): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Mirai';
  wb.title = model.title;
  const used = new Set<string>();
  const summary = new Form(wb.addWorksheet(sheetName('概要', used)));
  summary.title(
    model.title,
    `${model.municipality}　${model.madeOn} 作成${model.preliminary ? '（速報・未公表）' : ''}${model.sample ? '（サンプルデータを含む）' : ''}`,
  );
  summary.table(
    [
      model.levels.strategy.ja,
      model.levels.field.ja,
      model.levels.measure.ja,
      `${model.levels.measure.ja}名`,
      '担当課',
      '総合評価',
      `${model.levels.project.ja}数`,
      '',
    ],
    model.strategies.flatMap((st) =>
      st.fields.flatMap((fd) =>
        fd.measures.map((m) => [
          st.name,
          fd.name,
          m.code,
          m.name,
          m.sheet?.departmentName ?? '—',
          m.sheet?.content.overallRating ?? '—',
          m.projects.length,
          '',
        ]),
      ),
    ),
    [undefined, undefined, undefined, undefined, undefined, undefined, '#,##0', undefined],
  );
  summary.finish(model.title);
  for (const st of model.strategies)
    for (const fd of st.fields)
      for (const m of fd.measures) {
        measureSheet(wb, model, m, used);
        for (const p of m.projects) projectSheet(wb, model, p, used);
      }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
