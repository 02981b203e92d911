/**
 * Reading indicators: the list (each with baseline, targets, latest actual and
 * status), one indicator in full (every version of every value, projections),
 * and the plan's roll-up, all judged at one reference date.
 */
import {
  type ActualVersion,
  actualKey,
  buildRollupNodes,
  type CalendarDate,
  currentActuals,
  evaluateIndicatorStatus,
  fail,
  historyOf,
  type IndicatorDefinition,
  type IndicatorStatus,
  indicatorProblems,
  ok,
  type Result,
  type RollupFigure,
  rollUp,
} from '@mirai/core';
import { listActualVersions } from '@mirai/db';
import type { AppContext } from '../context';
import { audienceOf, memoRead } from '../read-scope';
import { type IndicatorScope, loadIndicatorScope, todayInTokyo } from './indicator-scope';

export interface ReadOptions {
  /** Reference date for "stale" (default: today in Asia/Tokyo). */
  asOf?: CalendarDate;
  /** Keep who entered each value (staff reads); public reads name no account. */
  withAuthors?: boolean;
}

/** What public reads show instead of the account that entered a value. */
export const hiddenAuthor = 'staff';

/**
 * Replaces every `enteredBy` in a read result, however deep, with `hiddenAuthor`. Only the
 * objects and arrays on the way to one are copied; the rest is shared (a read result is
 * never changed afterwards), so a list of 300 indicators copies 300 small objects, not all of it.
 */
function withoutAuthors<T>(value: T): T {
  if (Array.isArray(value)) {
    let out: unknown[] | undefined;
    for (let i = 0; i < value.length; i++) {
      const v: unknown = value[i];
      const w = withoutAuthors(v);
      if (w !== v) {
        out ??= value.slice();
        out[i] = w;
      }
    }
    return (out ?? value) as T;
  }
  if (!value || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value);
  // Anything but a plain object (none is expected) is copied entry by entry, as it always was.
  const plain = proto === Object.prototype || proto === null;
  let out: Record<string, unknown> | undefined = plain ? undefined : {};
  const record = value as Record<string, unknown>;
  for (const k of Object.keys(record)) {
    const v = record[k];
    const w = k === 'enteredBy' ? hiddenAuthor : withoutAuthors(v);
    if (w !== v || out) {
      out ??= { ...record };
      out[k] = w;
    }
  }
  return (out ?? value) as T;
}

export interface IndicatorSummary {
  code: string;
  name: IndicatorDefinition['name'];
  unit: IndicatorDefinition['unit'];
  kind: IndicatorDefinition['kind'];
  direction: IndicatorDefinition['direction'];
  serves: string;
  top: boolean;
  band?: IndicatorDefinition['band'];
  baseline: IndicatorDefinition['baseline'] | null;
  targets: IndicatorDefinition['targets'];
  finalTarget: IndicatorDefinition['finalTarget'] | null;
  frequency: IndicatorDefinition['frequency'];
  ownerDepartment: string | null;
  latest: ActualVersion | null;
  /** Projection series, each with its source (e.g. IPSS 2023 for the total population). */
  projections: NonNullable<IndicatorDefinition['projections']>;
  status: Omit<IndicatorStatus, 'actual'>;
  sample: boolean;
}

function summarize(
  scope: IndicatorScope,
  def: IndicatorDefinition,
  status: IndicatorStatus,
): IndicatorSummary {
  const { actual, ...rest } = status;
  const s: IndicatorSummary = {
    code: def.code,
    name: def.name,
    unit: def.unit,
    kind: def.kind,
    direction: def.direction,
    serves: def.serves,
    top: scope.document.topIndicators.includes(def.code),
    baseline: def.baseline ?? null,
    targets: def.targets,
    finalTarget: def.finalTarget ?? null,
    frequency: def.frequency,
    ownerDepartment: def.ownerDepartment ?? null,
    latest: actual ?? null,
    projections: def.projections ?? [],
    status: rest,
    sample: def.sample ?? false,
  };
  if (def.band) s.band = def.band;
  return s;
}

/**
 * Each indicator's status from the current values only, grouped once (not a scan per indicator),
 * and once per read scope: a page that shows the list, the roll-up and the goal tiles reads the
 * current values once, not once for each.
 */
function statusesOf(ctx: AppContext, scope: IndicatorScope, asOf: CalendarDate) {
  const key = `indicator-statuses:${audienceOf(ctx)}:${scope.planId}:${asOf.year}-${asOf.month}-${asOf.day}`;
  return memoRead(ctx, key, () => readStatuses(ctx, scope, asOf));
}

