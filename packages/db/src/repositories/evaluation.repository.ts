/**
 * Evaluation rounds and sheets in the database. Sheet and round writes are
 * conditional on the version they were read at (optimistic locking): an
 * update that finds another version changes nothing and returns undefined.
 */
import type {
  EvaluationRound,
  EvaluationSheet,
  RoundScope,
  RoundState,
  SheetContent,
  SheetState,
  StageDue,
  TemplateSet,
} from '@mirai/core';
import {
  type ColumnType,
  type Generated,
  type JSONColumnType,
  type Kysely,
  sql,
  type Transaction,
} from 'kysely';
import type { Database } from '../schema';

type Timestamp = Generated<Date>;

export interface EvaluationTables {
  evaluation_rounds: {
    id: string;
    plan_id: number;
    fiscal_year: number;
    conducted_in_fiscal_year: number;
    opened_on: string;
    scope: JSONColumnType<RoundScope>;
    stages: JSONColumnType<StageDue[]>;
    templates: JSONColumnType<TemplateSet>;
    reminder_days: ColumnType<number[] | null, string | null | undefined, string | null>;
    state: RoundState;
    version: number;
    created_by: string;
    created_at: Timestamp;
    updated_at: Timestamp;
  };
  evaluation_sheets: {
    id: string;
    round_id: string;
    kind: 'project' | 'measure';
    code: string;
    department_code: string;
    state: SheetState;
    version: number;
    content: JSONColumnType<SheetContent>;
    updated_by: string;
    updated_at: Timestamp;
  };
  evaluation_comments: {
    id: string;
    sheet_id: string;
    parent_id: string | null;
    author: JSONColumnType<{ id: string; role: string; departmentCode?: string }>;
    at: Date | string;
    text: string;
  };
  evaluation_reviews: {
    plan_id: number;
    phase: number;
    conclusions: JSONColumnType<unknown[]>;
    version: number;
    updated_by: string;
    updated_at: Timestamp;
    published_at: Timestamp | null;
    published_by: string | null;
  };
}

type Db = Kysely<Database> | Transaction<Database>;

/** A round as stored, with the plan it belongs to and its template set. */
export interface StoredRound extends EvaluationRound {
  planId: number;
  templates: TemplateSet;
  /** Days before a stage's due date (negative: after) when reminders go out; null: the default. */
  reminderDays?: number[] | null;
}

