/**
 * Exports a round's sheets as xlsx workbooks, one per department and one
 * worksheet per sheet in the layout clerks know: Japanese labels in locked
 * cells, input cells unlocked (with lists for ratings and choices), the
 * indicator rows pulled from the indicators shown read-only, and the stable
 * hidden IDs that the import checks.
 */
import {
  computeProjectCost,
  type EvaluationSheet,
  findingLabels,
  joinIndicatorRows,
  type MeasureLogicModel,
  type Movement,
  ok,
  type Result,
  theoryCheck,
} from '@mirai/core';

const movementLabels: Record<Movement, string> = {
  improving: '改善',
  flat: '横ばい',
  worsening: '悪化',
  mixed: '混在',
  unknown: 'データなし',
};

import { listSheets, type StoredPlan, type StoredRound } from '@mirai/db';
import ExcelJS from 'exceljs';
import type { AppContext } from '../../context';
import { type EvaluationFigures, loadEvaluationFigures } from '../evaluation-figures';
import { logicModelOf, projectsOfYear } from '../plan-sources';
import { loadRound } from '../round-context';
import { getPath } from './content-paths';
import { idSheetName, seal, workbookFormat, worksheetName } from './xlsx-ids';
import { findingOptions, type LayoutRow, sheetLayout } from './xlsx-layout';

export interface ExportedWorkbook {
  departmentCode: string;
  fileName: string;
  sheets: number;
  buffer: Buffer;
}

const labelFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF4' } };
const inputFill: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFDE7' } };

export function modelFor(
  plan: StoredPlan,
  round: StoredRound,
  sheet: EvaluationSheet,
): MeasureLogicModel | undefined {
  if (sheet.kind !== 'measure') return undefined;
  const doc = plan.document;
  const measure = doc.measures.find((m) => m.code === sheet.code);
  return measure ? logicModelOf(doc, measure, projectsOfYear(doc, round.fiscalYear)) : undefined;
}

/** The cell text of an input row as exported. */
export function inputText(r: LayoutRow, content: object): string | number {
  const v = getPath(content, r.path!);
  const codec = r.codec!;
  if (codec.type === 'list') {
    const codes = Array.isArray(v) ? (v as string[]) : [];
    return codes.map((c) => codec.options.find((o) => o.code === c)?.label ?? c).join('、');
  }
  if (codec.type === 'choice') {
    if (v === undefined || v === null) return '';
    return codec.options.find((o) => o.code === v)?.label ?? String(v);
  }
  if (v === undefined || v === null) return '';
  return typeof v === 'number' ? v : String(v);
}

function writeSheet(
  wb: ExcelJS.Workbook,
  name: string,
  plan: StoredPlan,
  round: StoredRound,
  sheet: EvaluationSheet,
  figures: EvaluationFigures,
) {
  const ws = wb.addWorksheet(name);
  ws.columns = [
    { width: 34 },
    { width: 60 },
    { width: 40 },
    { width: 12 },
    { width: 12 },
    { width: 12 },
    { width: 10 },
  ];
  const model = modelFor(plan, round, sheet);
  const findings = sheet.content.kind === 'measure' ? sheet.content.theoryFindings : [];
  const checks = new Map(
    (model ? theoryCheck(model, figures.movements, findings) : []).map((row) => [row.linkId, row]),
  );
  const layout = sheetLayout({
    content: sheet.content,
    fiscalYear: round.fiscalYear,
    templates: round.templates,
    ...(model ? { model } : {}),
  });
  ws.getCell('A1').value = `${layout.title}（${round.fiscalYear}年度）`;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('B1').value = round.templates.sample ? '※様式は初期設定（サンプル）です' : '';
  for (const r of layout.rows) {
    const a = ws.getCell(`A${r.row}`);
    a.value = r.label;
    a.fill = labelFill;
    const b = ws.getCell(`B${r.row}`);
    if (!r.path) {
      b.value = r.value ?? '';
      continue;
    }
    const finding =
      r.linkId && sheet.content.kind === 'measure'
        ? sheet.content.theoryFindings.find((f) => f.linkId === r.linkId)
        : undefined;
    b.value = r.linkId
      ? finding
        ? (findingOptions.find((o) => o.code === finding.finding)?.label ?? finding.finding)
        : ''
      : inputText(r, sheet.content);
    b.protection = { locked: false };
    b.fill = inputFill;
    b.alignment = { wrapText: true, vertical: 'top' };
    const codec = r.codec!;
    if (codec.type === 'choice') {
      const list = codec.options.map((o) => o.label).join(',');
      if (list.length < 250) b.dataValidation = { type: 'list', allowBlank: true, formulae: [`"${list}"`] };
    }
    if (r.evidencePath) {
      const c = ws.getCell(`C${r.row}`);
      c.value = finding?.evidence ?? '';
      c.protection = { locked: false };
      c.fill = inputFill;
      // What the indicators suggest for the link, read-only, next to the answer.
      const check = checks.get(r.linkId ?? '');
      if (check) {
        const moved = `${movementLabels[check.from.movement]}→${movementLabels[check.to.movement]}`;
        ws.getCell(`D${r.row}`).value = `指標からの示唆：${findingLabels[check.suggested].ja}（${moved}）`;
      }
    }
  }
  let row = (layout.rows[layout.rows.length - 1]?.row ?? 3) + 2;
  ws.getCell(`A${row}`).value = '成果指標・活動指標（指標の実績から自動表示）';
  ws.getCell(`A${row}`).font = { bold: true };
  row++;
  ['区分', '指標', '単位', '目標', '実績', '達成率'].forEach((h, i) => {
    ws.getRow(row).getCell(i + 1).value = h;
  });
  const joined = joinIndicatorRows(sheet.content.indicators, figures.figures, round.fiscalYear);
  for (const ir of joined.ok ? joined.value : []) {
    row++;
    const cells = [
      ir.role === 'outcome' ? '成果' : '活動',
      `${ir.code} ${ir.name}`,
      ir.unit,
      ir.current.target,
      ir.current.actual,
      ir.current.achievement === null ? null : Math.round(ir.current.achievement * 1000) / 10,
    ];
    cells.forEach((v, i) => {
      ws.getRow(row).getCell(i + 1).value = v;
    });
  }
  if (sheet.content.kind === 'project') {
    const cost = computeProjectCost(sheet.content.cost);
    if (cost.ok) {
      row += 2;
      const unit = round.templates.moneyUnit === 'thousand-yen' ? '千円' : '円';
      for (const [label, v] of [
        [`事業費（${unit}）`, cost.value.projectCost],
        [`人件費（${unit}）`, cost.value.staffCost],
        [`総コスト（${unit}）`, cost.value.totalCost],
        [`単位コスト（${unit}）`, cost.value.unitCost],
      ] as const) {
        ws.getCell(`A${row}`).value = label;
        ws.getCell(`B${row}`).value = v;
        row++;
      }
    }
  }
  ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
  return ws;
}

