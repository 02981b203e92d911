/**
 * Writing actual values: record a first value, correct a value (a new version
 * superseding the current one), and import a file of values. Every write is
 * checked first, happens in one transaction (all or nothing) and is audited;
 * the database's unique constraints turn a concurrent double write into a
 * conflict problem.
 */

import { randomUUID } from 'node:crypto';
import {
  type ActualVersion,
  type Correction,
  correctActual,
  fail,
  type ImportedRow,
  type ImportTable,
  importProblems,
  indicatorProblems,
  ok,
  type Problem,
  type Result,
  recordActual,
  startImportRowCheck,
  validateImportRows,
} from '@mirai/core';
import {
  audit,
  clearStagedActualRows,
  type Database,
  findActualVersion,
  insertActualVersions,
  isUniqueViolation,
  listActualVersions,
  moveStagedActualRows,
  type StagedActualRow,
  stageActualRows,
} from '@mirai/db';
import type { Transaction } from 'kysely';
import {
  composeActualNotices,
  prepareActualNotices,
  queueActualNotices,
  queueComposedNotices,
} from '../cocreation/actual-notices';
import type { AppContext } from '../context';
import { letOthersRun } from '../io/let-others-run';
import { staffReads } from '../read-scope';
import { loadIndicatorScope } from './indicator-scope';

export interface RecordActualInput {
  indicatorCode: string;
  fiscalYear: number;
  date?: string;
  area?: string;
  value: number;
  source: string;
  note?: string;
  ci?: { lower: number; upper: number };
  sampleSize?: number;
}

export { isUniqueViolation };

/** Checks a typed value through the same rules as an import row. */
function checkInput(
  scopeDefs: Parameters<typeof validateImportRows>[1],
  input: RecordActualInput,
): Problem[] {
  const cells: Record<string, string> = {
    code: input.indicatorCode,
    fiscal_year: String(input.fiscalYear),
    value: String(input.value),
  };
  if (input.date) cells.date = input.date;
  if (input.area) cells.area = input.area;
  const r = validateImportRows({ headers: Object.keys(cells), rows: [{ row: 1, cells }] }, scopeDefs);
  if (r.ok) return [];
  // A typed request has fields, not rows and columns.
  return r.problems.map(({ where, ...p }) => ({ ...p, where: { field: String(where?.column ?? 'value') } }));
}

/** A checked first value, ready to be written (nothing written yet). */
export interface PreparedActual {
  planId: number;
  indicatorCode: string;
  row: Omit<ActualVersion, 'id'>;
}

/** Checks a first value against the plan and the stored values; writes nothing. */
export async function prepareIndicatorActual(
  ctx: AppContext,
  input: RecordActualInput,
  opts: { actor: string },
): Promise<Result<PreparedActual>> {
  const scope = await loadIndicatorScope(staffReads(ctx)); // writes follow the current version
  if (!scope.ok) return scope;
  const { planId, document, definitions } = scope.value;
  const plan = { startFiscalYear: document.plan.startFiscalYear, endFiscalYear: document.plan.endFiscalYear };
  const problems = checkInput({ definitions, plan }, input);
  if (problems.length > 0) return fail(problems);
  const existing = await listActualVersions(ctx.database.db, planId, {
    indicatorCodes: [input.indicatorCode],
  });
  const candidate = recordActual(
    existing,
    { ...input, enteredBy: opts.actor, enteredAt: new Date().toISOString() },
    'new',
  );
  if (!candidate.ok) return candidate;
  const { id: _placeholder, ...row } = candidate.value;
  return ok({ planId, indicatorCode: input.indicatorCode, row });
}

/** Writes a prepared value with its audit entry inside the caller's transaction. */
export async function insertPreparedActual(
  tx: Transaction<Database>,
  prepared: PreparedActual,
  actor: string,
): Promise<ActualVersion> {
  const [id] = await insertActualVersions(tx, prepared.planId, [prepared.row]);
  const stored = { ...prepared.row, id: id! };
  await audit(tx, {
    actor,
    action: 'indicator.actual.record',
    entityType: 'indicator-actual',
    entityId: id!,
    after: stored,
  });
  return stored;
}

/** After a unique violation: the problem the check would now give, if any. */
export async function concurrentRecordProblem(
  ctx: AppContext,
  prepared: PreparedActual,
): Promise<Result<never> | undefined> {
  const now = await listActualVersions(ctx.database.db, prepared.planId, {
    indicatorCodes: [prepared.indicatorCode],
  });
  const again = recordActual(now, prepared.row, 'new');
  return again.ok ? undefined : again;
}

