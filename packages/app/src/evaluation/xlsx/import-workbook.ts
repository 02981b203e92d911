/**
 * Imports a filled evaluation workbook: size and zip checks before parsing,
 * the hidden IDs (format, round, department, per worksheet the sheet and its
 * version, each sealed), the labels, every input cell decoded and the sheet
 * checked as a save would be. Every problem is listed with workbook, worksheet
 * and cell; with any error nothing is stored. Unchanged worksheets are skipped,
 * so importing a workbook as exported changes nothing. A dry run only reports.
 */
import {
  type Actor,
  type EvaluationSheet,
  evaluationProblems,
  fail,
  ok,
  type Problem,
  ProblemError,
  type Result,
  type SheetContent,
} from '@mirai/core';
import { findRoundById, findSheet, listSheets } from '@mirai/db';
import type { AppContext } from '../../context';
import { ioProblems } from '../../io/io-problems';
import { readXlsxCellsInWorker, type SheetCells } from '../../io/table-worker';
import { uploadLimits } from '../../io/upload-limits';
import { checkZip, type ZipLimits, zipLimitsFor } from '../../io/zip-guard';
import { loadPlan } from '../round-context';
import { prepareContentEdit, writeSheetChange } from '../sheet-use-cases';
import { cellText, decodeCell } from './cell-values';
import { sameContent, setPath } from './content-paths';
import { modelFor } from './export-workbook';
import { idSheetName, seal, workbookFormat } from './xlsx-ids';
import { cellOf, sheetLayout } from './xlsx-layout';
import { xlsxProblems as X } from './xlsx-problems';

export interface ImportWorkbookRequest {
  file: string;
  bytes: Uint8Array;
  actor: Actor;
  dryRun?: boolean;
  /** The round the caller means to import into (refuses workbooks of another round). */
  fiscalYear?: number;
  /** The department the caller means (refuses workbooks of another department). */
  departmentCode?: string;
  limits?: ZipLimits;
}

export interface ImportWorkbookResult {
  file: string;
  roundId: string;
  fiscalYear: number;
  departmentCode: string;
  dryRun: boolean;
  changed: { sheetId: string; worksheet: string; fromVersion: number; toVersion: number }[];
  unchanged: number;
}

interface Pending {
  sheet: EvaluationSheet;
  worksheet: string;
  content: SheetContent;
  expectedVersion: number;
  toVersion: number;
}

