/**
 * Plan use cases: validate, import (all-or-nothing, versioned, audited),
 * export, and read the tree.
 */
import {
  buildPlanTree,
  defineProblem,
  fail,
  findField,
  ok,
  type PlanDocument,
  type Result,
} from '@mirai/core';
import {
  findCurrentPlan,
  inPlanMunicipality,
  isUniqueViolation,
  listPlanVersions,
  MunicipalityNotRegistered,
  PlanMunicipalityMismatch,
  PlanVersionConflict,
  type StoredPlan,
  savePlanVersion,
} from '@mirai/db';
import type { AppContext } from '../context';
import { audienceOf, memoRead, staffReads } from '../read-scope';
import { loadPlanText } from './load-plan';
import { type PlanFormat, serializePlan } from './serialize-plan';

export const planUseCaseProblems = {
  municipalityMismatch: defineProblem<{ named: string; bound: string }>(
    'plan/municipality-mismatch',
    'invalid',
    (p) => ({
      ja: `計画の市区町村コード ${p.named} は、この環境の市区町村 ${p.bound} と一致しません（別の市区町村は mirai municipalities add で追加します）`,
      en: `The plan is for municipality ${p.named}, but this work is for ${p.bound} (add another municipality with mirai municipalities add)`,
    }),
  ),
  municipalityNotRegistered: defineProblem<{ code: string }>(
    'plan/municipality-not-registered',
    'invalid',
    (p) => ({
      ja: `市区町村 ${p.code} は登録されていません（mirai municipalities add で追加します）`,
      en: `Municipality ${p.code} is not registered (add it with mirai municipalities add)`,
    }),
  ),
  noPlan: defineProblem('plan/not-found', 'not-found', () => ({
    ja: '計画が登録されていません',
    en: 'No plan is stored',
  })),
  fieldNotFound: defineProblem<{ code: string }>('plan/field-not-found', 'not-found', ({ code }) => ({
    ja: `分野「${code}」は見つかりません`,
    en: `Field "${code}" not found`,
  })),
  versionConflict: defineProblem<{ expected: number; actual: number }>(
    'plan/version-conflict',
    'conflict',
    (p) => ({
      ja: `計画は他の人が更新しました（想定版 ${p.expected}、現在の版 ${p.actual}）。最新を読み込んでからやり直してください`,
      en: `The plan was changed by someone else (expected version ${p.expected}, now ${p.actual}); reload and retry`,
    }),
  ),
};

/** Runs plan work bound to the municipality the plan names (tenancy: decision 0135), as problems when it may not. */
export async function inMunicipalityOf<T>(
  ctx: AppContext,
  doc: PlanDocument,
  fn: () => Promise<Result<T>>,
): Promise<Result<T>> {
  try {
    return await inPlanMunicipality(ctx.database.db, doc.municipality, fn);
  } catch (error) {
    if (error instanceof PlanMunicipalityMismatch)
      return fail(
        planUseCaseProblems.municipalityMismatch.create({ named: error.named, bound: error.bound }),
      );
    if (error instanceof MunicipalityNotRegistered)
      return fail(planUseCaseProblems.municipalityNotRegistered.create({ code: error.code }));
    throw error;
  }
}

export function validatePlan(text: string, file: string): Result<PlanDocument> {
  return loadPlanText(text, file);
}

export interface ImportPlanResult {
  code: string;
  version: number;
  dryRun: boolean;
}

export async function importPlan(
  ctx: AppContext,
  text: string,
  file: string,
  opts: { actor: string; dryRun?: boolean; expectedVersion?: number; note?: string },
): Promise<Result<ImportPlanResult>> {
  const loaded = loadPlanText(text, file);
  if (!loaded.ok) return loaded;
  const doc = loaded.value;
  return inMunicipalityOf(ctx, doc, () => storePlan(ctx, doc, opts));
}

