/**
 * The register of sectoral plans (個別計画): list (the public sees published
 * ones), add and update (checked against the comprehensive plan's codes,
 * all-or-nothing, audited, optimistic locking), and the alignment check.
 */
import {
  type AlignmentReport,
  checkSectoralAlignment,
  fail,
  fiscalYearOf,
  ok,
  sectoralProblems as P,
  type PlanDocument,
  type Problem,
  type Result,
  type SectoralPlan,
} from '@mirai/core';
import {
  audit,
  findSectoralPlan,
  insertSectoralPlan,
  listSectoralPlans,
  type StoredSectoralPlan,
  updateSectoralPlan,
} from '@mirai/db';
import { parse as parseYaml } from 'yaml';
import type { AppContext } from '../context';
import { todayInTokyo } from '../indicators/indicator-scope';
import { getCurrentPlan, getPublishedPlan, readPlan } from '../plan/plan-use-cases';
import { audienceOf } from '../read-scope';
import { sectoralPlanSchema } from './sectoral-plan-schema';

export interface SectoralReadOptions {
  /** Staff: drafts too, checked against the current (possibly draft) plan. */
  includeDrafts?: boolean;
}

export async function getSectoralPlans(
  ctx: AppContext,
  opts: SectoralReadOptions = {},
): Promise<StoredSectoralPlan[]> {
  return listSectoralPlans(ctx.database.db, { publishedOnly: !opts.includeDrafts });
}

/** Parses and checks a sectoral plan against the plan's codes; every problem at once. */
export function validateSectoralPlan(input: unknown, doc: PlanDocument): Result<SectoralPlan> {
  const parsed = sectoralPlanSchema.safeParse(input);
  if (!parsed.success) {
    return fail(
      parsed.error.issues.map(
        (i): Problem => ({
          code: 'sectoral/invalid',
          kind: 'invalid',
          message: { ja: `入力が不正です: ${i.message}`, en: `Invalid input: ${i.message}` },
          where: { path: i.path.join('.') },
        }),
      ),
    );
  }
  const sp = parsed.data as SectoralPlan;
  const problems: Problem[] = [];
  if (sp.endFiscalYear < sp.startFiscalYear)
    problems.push(
      P.invalidPeriod.create(
        { start: sp.startFiscalYear, end: sp.endFiscalYear },
        { field: 'endFiscalYear' },
      ),
    );
  const known = (list: { code: string }[]) => new Set(list.map((x) => x.code));
  const check = (codes: string[], set: Set<string>, expected: string, path: string) =>
    codes.forEach((c, i) => {
      if (!set.has(c)) problems.push(P.unknownCode.create({ code: c, expected }, { path: `${path}[${i}]` }));
    });
  check(sp.fields, known(doc.fields), 'field', 'fields');
  check(sp.measures, known(doc.measures), 'measure', 'measures');
  check([sp.department], known(doc.departments), 'department', 'department');
  sp.indicators.forEach((x, i) => {
    if (x.sameAs && !doc.indicators.some((d) => d.code === x.sameAs))
      problems.push(
        P.unknownCode.create({ code: x.sameAs, expected: 'indicator' }, { path: `indicators[${i}].sameAs` }),
      );
  });
  return problems.length ? fail(problems) : ok(sp);
}

export async function saveSectoralPlan(
  ctx: AppContext,
  input: unknown,
  opts: { actor: string; expectedVersion?: number },
): Promise<Result<{ code: string; version: number }>> {
  const plan = await getCurrentPlan(ctx);
  if (!plan.ok) return plan;
  const valid = validateSectoralPlan(input, plan.value.document);
  if (!valid.ok) return valid;
  const sp = valid.value;
  return ctx.database.db.transaction().execute(async (tx) => {
    const existing = await findSectoralPlan(tx, sp.code);
    if (!existing) {
      if (opts.expectedVersion !== undefined && opts.expectedVersion !== 0)
        return fail(P.notFound.create({ code: sp.code }, { field: 'code' }));
      await insertSectoralPlan(tx, sp, opts.actor);
      await audit(tx, {
        actor: opts.actor,
        action: 'sectoral-plan.create',
        entityType: 'sectoral-plan',
        entityId: sp.code,
        after: sp,
      });
      return ok({ code: sp.code, version: 1 });
    }
    if (opts.expectedVersion === undefined)
      return fail(P.duplicateCode.create({ code: sp.code }, { field: 'code' }));
    if (!(await updateSectoralPlan(tx, sp, opts.expectedVersion, opts.actor)))
      return fail(
        P.staleVersion.create(
          { code: sp.code, expected: opts.expectedVersion, actual: existing.version },
          { field: 'expectedVersion' },
        ),
      );
    await audit(tx, {
      actor: opts.actor,
      action: 'sectoral-plan.update',
      entityType: 'sectoral-plan',
      entityId: sp.code,
      before: existing.plan,
      after: sp,
    });
    return ok({ code: sp.code, version: opts.expectedVersion + 1 });
  });
}

export interface SectoralCheckView extends AlignmentReport {
  currentFiscalYear: number;
  registered: { plan: SectoralPlan; version: number }[];
}

/** The alignment check, for the fiscal year of today in Japan unless told. */
export async function checkSectoralPlans(
  ctx: AppContext,
  opts: SectoralReadOptions & { fiscalYear?: number } = {},
): Promise<Result<SectoralCheckView>> {
  // A public read scope reads the published plan once per request; otherwise read it here.
  const plan = opts.includeDrafts
    ? await getCurrentPlan(ctx)
    : audienceOf(ctx) === 'public'
      ? await readPlan(ctx)
      : await getPublishedPlan(ctx);
  if (!plan.ok) return plan;
  const stored = await getSectoralPlans(ctx, opts);
  const fy = opts.fiscalYear ?? fiscalYearOf(todayInTokyo());
  const doc = plan.value.document;
  const report = checkSectoralAlignment(
    { ...doc, startFiscalYear: doc.plan.startFiscalYear, endFiscalYear: doc.plan.endFiscalYear },
    stored.map((s) => s.plan),
    fy,
  );
  return ok({
    ...report,
    currentFiscalYear: fy,
    registered: stored.map((s) => ({ plan: s.plan, version: s.version })),
  });
}

/** Reads sectoral plans from YAML or JSON text: one plan, or a list of them. */
export function parseSectoralPlansText(text: string, file: string): Result<unknown[]> {
  try {
    const value: unknown = parseYaml(text, { maxAliasCount: 0 });
    return ok(Array.isArray(value) ? value : [value]);
  } catch (e) {
    return fail(
      P.unreadable.create(
        { file, reason: e instanceof Error ? (e.message.split('\n')[0] ?? '') : String(e) },
        { file },
      ),
    );
  }
}