export async function importEvaluationWorkbook(
  ctx: AppContext,
  req: ImportWorkbookRequest,
): Promise<Result<ImportWorkbookResult>> {
  const file = req.file;
  const guard = await checkZip(req.bytes, file, req.limits ?? zipLimitsFor('evaluation-workbook'));
  if (!guard.ok) return guard;
  // Parsed in the worker with a memory ceiling (a large workbook held the server's thread for
  // seconds; decision 0151): the first six columns of every worksheet come back.
  const book = await readXlsxCellsInWorker(req.bytes, file, {
    columns: 6,
    maxMemoryMb: uploadLimits['evaluation-workbook'].maxParseMemoryMb,
  });
  if (!book.ok) {
    const unreadable = book.problems.find((p) => p.code === ioProblems.xlsxUnreadable.code);
    const reason = (unreadable?.details as { reason?: string } | undefined)?.reason;
    return unreadable ? fail(X.unreadable.create({ reason: reason ?? '' }, { file })) : book;
  }
  const sheets = book.value;
  const ids = sheets.get(idSheetName);
  if (!ids) return fail(X.notEvaluationWorkbook.create({}, { file }));
  const idWhere = (cell: string) => ({ file, sheet: idSheetName, cell });
  const head = [1, 2, 3, 4, 5].map((c) => cellText(ids.value(2, c)));
  const [format, roundId, fyText, dept, headSeal] = head as [string, string, string, string, string];
  if (format !== workbookFormat) return fail(X.notEvaluationWorkbook.create({}, idWhere('A2')));
  if (headSeal !== seal([format, roundId, Number(fyText), dept]))
    return fail(X.idsEdited.create({ what: 'round/department' }, idWhere('E2')));
  const plan = await loadPlan(ctx);
  if (!plan.ok) return plan;
  const round = await findRoundById(ctx.database.db, roundId);
  if (!round || round.planId !== plan.value.id)
    return fail(X.roundUnknown.create({ roundId }, idWhere('B2')));
  const problems: Problem[] = [];
  if (req.fiscalYear !== undefined && req.fiscalYear !== round.fiscalYear) {
    problems.push(
      X.otherRound.create(
        { workbookRound: round.id, expected: `${plan.value.code}-${req.fiscalYear}` },
        idWhere('B2'),
      ),
    );
  }
  const scoped = req.actor.role === 'department-editor' || req.actor.role === 'section-head';
  for (const expected of [req.departmentCode, scoped ? req.actor.departmentCode : undefined]) {
    if (expected !== undefined && expected !== dept)
      problems.push(X.otherDepartment.create({ workbookDepartment: dept, expected }, idWhere('D2')));
  }
  if (problems.length > 0) return fail(problems);
  const stored = new Map((await listSheets(ctx.database.db, round.id)).map((s) => [s.id, s]));
  const pending: Pending[] = [];
  let unchanged = 0;
  for (let r = 4; r <= ids.rowCount; r++) {
    const cells = [1, 2, 3, 4, 5, 6].map((c) => cellText(ids.value(r, c)));
    const [worksheet, sheetId, kind, code, versionText, rowSeal] = cells as [
      string,
      string,
      string,
      string,
      string,
      string,
    ];
    if (cells.every((c) => c === '')) continue;
    const version = Number(versionText);
    if (rowSeal !== seal([round.id, dept, worksheet, sheetId, kind, code, version])) {
      problems.push(X.idsEdited.create({ what: `row ${r}` }, idWhere(`F${r}`)));
      continue;
    }
    const sheet = stored.get(sheetId);
    if (!sheet || sheet.kind !== kind || sheet.code !== code) {
      problems.push(X.sheetUnknown.create({ sheetId }, idWhere(`B${r}`)));
      continue;
    }
    if (sheet.departmentCode !== dept) {
      problems.push(
        X.otherDepartment.create(
          { workbookDepartment: dept, expected: sheet.departmentCode },
          idWhere(`B${r}`),
        ),
      );
      continue;
    }
    const ws = sheets.get(worksheet);
    if (!ws) {
      problems.push(X.worksheetMissing.create({ worksheet }, idWhere(`A${r}`)));
      continue;
    }
    const read = readWorksheet(ws, file, { plan: plan.value, round, sheet });
    if (!read.ok) {
      problems.push(...read.problems);
      continue;
    }
    if (sameContent(sheet.content, read.value.content)) {
      unchanged++;
      continue;
    }
    const prepared = prepareContentEdit(
      { plan: plan.value, round, sheet },
      read.value.content,
      version,
      req.actor,
    );
    if (!prepared.ok) {
      for (const p of prepared.problems) {
        const cell =
          p.code === evaluationProblems.staleVersion.code
            ? undefined
            : (cellOf(read.value.layout, p.where) ?? 'A1');
        problems.push({
          ...p,
          where: { ...p.where, file, sheet: cell ? worksheet : idSheetName, cell: cell ?? `E${r}` },
        });
      }
      continue;
    }
    pending.push({
      sheet,
      worksheet,
      content: prepared.value.content,
      expectedVersion: version,
      toVersion: prepared.value.version,
    });
  }
  if (problems.length > 0) return fail(problems);
  const result: ImportWorkbookResult = {
    file,
    roundId: round.id,
    fiscalYear: round.fiscalYear,
    departmentCode: dept,
    dryRun: req.dryRun === true,
    changed: pending.map((p) => ({
      sheetId: p.sheet.id,
      worksheet: p.worksheet,
      fromVersion: p.expectedVersion,
      toVersion: p.toVersion,
    })),
    unchanged,
  };
  if (req.dryRun || pending.length === 0) return ok(result);
  try {
    await ctx.database.db.transaction().execute(async (tx) => {
      for (const p of pending) {
        // The stored version was checked when the workbook was read; the update is
        // conditional on it, so a save in between is a conflict, never overwritten.
        const change = { state: p.sheet.state, content: p.content, version: p.toVersion };
        const written = await writeSheetChange(tx, p.sheet, change, req.actor, 'evaluation.sheet.import', {
          file,
          worksheet: p.worksheet,
        });
        if (!written) {
          const current = await findSheet(tx, p.sheet.id);
          throw new ProblemError(
            evaluationProblems.staleVersion.create(
              { expected: p.expectedVersion, current: current?.version ?? -1 },
              { file, sheet: p.worksheet, field: 'version' },
            ),
          );
        }
      }
    });
  } catch (error) {
    if (error instanceof ProblemError) return fail(error.problems);
    throw error;
  }
  return ok(result);
}