export async function recordIndicatorActual(
  ctx: AppContext,
  input: RecordActualInput,
  opts: { actor: string },
): Promise<Result<ActualVersion>> {
  const prepared = await prepareIndicatorActual(ctx, input, opts);
  if (!prepared.ok) return prepared;
  const scope = await loadIndicatorScope(staffReads(ctx));
  const notices = scope.ok ? await prepareActualNotices(ctx, scope.value) : null;
  try {
    const stored = await ctx.database.db.transaction().execute(async (tx) => {
      const v = await insertPreparedActual(tx, prepared.value, opts.actor);
      if (notices) await queueActualNotices(tx, ctx, notices, [v]);
      return v;
    });
    ctx.mail.kick();
    return ok(stored);
  } catch (e) {
    if (isUniqueViolation(e)) {
      // Someone recorded the same key meanwhile: report it as the check above now would.
      const problem = await concurrentRecordProblem(ctx, prepared.value);
      if (problem) return problem;
    }
    throw e;
  }
}

export async function correctIndicatorActual(
  ctx: AppContext,
  versionId: string,
  correction: Omit<Correction, 'enteredBy' | 'enteredAt'>,
  opts: { actor: string },
): Promise<Result<ActualVersion>> {
  const scope = await loadIndicatorScope(staffReads(ctx)); // writes follow the current version
  if (!scope.ok) return scope;
  const { planId, definitions, document } = scope.value;
  const db = ctx.database.db;
  const target = await findActualVersion(db, planId, versionId);
  if (!target) return fail(indicatorProblems.versionNotFound.create({ id: versionId }, { field: 'id' }));
  const plan = { startFiscalYear: document.plan.startFiscalYear, endFiscalYear: document.plan.endFiscalYear };
  const problems = checkInput(
    { definitions, plan },
    { ...target, value: correction.value, source: target.source },
  );
  if (problems.length > 0) return fail(problems);
  const versions = await listActualVersions(db, planId, { indicatorCodes: [target.indicatorCode] });
  const next = correctActual(
    versions,
    versionId,
    { ...correction, enteredBy: opts.actor, enteredAt: new Date().toISOString() },
    'new',
  );
  if (!next.ok) return next;
  const { id: _placeholder, ...row } = next.value;
  const notices = await prepareActualNotices(ctx, scope.value);
  try {
    const corrected = await db.transaction().execute(async (tx) => {
      const [id] = await insertActualVersions(tx, planId, [row]);
      const stored = { ...row, id: id! };
      await audit(tx, {
        actor: opts.actor,
        action: 'indicator.actual.correct',
        entityType: 'indicator-actual',
        entityId: id!,
        before: target,
        after: stored,
      });
      await queueActualNotices(tx, ctx, notices, [stored]);
      return stored;
    });
    ctx.mail.kick();
    return ok(corrected);
  } catch (e) {
    if (isUniqueViolation(e)) {
      // Corrected by someone else meanwhile: report which version superseded it.
      const now = await listActualVersions(db, planId, { indicatorCodes: [target.indicatorCode] });
      const again = correctActual(
        now,
        versionId,
        { ...correction, enteredBy: opts.actor, enteredAt: row.enteredAt },
        'new',
      );
      if (!again.ok) return again;
    }
    throw e;
  }
}

export interface ImportActualsResult {
  dryRun: boolean;
  file?: string;
  rows: number;
  /** New values stored (or that would be). */
  recorded: number;
  corrected: number;
  unchanged: number;
  batch?: string;
  accepted: ImportedRow[];
}

/**
 * Imports a table of actual values: every row is validated first; on any
 * problem nothing is stored. With `dryRun` nothing is stored either way.
 * A long import never holds the server (decision 0099): the rows are checked
 * in slices with pauses between them, staged in short statements, and moved
 * into the versions by one statement in a short transaction with the notices
 * and the audit entry, so reads go on meanwhile and see all of it or none.
 */
