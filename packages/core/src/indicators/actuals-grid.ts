/**
 * The actuals grid (fiscal year × indicator) as one check, run by the page as
 * the clerk types or pastes and by the server before it writes: every edited
 * cell becomes a row of the import check (`validateImportRows`, so full-width
 * digits, thousands separators and the unit after the number read the same
 * everywhere), plus what only a grid has: the version each cell was read at
 * (another value recorded meanwhile is a conflict), the source for the save,
 * and the department of a department editor. Problems point at the cell
 * (`where.index` = the cell's position in `cells`).
 */
import { fail, type Problem, type Result, type Where } from '../errors';
import { currentActuals } from './actual-history';
import { gridProblems } from './grid-problems';
import { indicatorProblems } from './indicator-problems';
import { type ActualVersion, actualKey, type IndicatorDefinition } from './indicator-types';
import { type ImportedRow, importColumns, validateImportRows } from './validate-import-rows';

export interface GridCell {
  code: string;
  fiscalYear: number;
  /** The value as typed or pasted ("１，２３４", "65,000人"). */
  value: string;
  /** The reference day of the value being corrected, when it has one (kept as it was). */
  date?: string;
  /** The current version's id the page showed for this cell; null when it showed none. */
  version: string | null;
}

export interface GridSave {
  /** 出典: where the values come from (one per save). */
  source: string;
  note?: string;
  cells: GridCell[];
}

export interface GridContext {
  definitions: readonly IndicatorDefinition[];
  plan: { startFiscalYear: number; endFiscalYear: number };
  /** The values stored now (all versions or current ones). */
  existing: readonly ActualVersion[];
  /** A department editor's department: every cell must be one of its indicators. */
  department?: string;
}

const headers = {
  code: importColumns.code[0],
  fiscalYear: importColumns.fiscalYear[0],
  date: importColumns.date[0],
  value: importColumns.value[0],
  source: importColumns.source[0],
  note: importColumns.note[0],
};
const columnOf = new Map<string, string>(Object.entries(headers).map(([k, v]) => [v, k]));

/** The current whole-city value of each (indicator, fiscal year, date) key, by key. */
export function gridCurrent(existing: readonly ActualVersion[]): Map<string, ActualVersion> {
  return new Map(
    currentActuals(existing)
      .filter((v) => v.area === undefined)
      .map((v) => [actualKey(v), v]),
  );
}

/** Checks a grid save; the rows to store (unchanged values marked) or every problem by cell. */
export function checkActualsGrid(save: GridSave, ctx: GridContext): Result<ImportedRow[]> {
  const problems: Problem[] = [];
  const at = (index: number, column: string): Where => ({ index, column, field: `cells.${index}.${column}` });
  if (save.cells.length === 0) return fail(gridProblems.nothingToSave.create({}));
  if (save.source.trim() === '') problems.push(gridProblems.sourceMissing.create({}, { field: 'source' }));

  const current = gridCurrent(ctx.existing);
  const owner = new Map(ctx.definitions.map((d) => [d.code, d.ownerDepartment]));
  const stale: Problem[] = [];
  save.cells.forEach((c, index) => {
    const now = current.get(
      actualKey({ indicatorCode: c.code, fiscalYear: c.fiscalYear, ...(c.date ? { date: c.date } : {}) }),
    );
    if ((now?.id ?? null) !== c.version) {
      stale.push(
        gridProblems.recordedMeanwhile.create(
          {
            code: c.code,
            fiscalYear: c.fiscalYear,
            value: now ? String(now.value) : '—',
            by: now?.enteredBy ?? '—',
          },
          at(index, 'value'),
        ),
      );
    }
    if (ctx.department !== undefined && owner.has(c.code) && owner.get(c.code) !== ctx.department) {
      problems.push(
        indicatorProblems.otherDepartment.create(
          { code: c.code, department: ctx.department },
          at(index, 'code'),
        ),
      );
    }
  });
  // Someone else wrote meanwhile: say only that (the rest was checked against what the page read).
  if (stale.length > 0) return fail(stale);

  const checked = validateImportRows(
    {
      headers: Object.values(headers),
      rows: save.cells.map((c, index) => ({
        row: index + 1,
        cells: {
          [headers.code]: c.code,
          [headers.fiscalYear]: String(c.fiscalYear),
          [headers.date]: c.date ?? '',
          [headers.value]: c.value,
          [headers.source]: save.source,
          [headers.note]: save.note ?? '',
        },
      })),
    },
    { definitions: ctx.definitions, plan: ctx.plan, existing: ctx.existing, onExisting: 'correct' },
  );
  if (!checked.ok) {
    for (const p of checked.problems) {
      const index = (p.where?.row ?? 1) - 1;
      const column = columnOf.get(String(p.where?.column ?? '')) ?? 'value';
      problems.push({ ...p, where: at(index, column) });
    }
  }
  if (problems.length > 0) return fail(problems);
  return checked;
}