function readWorksheet(
  ws: SheetCells,
  file: string,
  scope: Parameters<typeof modelFor>[0] extends infer P
    ? { plan: P; round: Parameters<typeof modelFor>[1]; sheet: EvaluationSheet }
    : never,
) {
  const { plan, round, sheet } = scope;
  const model = modelFor(plan, round, sheet);
  const layout = sheetLayout({
    content: sheet.content,
    fiscalYear: round.fiscalYear,
    templates: round.templates,
    ...(model ? { model } : {}),
  });
  const problems: Problem[] = [];
  const where = (cell: string) => ({ file, sheet: ws.name, cell });
  const content = structuredClone(sheet.content) as unknown as Record<string, unknown>;
  const findings: { linkId: string; finding: string; evidence: string; row: number }[] = [];
  for (const r of layout.rows) {
    const found = cellText(ws.value(r.row, 1));
    if (found !== r.label) {
      problems.push(X.labelEdited.create({ expected: r.label, found }, where(`A${r.row}`)));
      continue;
    }
    if (!r.path || !r.codec) continue;
    const decoded = decodeCell(ws.value(r.row, 2), r.codec, r.path);
    if (!decoded.ok) {
      const value = cellText(ws.value(r.row, 2));
      problems.push(
        decoded.reason === 'number'
          ? X.numberInvalid.create({ value, label: r.label }, where(`B${r.row}`))
          : X.choiceUnknown.create(
              { value, label: r.label, allowed: decoded.allowed ?? '' },
              where(`B${r.row}`),
            ),
      );
      continue;
    }
    if (r.evidencePath) {
      const linkId = r.linkId ?? '';
      const evidence = cellText(ws.value(r.row, 3));
      if (decoded.value !== undefined || evidence !== '')
        findings.push({ linkId, finding: String(decoded.value ?? ''), evidence, row: r.row });
      continue;
    }
    setPath(content, r.path, decoded.value);
  }
  if (sheet.kind === 'project') {
    const period = content.period as { startFiscalYear?: number; endFiscalYear?: number } | undefined;
    if (period && period.startFiscalYear === undefined && period.endFiscalYear === undefined)
      delete content.period;
    const cost = content.cost as { unitQuantity?: { value?: number; unit?: string } };
    if (cost.unitQuantity && cost.unitQuantity.value === undefined && !cost.unitQuantity.unit)
      delete cost.unitQuantity;
  } else {
    const cp = content.citizenPerception as { note?: string } | undefined;
    if (cp && Object.keys(cp).length === 0) delete content.citizenPerception;
    const before = new Map(
      (sheet.content.kind === 'measure' ? sheet.content.theoryFindings : []).map((f) => [f.linkId, f]),
    );
    for (const [path] of [...layout.cells]) if (path.startsWith('theoryFindings[')) layout.cells.delete(path);
    content.theoryFindings = findings.map((f, k) => {
      layout.cells.set(`theoryFindings[${k}].finding`, `B${f.row}`);
      layout.cells.set(`theoryFindings[${k}].evidence`, `C${f.row}`);
      const suggested = before.get(f.linkId)?.suggested;
      return {
        linkId: f.linkId,
        finding: f.finding || 'unknown',
        evidence: f.evidence,
        ...(suggested ? { suggested } : {}),
      };
    });
  }
  if (problems.length > 0) return fail<{ content: SheetContent; layout: typeof layout }>(problems);
  return ok({ content: content as unknown as SheetContent, layout });
}