export async function importIndicatorActuals(
  ctx: AppContext,
  table: ImportTable,
  opts: {
    actor: string;
    dryRun?: boolean;
    allowCorrections?: boolean;
    /** A department editor's department: every row must be one of its indicators. */
    department?: string;
    /** Called as the rows are staged (a background job's progress). */
    onProgress?: (fraction: number) => Promise<void> | void;
    /** Names the staged rows (a job's id: a run after a kill clears what the first left). */
    stagingKey?: string;
    /** Rows per slice between pauses (default 500). */
    sliceRows?: number;
    /** Problems kept, the rest counted in one more (default all; a job stores few). */
    maxProblems?: number;
  },
): Promise<Result<ImportActualsResult>> {
  const scope = await loadIndicatorScope(staffReads(ctx)); // writes follow the current version
  if (!scope.ok) return scope;
  const { planId, document, definitions } = scope.value;
  const db = ctx.database.db;
  const existing = await listActualVersions(db, planId, { current: true });
  const context = {
    definitions,
    plan: { startFiscalYear: document.plan.startFiscalYear, endFiscalYear: document.plan.endFiscalYear },
    onExisting: opts.allowCorrections ? ('correct' as const) : ('reject' as const),
    ...(opts.maxProblems !== undefined ? { maxProblems: opts.maxProblems } : {}),
  };
  const check = startImportRowCheck(table, { ...context, existing });
  // Rows checked, or staged, between two pauses that let reads through.
  const sliceRows = Math.max(1, opts.sliceRows ?? 500);
  if (!check.ok) return check;
  for (let i = 0; i < table.rows.length; i += sliceRows) {
    if (i > 0) await letOthersRun();
    check.value.check(table.rows.slice(i, i + sliceRows));
  }
  const checked = check.value.finish();
  if (!checked.ok) return checked;
  const accepted = checked.value;
  if (opts.department !== undefined) {
    const owner = new Map(definitions.map((d) => [d.code, d.ownerDepartment]));
    const foreign = accepted.filter((r) => owner.get(r.indicatorCode) !== opts.department);
    if (foreign.length > 0) {
      // Bounded as the row problems are: a file can name another department on every row.
      const shown = foreign.slice(0, opts.maxProblems ?? foreign.length);
      const problems = shown.map((r) =>
        indicatorProblems.otherDepartment.create(
          { code: r.indicatorCode, department: opts.department ?? '' },
          { ...(table.file ? { file: table.file } : {}), row: r.row, column: 'code' },
        ),
      );
      if (shown.length < foreign.length) {
        problems.push(importProblems.moreProblems.create({ shown: shown.length, total: foreign.length }));
      }
      return fail(problems);
    }
  }
  const toStore = accepted.filter((r) => !r.unchanged);
  const result: ImportActualsResult = {
    dryRun: Boolean(opts.dryRun),
    rows: accepted.length,
    recorded: toStore.filter((r) => !r.supersedes).length,
    corrected: toStore.filter((r) => r.supersedes).length,
    unchanged: accepted.length - toStore.length,
    accepted,
  };
  if (table.file) result.file = table.file;
  if (opts.dryRun || toStore.length === 0) return ok(result);

  const enteredAt = new Date().toISOString();
  const batch = `import-${enteredAt}`;
  const rows = toStore.map((r) => {
    const v: StagedActualRow = {
      indicatorCode: r.indicatorCode,
      fiscalYear: r.fiscalYear,
      value: r.value,
      source: r.source ?? `import:${table.file ?? 'file'}`,
      enteredBy: opts.actor,
      enteredAt,
    };
    if (r.date) v.date = r.date;
    if (r.area) v.area = r.area;
    if (r.note) v.note = r.note;
    if (r.supersedes) v.supersedes = r.supersedes;
    return v;
  });
  const notices = composeActualNotices(await prepareActualNotices(ctx, scope.value), rows, batch);
  const key = opts.stagingKey ?? `import:${randomUUID()}`;
  try {
    await clearStagedActualRows(db, key);
    for (let i = 0; i < rows.length; i += sliceRows) {
      await letOthersRun();
      await stageActualRows(db, key, planId, i, rows.slice(i, i + sliceRows), batch);
      await opts.onProgress?.(Math.min(rows.length, i + sliceRows) / rows.length);
    }
    await db.transaction().execute(async (tx) => {
      const moved = await moveStagedActualRows(tx, key);
      if (moved !== rows.length) throw new Error(`staged ${moved} of ${rows.length} rows`);
      await queueComposedNotices(tx, ctx, notices);
      await audit(tx, {
        actor: opts.actor,
        action: 'indicator.actual.import',
        entityType: 'indicator-import',
        entityId: batch,
        details: {
          file: table.file ?? null,
          recorded: result.recorded,
          corrected: result.corrected,
          unchanged: result.unchanged,
        },
      });
    });
  } catch (e) {
    await clearStagedActualRows(db, key).catch(() => undefined);
    if (isUniqueViolation(e)) {
      // Another write landed meanwhile: validate again to name the rows now in conflict.
      const again = validateImportRows(table, {
        ...context,
        existing: await listActualVersions(db, planId, { current: true }),
      });
      if (!again.ok) return again;
      // The rows now read as unchanged or as corrections of what the other import wrote: still a conflict.
      return fail(importProblems.concurrentImport.create({}, table.file ? { file: table.file } : undefined));
    }
    throw e;
  }
  ctx.mail.kick();
  return ok({ ...result, batch });
}
