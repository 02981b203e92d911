/**
 * The actuals grid (fiscal year × indicator) in the staff workspace: what the
 * page shows (the indicators this account may record, the plan's years, the
 * values stored now with their versions, the year to start in) and saving the
 * edited cells all or nothing, checked by the same function the page runs
 * (`checkActualsGrid`), audited once per save, a conflict when a cell changed
 * after the page read it.
 */
import {
  type ActualVersion,
  checkActualsGrid,
  type GridSave,
  type IndicatorDefinition,
  ok,
  type Result,
} from '@mirai/core';
import { audit, insertActualVersions, isUniqueViolation, listActualVersions, listRounds } from '@mirai/db';
import type { Actor } from '../auth/actor';
import { prepareActualNotices, queueActualNotices } from '../cocreation/actual-notices';
import type { AppContext } from '../context';
import { staffReads } from '../read-scope';
import { loadIndicatorScope } from './indicator-scope';

export interface ActualsGrid {
  plan: { startFiscalYear: number; endFiscalYear: number };
  /** Every fiscal year of the plan, oldest first (the grid's columns). */
  years: number[];
  /** The year the page starts in: the newest open evaluation round's, else the newest plan year begun. */
  defaultYear: number;
  /** The indicators this account may record (its department's for a department editor), in plan order. */
  definitions: IndicatorDefinition[];
  /** Department names by code, for the rows. */
  departments: Record<string, { ja: string; en?: string }>;
  /** The stored versions of those indicators (the check needs the history to find the current ones). */
  existing: ActualVersion[];
  /** A department editor's department (the check refuses other departments' indicators). */
  department?: string;
}

/** The department a department editor is limited to; undefined for everyone else. */
export function gridDepartmentOf(actor: Actor): string | undefined {
  return actor.kind === 'user' && actor.role === 'department-editor' ? (actor.department ?? '') : undefined;
}

/** The fiscal year (April–March) of a moment, in Japan time. */
function japanFiscalYear(at: Date): number {
  const jst = new Date(at.getTime() + 9 * 3600_000);
  return jst.getUTCMonth() >= 3 ? jst.getUTCFullYear() : jst.getUTCFullYear() - 1;
}

export async function getActualsGrid(
  ctx: AppContext,
  actor: Actor,
  opts: { now?: Date } = {},
): Promise<Result<ActualsGrid>> {
  const scope = await loadIndicatorScope(staffReads(ctx)); // writes follow the current version
  if (!scope.ok) return scope;
  const { planId, document, definitions } = scope.value;
  const { startFiscalYear, endFiscalYear } = document.plan;
  const department = gridDepartmentOf(actor);
  // Survey indicators come from survey waves (with their margins), not from typing.
  const mine = definitions.filter(
    (d) => d.kind !== 'survey' && (department === undefined || d.ownerDepartment === department),
  );
  const existing =
    mine.length === 0
      ? []
      : await listActualVersions(ctx.database.db, planId, { indicatorCodes: mine.map((d) => d.code) });
  const years: number[] = [];
  for (let y = startFiscalYear; y <= endFiscalYear; y++) years.push(y);
  const clamp = (y: number) => Math.min(endFiscalYear, Math.max(startFiscalYear, y));
  const openRounds = (await listRounds(ctx.database.db, planId))
    .filter((r) => r.state === 'open' && r.fiscalYear >= startFiscalYear && r.fiscalYear <= endFiscalYear)
    .map((r) => r.fiscalYear);
  const defaultYear =
    openRounds.length > 0 ? Math.max(...openRounds) : clamp(japanFiscalYear(opts.now ?? new Date()));
  return ok({
    plan: { startFiscalYear, endFiscalYear },
    years,
    defaultYear,
    definitions: mine,
    departments: Object.fromEntries(document.departments.map((d) => [d.code, d.name])),
    existing,
    ...(department !== undefined ? { department } : {}),
  });
}

export interface GridSaveResult {
  recorded: number;
  corrected: number;
  unchanged: number;
  batch?: string;
  /** The versions stored by this save. */
  stored: ActualVersion[];
}

/** Saves the edited cells: all or nothing, one audit entry, 409 when a cell changed meanwhile. */
export async function saveActualsGrid(
  ctx: AppContext,
  save: GridSave,
  opts: { actor: string; department?: string },
): Promise<Result<GridSaveResult>> {
  const scope = await loadIndicatorScope(staffReads(ctx));
  if (!scope.ok) return scope;
  const { planId, document, definitions } = scope.value;
  const db = ctx.database.db;
  const codes = [...new Set(save.cells.map((c) => c.code))];
  const read = async () => (codes.length ? listActualVersions(db, planId, { indicatorCodes: codes }) : []);
  const context = {
    definitions,
    plan: { startFiscalYear: document.plan.startFiscalYear, endFiscalYear: document.plan.endFiscalYear },
    ...(opts.department !== undefined ? { department: opts.department } : {}),
  };
  const checked = checkActualsGrid(save, { ...context, existing: await read() });
  if (!checked.ok) return checked;
  const toStore = checked.value.filter((r) => !r.unchanged);
  const result: GridSaveResult = {
    recorded: toStore.filter((r) => !r.supersedes).length,
    corrected: toStore.filter((r) => r.supersedes).length,
    unchanged: checked.value.length - toStore.length,
    stored: [],
  };
  if (toStore.length === 0) return ok(result);
  const enteredAt = new Date().toISOString();
  const batch = `grid-${enteredAt}`;
  const rows = toStore.map((r) => {
    const v: Omit<ActualVersion, 'id'> = {
      indicatorCode: r.indicatorCode,
      fiscalYear: r.fiscalYear,
      value: r.value,
      source: r.source ?? save.source,
      enteredBy: opts.actor,
      enteredAt,
    };
    if (r.date) v.date = r.date;
    if (r.note) v.note = r.note;
    if (r.supersedes) v.supersedes = r.supersedes;
    return v;
  });
  const notices = await prepareActualNotices(ctx, scope.value);
  try {
    result.stored = await db.transaction().execute(async (tx) => {
      const ids = await insertActualVersions(tx, planId, rows, batch);
      const stored = rows.map((r, i) => ({ ...r, id: ids[i]! }));
      await queueActualNotices(tx, ctx, notices, stored, batch);
      await audit(tx, {
        actor: opts.actor,
        action: 'indicator.actual.grid',
        entityType: 'indicator-import',
        entityId: batch,
        details: {
          recorded: result.recorded,
          corrected: result.corrected,
          unchanged: result.unchanged,
          values: stored.map((s) => ({
            id: s.id,
            code: s.indicatorCode,
            fiscalYear: s.fiscalYear,
            value: s.value,
            supersedes: s.supersedes ?? null,
          })),
        },
      });
      return stored;
    });
  } catch (e) {
    if (isUniqueViolation(e)) {
      // Another write landed between the check and the insert: the check now names the cells.
      const again = checkActualsGrid(save, { ...context, existing: await read() });
      if (!again.ok) return again;
    }
    throw e;
  }
  ctx.mail.kick();
  return ok({ ...result, batch });
}