const iso = (d: { year: number; month: number; day: number }) =>
  `${String(d.year).padStart(4, '0')}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
const parseIso = (s: string) => {
  const [year, month, day] = s.split('-').map(Number) as [number, number, number];
  return { year, month, day };
};

function toRound(r: {
  id: string;
  plan_id: number;
  fiscal_year: number;
  conducted_in_fiscal_year: number;
  opened_on: string;
  scope: RoundScope;
  stages: StageDue[];
  templates: TemplateSet;
  reminder_days?: number[] | null;
  state: RoundState;
  version: number;
}): StoredRound {
  return {
    id: r.id,
    planId: r.plan_id,
    fiscalYear: r.fiscal_year,
    conductedInFiscalYear: r.conducted_in_fiscal_year,
    openedOn: parseIso(r.opened_on),
    scope: r.scope,
    stages: r.stages,
    state: r.state,
    version: r.version,
    templates: r.templates,
    reminderDays: r.reminder_days ?? null,
  };
}

export async function insertRound(
  tx: Transaction<Database>,
  round: StoredRound,
  actor: string,
): Promise<void> {
  await tx
    .insertInto('evaluation_rounds')
    .values({
      id: round.id,
      plan_id: round.planId,
      fiscal_year: round.fiscalYear,
      conducted_in_fiscal_year: round.conductedInFiscalYear,
      opened_on: iso(round.openedOn),
      scope: JSON.stringify(round.scope),
      stages: JSON.stringify(round.stages),
      templates: JSON.stringify(round.templates),
      reminder_days: round.reminderDays ? JSON.stringify(round.reminderDays) : null,
      state: round.state,
      version: round.version,
      created_by: actor,
    })
    .execute();
}

/** One round; `forUpdate` locks its row until the transaction ends. */
export async function findRound(
  db: Db,
  planId: number,
  fiscalYear: number,
  opts: { forUpdate?: boolean } = {},
): Promise<StoredRound | undefined> {
  let q = db
    .selectFrom('evaluation_rounds')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('fiscal_year', '=', fiscalYear);
  if (opts.forUpdate) q = q.forUpdate();
  const row = await q.executeTakeFirst();
  return row ? toRound(row) : undefined;
}

export async function findRoundById(db: Db, id: string): Promise<StoredRound | undefined> {
  const row = await db.selectFrom('evaluation_rounds').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRound(row) : undefined;
}

/**
 * The municipalities that have a published (or locked) evaluation round, in one query: run as
 * global work it reads every municipality's rounds (a server's start looks for missing public
 * PDFs only there, instead of reading each municipality's plan).
 */
export async function municipalitiesWithPublishedRounds(db: Db): Promise<string[]> {
  const { rows } = await sql<{ code: string }>`
    SELECT DISTINCT municipality_code AS code FROM evaluation_rounds
    WHERE state IN ('published', 'locked') ORDER BY 1`.execute(db);
  return rows.map((r) => r.code);
}

export async function listRounds(db: Db, planId: number): Promise<StoredRound[]> {
  const rows = await db
    .selectFrom('evaluation_rounds')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('fiscal_year', 'asc')
    .execute();
  return rows.map(toRound);
}

/** Moves a round to a new state if it is still at `expectedVersion`; false when someone else moved it. */
export async function updateRoundState(
  tx: Transaction<Database>,
  id: string,
  state: RoundState,
  expectedVersion: number,
): Promise<boolean> {
  const r = await tx
    .updateTable('evaluation_rounds')
    .set({ state, version: expectedVersion + 1, updated_at: new Date() } as never)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export type StoredSheet = EvaluationSheet;

const toSheet = (r: {
  id: string;
  round_id: string;
  kind: 'project' | 'measure';
  code: string;
  department_code: string;
  state: SheetState;
  version: number;
  content: SheetContent;
  fiscal_year: number;
}): StoredSheet => ({
  id: r.id,
  roundId: r.round_id,
  fiscalYear: r.fiscal_year,
  kind: r.kind,
  code: r.code,
  departmentCode: r.department_code,
  state: r.state,
  version: r.version,
  content: r.content,
});

export async function insertSheets(
  tx: Transaction<Database>,
  sheets: readonly StoredSheet[],
  actor: string,
): Promise<void> {
  for (let i = 0; i < sheets.length; i += 500) {
    const chunk = sheets.slice(i, i + 500).map((s) => ({
      id: s.id,
      round_id: s.roundId,
      kind: s.kind,
      code: s.code,
      department_code: s.departmentCode,
      state: s.state,
      version: s.version,
      content: JSON.stringify(s.content),
      updated_by: actor,
    }));
    await tx.insertInto('evaluation_sheets').values(chunk).execute();
  }
}

function sheetQuery(db: Db) {
  return db
    .selectFrom('evaluation_sheets as s')
    .innerJoin('evaluation_rounds as r', 'r.id', 's.round_id')
    .select([
      's.id',
      's.round_id',
      's.kind',
      's.code',
      's.department_code',
      's.state',
      's.version',
      's.content',
      'r.fiscal_year',
    ]);
}

export async function listSheets(
  db: Db,
  roundId: string,
  opts: { departmentCode?: string } = {},
): Promise<StoredSheet[]> {
  let q = sheetQuery(db).where('s.round_id', '=', roundId);
  if (opts.departmentCode) q = q.where('s.department_code', '=', opts.departmentCode);
  const rows = await q.orderBy('s.kind', 'desc').orderBy('s.code', 'asc').execute();
  return rows.map(toSheet);
}

/** The sheets of one measure or project in the plan's rounds before a fiscal year, newest first. */
export async function listEarlierSheets(
  db: Db,
  q: { planId: number; kind: 'project' | 'measure'; code: string; beforeFiscalYear: number },
): Promise<StoredSheet[]> {
  const rows = await sheetQuery(db)
    .where('r.plan_id', '=', q.planId)
    .where('s.kind', '=', q.kind)
    .where('s.code', '=', q.code)
    .where('r.fiscal_year', '<', q.beforeFiscalYear)
    .orderBy('r.fiscal_year', 'desc')
    .execute();
  return rows.map(toSheet);
}

/** One sheet; `forUpdate` locks the row until the transaction ends. */
export async function findSheet(db: Db, id: string, opts: { forUpdate?: boolean } = {}) {
  let q = sheetQuery(db).where('s.id', '=', id);
  if (opts.forUpdate) q = q.forUpdate('s');
  const row = await q.executeTakeFirst();
  return row ? toSheet(row) : undefined;
}

/** Writes a sheet's state and content if still at `expectedVersion`; false on a conflict. */
export async function updateSheet(
  tx: Transaction<Database>,
  id: string,
  change: { state: SheetState; content: SheetContent; version: number },
  expectedVersion: number,
  actor: string,
): Promise<boolean> {
  const r = await tx
    .updateTable('evaluation_sheets')
    .set({
      state: change.state,
      content: JSON.stringify(change.content),
      version: change.version,
      updated_by: actor,
      updated_at: new Date(),
    } as never)
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export interface StoredComment {
  id: string;
  sheetId: string;
  parentId: string | null;
  author: { id: string; role: string; departmentCode?: string };
  at: string;
  text: string;
}

export async function listComments(db: Db, sheetIds: readonly string[]): Promise<StoredComment[]> {
  if (sheetIds.length === 0) return [];
  const rows = await db
    .selectFrom('evaluation_comments')
    .selectAll()
    .where('sheet_id', 'in', sheetIds)
    .orderBy('at', 'asc')
    .orderBy('id', 'asc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    sheetId: r.sheet_id,
    parentId: r.parent_id,
    author: r.author,
    at: new Date(r.at).toISOString(),
    text: r.text,
  }));
}

export async function insertComment(tx: Transaction<Database>, c: StoredComment): Promise<void> {
  await tx
    .insertInto('evaluation_comments')
    .values({
      id: c.id,
      sheet_id: c.sheetId,
      parent_id: c.parentId,
      author: JSON.stringify(c.author),
      at: c.at,
      text: c.text,
    })
    .execute();
}

export interface StoredReview {
  phase: number;
  conclusions: unknown[];
  version: number;
  /** When it was published (its conclusions are then final), or null. */
  publishedAt: Date | null;
}

export async function findReview(db: Db, planId: number, phase: number): Promise<StoredReview | undefined> {
  const r = await db
    .selectFrom('evaluation_reviews')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('phase', '=', phase)
    .executeTakeFirst();
  return r
    ? {
        phase: r.phase,
        conclusions: r.conclusions,
        version: r.version,
        publishedAt: r.published_at ? new Date(r.published_at as unknown as string) : null,
      }
    : undefined;
}

/** The published reviews of a plan, by phase. */
export async function listPublishedReviews(
  db: Db,
  planId: number,
): Promise<{ phase: number; publishedAt: Date }[]> {
  const rows = await db
    .selectFrom('evaluation_reviews')
    .select(['phase', 'published_at'])
    .where('plan_id', '=', planId)
    .where('published_at', 'is not', null)
    .orderBy('phase')
    .execute();
  return rows.map((r) => ({ phase: r.phase, publishedAt: new Date(r.published_at as unknown as string) }));
}

/** Publishes a review at the version read; false on a conflict or when it is already published. */
export async function publishReview(
  tx: Transaction<Database>,
  planId: number,
  phase: number,
  expectedVersion: number,
  actor: string,
): Promise<boolean> {
  const r = await tx
    .updateTable('evaluation_reviews')
    .set({
      version: expectedVersion + 1,
      // The transaction's time, as the report files stored with the publication (created_at).
      published_at: sql`now()`,
      published_by: actor,
      updated_by: actor,
      updated_at: new Date(),
    } as never)
    .where('plan_id', '=', planId)
    .where('phase', '=', phase)
    .where('version', '=', expectedVersion)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Saves a review's conclusions; `expectedVersion` 0 creates it. False on a conflict. */
export async function saveReview(
  tx: Transaction<Database>,
  planId: number,
  phase: number,
  conclusions: unknown[],
  expectedVersion: number,
  actor: string,
): Promise<boolean> {
  if (expectedVersion === 0) {
    const r = await tx
      .insertInto('evaluation_reviews')
      .values({
        plan_id: planId,
        phase,
        conclusions: JSON.stringify(conclusions),
        version: 1,
        updated_by: actor,
      })
      .onConflict((oc) => oc.columns(['plan_id', 'phase']).doNothing())
      .executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await tx
    .updateTable('evaluation_reviews')
    .set({
      conclusions: JSON.stringify(conclusions),
      version: expectedVersion + 1,
      updated_by: actor,
      updated_at: new Date(),
    } as never)
    .where('plan_id', '=', planId)
    .where('phase', '=', phase)
    .where('version', '=', expectedVersion)
    .where('published_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** When a published sheet of the plan last changed (null when none is published): open data's "modified". */
export async function newestPublishedSheetChange(db: Db, planId: number): Promise<Date | null> {
  const row = await db
    .selectFrom('evaluation_sheets')
    .innerJoin('evaluation_rounds', 'evaluation_rounds.id', 'evaluation_sheets.round_id')
    .where('evaluation_rounds.plan_id', '=', planId)
    .where('evaluation_sheets.state', '=', 'published')
    .select((eb) => eb.fn.max('evaluation_sheets.updated_at').as('at'))
    .executeTakeFirst();
  return row?.at ? new Date(row.at as unknown as string) : null;
}