/** One workbook per department of the round (or the one asked for). */
export async function exportRoundWorkbooks(
  ctx: AppContext,
  req: { fiscalYear: number; departmentCode?: string },
): Promise<Result<ExportedWorkbook[]>> {
  const loaded = await loadRound(ctx, req.fiscalYear);
  if (!loaded.ok) return loaded;
  const { plan, round } = loaded.value;
  const sheets = await listSheets(
    ctx.database.db,
    round.id,
    req.departmentCode ? { departmentCode: req.departmentCode } : {},
  );
  const figures = await loadEvaluationFigures(ctx, plan.id, plan.document.indicators, round.fiscalYear);
  const byDept = new Map<string, EvaluationSheet[]>();
  for (const s of sheets) byDept.set(s.departmentCode, [...(byDept.get(s.departmentCode) ?? []), s]);
  const out: ExportedWorkbook[] = [];
  for (const [dept, list] of [...byDept].sort((a, b) => a[0].localeCompare(b[0]))) {
    const wb = new ExcelJS.Workbook();
    wb.creator = 'Mirai';
    const cover = wb.addWorksheet('表紙');
    const deptName = plan.document.departments.find((d) => d.code === dept)?.name.ja ?? dept;
    const lines = [
      `${round.fiscalYear}年度 行政評価シート`,
      `担当課：${deptName}（${dept}）`,
      `ラウンド：${round.id}`,
      '黄色のセルに入力してください。ラベルと非表示のIDは変更しないでください。',
      '指標の目標・実績は指標の登録値から表示しています（シート上では変更できません）。',
    ];
    lines.forEach((l, i) => {
      cover.getCell(`A${i + 1}`).value = l;
    });
    cover.getColumn(1).width = 90;
    await cover.protect('', {});
    const ids = wb.addWorksheet(idSheetName, { state: 'veryHidden' });
    ids.addRow(['format', 'roundId', 'fiscalYear', 'departmentCode', 'seal']);
    ids.addRow([
      workbookFormat,
      round.id,
      round.fiscalYear,
      dept,
      seal([workbookFormat, round.id, round.fiscalYear, dept]),
    ]);
    ids.addRow(['worksheet', 'sheetId', 'kind', 'code', 'version', 'seal']);
    const used = new Set<string>(['表紙', idSheetName.toLowerCase()]);
    for (const s of list) {
      const name = worksheetName(s.code, used);
      writeSheet(wb, name, plan, round, s, figures);
      ids.addRow([
        name,
        s.id,
        s.kind,
        s.code,
        s.version,
        seal([round.id, dept, name, s.id, s.kind, s.code, s.version]),
      ]);
    }
    await ids.protect('', {});
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    out.push({
      departmentCode: dept,
      fileName: `evaluation-${round.fiscalYear}-${dept}.xlsx`,
      sheets: list.length,
      buffer,
    });
  }
  return ok(out);
}