async function readStatuses(ctx: AppContext, scope: IndicatorScope, asOf: CalendarDate) {
  const versions = await listActualVersions(ctx.database.db, scope.planId, { current: true });
  const byCode = new Map<string, ActualVersion[]>();
  for (const v of versions) {
    const list = byCode.get(v.indicatorCode);
    if (list) list.push(v);
    else byCode.set(v.indicatorCode, [v]);
  }
  const statuses = scope.definitions.map((d) =>
    evaluateIndicatorStatus(d, byCode.get(d.code) ?? [], scope.settings.policy, { asOf }),
  );
  return { versions, statuses };
}

export async function listIndicators(
  ctx: AppContext,
  opts: ReadOptions = {},
): Promise<Result<IndicatorSummary[]>> {
  const scope = await loadIndicatorScope(ctx);
  if (!scope.ok) return scope;
  const { statuses } = await statusesOf(ctx, scope.value, opts.asOf ?? todayInTokyo());
  const list = scope.value.definitions.map((d, i) => summarize(scope.value, d, statuses[i]!));
  return ok(opts.withAuthors ? list : withoutAuthors(list));
}

export interface IndicatorDetail extends IndicatorSummary {
  definition: IndicatorDefinition;
  /** Every value with its versions, oldest version first. */
  values: {
    key: string;
    fiscalYear: number;
    date?: string;
    area?: string;
    current: ActualVersion;
    versions: ActualVersion[];
  }[];
  /** The status of each area the indicator is broken down by (same targets, the area's own values). */
  areaStatuses: { area: string; status: IndicatorStatus }[];
}

export async function showIndicator(
  ctx: AppContext,
  code: string,
  opts: ReadOptions = {},
): Promise<Result<IndicatorDetail>> {
  const scope = await loadIndicatorScope(ctx);
  if (!scope.ok) return scope;
  const def = scope.value.definitions.find((d) => d.code === code);
  if (!def) return fail(indicatorProblems.unknownIndicator.create({ code }, { field: 'code' }));
  const versions = await listActualVersions(ctx.database.db, scope.value.planId, { indicatorCodes: [code] });
  const status = evaluateIndicatorStatus(def, versions, scope.value.settings.policy, {
    asOf: opts.asOf ?? todayInTokyo(),
  });
  const values = currentActuals(versions)
    .sort((a, b) => a.fiscalYear - b.fiscalYear || (a.area ?? '').localeCompare(b.area ?? ''))
    .map((current) => {
      const key = actualKey(current);
      const v: IndicatorDetail['values'][number] = {
        key,
        fiscalYear: current.fiscalYear,
        current,
        versions: historyOf(versions, key),
      };
      if (current.date) v.date = current.date;
      if (current.area) v.area = current.area;
      return v;
    });
  const areaStatuses = (def.areas ?? []).map((area) => ({
    area,
    status: evaluateIndicatorStatus(def, versions, scope.value.settings.policy, {
      asOf: opts.asOf ?? todayInTokyo(),
      area,
    }),
  }));
  const detail: IndicatorDetail = {
    ...summarize(scope.value, def, status),
    definition: def,
    values,
    areaStatuses,
  };
  return ok(opts.withAuthors ? detail : withoutAuthors(detail));
}

export interface PlanProgress {
  asOf: CalendarDate;
  rule: IndicatorScope['settings']['rule'];
  scheme: { code: string; basis: string };
  figures: Record<string, RollupFigure>;
  topIndicators: IndicatorSummary[];
}

/** The roll-up of the whole plan: one figure per node, computed once. */
export async function getPlanProgress(
  ctx: AppContext,
  opts: ReadOptions = {},
): Promise<Result<PlanProgress>> {
  const scope = await loadIndicatorScope(ctx);
  if (!scope.ok) return scope;
  const asOf = opts.asOf ?? todayInTokyo();
  const { statuses } = await statusesOf(ctx, scope.value, asOf);
  const { rule, policy } = scope.value.settings;
  const nodes = buildRollupNodes(scope.value.document, scope.value.definitions);
  const figures = rollUp(nodes, statuses, rule, policy.scheme);
  if (!figures.ok) return figures;
  const top = scope.value.definitions
    .map((d, i) => [d, statuses[i]!] as const)
    .filter(([d]) => scope.value.document.topIndicators.includes(d.code))
    .map(([d, s]) => summarize(scope.value, d, s));
  return ok({
    asOf,
    rule,
    scheme: { code: policy.scheme.code, basis: policy.scheme.basis },
    figures: figures.value,
    // Public, like the list: its top indicators name no account either.
    topIndicators: opts.withAuthors ? top : withoutAuthors(top),
  });
}