async function storePlan(
  ctx: AppContext,
  doc: PlanDocument,
  opts: { actor: string; dryRun?: boolean; expectedVersion?: number; note?: string },
): Promise<Result<ImportPlanResult>> {
  if (opts.dryRun) {
    const current = await findCurrentPlan(ctx.database.db, doc.plan.code);
    return ok({ code: doc.plan.code, version: (current?.version ?? 0) + 1, dryRun: true });
  }
  try {
    const saved = await ctx.database.db.transaction().execute((tx) =>
      savePlanVersion(tx, doc, {
        actor: opts.actor,
        expectedVersion: opts.expectedVersion,
        note: opts.note,
      }),
    );
    return ok({ code: saved.code, version: saved.version, dryRun: false });
  } catch (error) {
    if (error instanceof PlanVersionConflict) {
      return fail(
        planUseCaseProblems.versionConflict.create({ expected: error.expected, actual: error.actual }),
      );
    }
    if (isUniqueViolation(error)) {
      // The same plan created by another import at the same moment.
      const now = await findCurrentPlan(ctx.database.db, doc.plan.code);
      return fail(
        planUseCaseProblems.versionConflict.create({
          expected: opts.expectedVersion ?? 0,
          actual: now?.version ?? 0,
        }),
      );
    }
    throw error;
  }
}

/** The current version of the plan, drafts included (for staff and for writes). */
export async function getCurrentPlan(ctx: AppContext, code?: string): Promise<Result<StoredPlan>> {
  const plan = await findCurrentPlan(ctx.database.db, code);
  return plan ? ok(plan) : fail(planUseCaseProblems.noPlan.create({}));
}

/** The newest approved or revised version: what citizens see. A draft is never public. */
export async function getPublishedPlan(ctx: AppContext, code?: string): Promise<Result<StoredPlan>> {
  const plan = await findCurrentPlan(ctx.database.db, code, { publishedOnly: true });
  return plan ? ok(plan) : fail(planUseCaseProblems.noPlan.create({}));
}

export interface PlanReadOptions {
  /** Read the current version even when it is a draft (staff only); default: the context's audience. */
  includeDraft?: boolean;
}

/**
 * The plan version this context may read, once per read scope: the newest
 * published one for the public, the current one (a draft included) for staff.
 */
export function readPlan(ctx: AppContext, code?: string): Promise<Result<StoredPlan>> {
  const staff = audienceOf(ctx) === 'staff';
  return memoRead(ctx, `plan:${code ?? ''}:${staff ? 'current' : 'published'}`, () =>
    staff ? getCurrentPlan(ctx, code) : getPublishedPlan(ctx, code),
  );
}

const planFor = (ctx: AppContext, opts: PlanReadOptions, code?: string) =>
  opts.includeDraft === undefined
    ? readPlan(ctx, code)
    : opts.includeDraft
      ? readPlan(staffReads(ctx), code)
      : getPublishedPlan(ctx, code);

/** The plan as YAML or JSON text: the version this context may read. */
export async function exportPlan(
  ctx: AppContext,
  format: PlanFormat,
  code?: string,
): Promise<Result<string>> {
  const plan = await readPlan(ctx, code);
  return plan.ok ? ok(serializePlan(plan.value.document, format)) : plan;
}

export async function getPlanTree(ctx: AppContext, code?: string, opts: PlanReadOptions = {}) {
  const plan = await planFor(ctx, opts, code);
  if (!plan.ok) return plan;
  return ok({ version: plan.value.version, ...buildPlanTree(plan.value.document) });
}

export async function getField(ctx: AppContext, fieldCode: string, opts: PlanReadOptions = {}) {
  const plan = await planFor(ctx, opts);
  if (!plan.ok) return plan;
  const field = findField(plan.value.document, fieldCode);
  return field
    ? ok(field)
    : fail(planUseCaseProblems.fieldNotFound.create({ code: fieldCode }, { field: 'code' }));
}

/** The plan's versions; the public sees the approved and revised ones only. */
export async function getPlanHistory(ctx: AppContext) {
  const plan = await readPlan(ctx);
  if (!plan.ok) return plan;
  const versions = await listPlanVersions(ctx.database.db, plan.value.id);
  return ok(audienceOf(ctx) === 'staff' ? versions : versions.filter((v) => v.status !== 'draft'));
}
