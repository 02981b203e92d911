/**
 * Estimates from a stored wave: the post-stratified mean with its confidence
 * interval, breakdowns with small cells suppressed, the plan's table, response
 * rates, and the estimate recorded as the indicator's actual value.
 */
import {
  type ActualVersion,
  type EstimateOutput,
  type EstimateSpec,
  estimateFromRows,
  fail,
  ok,
  type Result,
  type RowsTable,
  responseRates,
} from '@mirai/core';
import { audit, findWave, listWaves, loadWaveData, setWaveStatus } from '@mirai/db';
import type { AppContext } from '../context';
import {
  concurrentRecordProblem,
  insertPreparedActual,
  isUniqueViolation,
  type PreparedActual,
  prepareIndicatorActual,
} from '../indicators/record-actuals';
import { getCurrentPlan } from '../plan/plan-use-cases';
import { surveyWaveProblems as P } from './survey-wave-problems';

/** Published tables hide cells with fewer respondents than this (configurable per call). */
export const defaultMinCell = 10;

async function loadWave(ctx: AppContext, code: string) {
  const plan = await getCurrentPlan(ctx);
  if (!plan.ok) return plan;
  const wave = await findWave(ctx.database.db, plan.value.id, code);
  if (!wave) return fail(P.waveNotFound.create({ code }, { field: 'wave' }));
  const data = await loadWaveData(ctx.database.db, wave.id);
  return ok({ wave, data, planId: plan.value.id });
}

type Loaded = Extract<Awaited<ReturnType<typeof loadWave>>, { ok: true }>['value'];

function responsesTable(loaded: Loaded): RowsTable {
  const { wave, data } = loaded;
  const headers = [
    ...wave.attributes,
    ...wave.questions.map((q) => q.code),
    ...(wave.weight_column ? ['__weight'] : []),
  ];
  return {
    file: `wave:${wave.code}`,
    headers,
    rows: data.responses.map((r) => ({
      row: r.respondent_no,
      cells: {
        ...r.attributes,
        ...Object.fromEntries(Object.entries(r.answers).map(([k, v]) => [k, v === null ? '' : String(v)])),
        ...(r.weight !== null ? { __weight: String(r.weight) } : {}),
      },
    })),
  };
}

function populationTable(loaded: Loaded): RowsTable | undefined {
  const cells = loaded.data.population;
  if (cells.length === 0) return undefined;
  const vars = [...new Set(cells.flatMap((c) => Object.keys(c.cell)))];
  return {
    file: `wave:${loaded.wave.code}:population`,
    headers: [...vars, 'count'],
    rows: cells.map((c, i) => ({ row: i + 2, cells: { ...c.cell, count: String(c.count) } })),
  };
}

export interface WaveEstimateOptions {
  question?: string;
  by?: string;
  distribution?: boolean;
  variance?: EstimateSpec['variance'];
  minCell?: number;
}

export async function estimateSurveyWave(
  ctx: AppContext,
  code: string,
  opts: WaveEstimateOptions = {},
): Promise<Result<EstimateOutput & { wave: string; question: string }>> {
  const loaded = await loadWave(ctx, code);
  if (!loaded.ok) return loaded;
  const { wave } = loaded.value;
  const question = wave.questions.find((q) => q.code === (opts.question ?? wave.questions[0]?.code));
  if (!question) return fail(P.questionUnknown.create({ code: opts.question ?? '' }, { field: 'question' }));
  const population = populationTable(loaded.value);
  const spec: EstimateSpec = {
    variable: question.code,
    scale: { min: question.scale.min, max: question.scale.max },
    minCell: opts.minCell ?? defaultMinCell,
    ...(wave.weight_column ? { weights: '__weight' } : {}),
    ...(population && wave.calibration?.poststratify
      ? { poststratify: wave.calibration.poststratify, population }
      : {}),
    ...(population && wave.calibration?.rake ? { rake: wave.calibration.rake, population } : {}),
    ...(opts.by ? { by: opts.by } : {}),
    ...(opts.distribution ? { distribution: true } : {}),
    ...(opts.variance ? { variance: opts.variance } : {}),
  };
  const r = estimateFromRows(responsesTable(loaded.value), spec);
  return r.ok ? ok({ wave: wave.code, question: question.code, ...r.value }) : r;
}

export interface WaveTableRow {
  group: string;
  n: number;
  suppressed: boolean;
  mean?: number;
  se?: number;
  shares?: { value: number; share: number }[];
}

/** The plan's table: share answering each value and the mean, by group; overall calibrated. */
export async function surveyWaveTable(
  ctx: AppContext,
  code: string,
  opts: { question?: string; group?: string; minCell?: number } = {},
): Promise<
  Result<{
    wave: string;
    question: string;
    group: string;
    minCell: number;
    rows: WaveTableRow[];
    overall: EstimateOutput;
  }>
> {
  const group = opts.group ?? 'age_group';
  const minCell = opts.minCell ?? defaultMinCell;
  const overall = await estimateSurveyWave(ctx, code, { ...opts, by: group, distribution: true, minCell });
  if (!overall.ok) return overall;
  const loaded = await loadWave(ctx, code);
  if (!loaded.ok) return loaded;
  const table = responsesTable(loaded.value);
  const rows: WaveTableRow[] = [];
  for (const b of overall.value.by ?? []) {
    if (b.n < minCell) {
      rows.push({ group: b.level, n: b.n, suppressed: true });
      continue;
    }
    // Within one group every calibration factor is constant, so the group's own shares are the domain's shares.
    const subset: RowsTable = { ...table, rows: table.rows.filter((r) => r.cells[group] === b.level) };
    const d = estimateFromRows(subset, {
      variable: overall.value.question,
      distribution: true,
      ...(loaded.value.wave.weight_column ? { weights: '__weight' } : {}),
    });
    rows.push({
      group: b.level,
      n: b.n,
      suppressed: false,
      mean: b.estimate,
      se: b.se,
      ...(d.ok && d.value.distribution
        ? { shares: d.value.distribution.map((s) => ({ value: Number(s.value), share: s.share })) }
        : {}),
    });
  }
  const { by: _by, ...rest } = overall.value;
  return ok({ wave: code, question: overall.value.question, group, minCell, rows, overall: rest });
}

export async function surveyWaveResponseRates(ctx: AppContext, code: string, variable: string) {
  const loaded = await loadWave(ctx, code);
  if (!loaded.ok) return loaded;
  const invited: Record<string, number> = {};
  for (const i of loaded.value.data.invitations) if (i.variable === variable) invited[i.level] = i.invited;
  const responded: Record<string, number> = {};
  for (const r of loaded.value.data.responses) {
    const level = r.attributes[variable] ?? '';
    responded[level] = (responded[level] ?? 0) + 1;
  }
  return responseRates(invited, responded);
}

export async function listSurveyWaves(ctx: AppContext) {
  const plan = await getCurrentPlan(ctx);
  if (!plan.ok) return plan;
  return ok(await listWaves(ctx.database.db, plan.value.id));
}

/** Checks the wave's estimate as the linked indicator's actual for a fiscal year; writes nothing. */
async function prepareWaveActual(
  ctx: AppContext,
  code: string,
  opts: { fiscalYear: number; actor: string; question?: string },
): Promise<Result<PreparedActual>> {
  const est = await estimateSurveyWave(ctx, code, opts.question ? { question: opts.question } : {});
  if (!est.ok) return est;
  const loaded = await loadWave(ctx, code);
  if (!loaded.ok) return loaded;
  const q = loaded.value.wave.questions.find((x) => x.code === est.value.question);
  if (!q?.indicator)
    return fail(P.noIndicator.create({ question: est.value.question }, { field: 'question' }));
  return prepareIndicatorActual(
    ctx,
    {
      indicatorCode: q.indicator,
      fiscalYear: opts.fiscalYear,
      value: est.value.estimate,
      ci: { lower: est.value.ci[0], upper: est.value.ci[1] },
      sampleSize: est.value.n,
      source: `${loaded.value.wave.title}（調査回 ${code}）`,
      note: 'survey estimate (post-stratified where population cells are stored); 95% CI',
    },
    { actor: opts.actor },
  );
}

/** Records the wave's estimate (with its 95% interval and n) as the linked indicator's actual. */
export async function recordWaveAsIndicatorActual(
  ctx: AppContext,
  code: string,
  opts: { fiscalYear: number; actor: string; question?: string },
): Promise<Result<ActualVersion>> {
  const prepared = await prepareWaveActual(ctx, code, opts);
  if (!prepared.ok) return prepared;
  try {
    return ok(
      await ctx.database.db
        .transaction()
        .execute((tx) => insertPreparedActual(tx, prepared.value, opts.actor)),
    );
  } catch (e) {
    if (isUniqueViolation(e)) {
      const problem = await concurrentRecordProblem(ctx, prepared.value);
      if (problem) return problem;
    }
    throw e;
  }
}

/**
 * Publishes a wave (its tables become public), checking the expected version;
 * with `recordFiscalYear`, also records its estimate as the indicator's actual.
 * Everything is checked before anything is written, and both writes share one
 * transaction: a refused publish leaves the wave as it was.
 */
export async function publishSurveyWave(
  ctx: AppContext,
  code: string,
  opts: { actor: string; expectedVersion: number; recordFiscalYear?: number },
): Promise<Result<{ code: string; version: number; recorded?: ActualVersion }>> {
  const loaded = await loadWave(ctx, code);
  if (!loaded.ok) return loaded;
  let prepared: PreparedActual | undefined;
  if (opts.recordFiscalYear !== undefined) {
    const p = await prepareWaveActual(ctx, code, { fiscalYear: opts.recordFiscalYear, actor: opts.actor });
    if (!p.ok) return p;
    prepared = p.value;
  }
  try {
    const done = await ctx.database.db.transaction().execute(async (tx) => {
      if (!(await setWaveStatus(tx, loaded.value.wave.id, 'published', opts.expectedVersion))) return false;
      await audit(tx, {
        actor: opts.actor,
        action: 'survey.wave.publish',
        entityType: 'survey-wave',
        entityId: code,
        before: { status: loaded.value.wave.status, version: loaded.value.wave.version },
        after: { status: 'published', version: opts.expectedVersion + 1 },
      });
      return { recorded: prepared ? await insertPreparedActual(tx, prepared, opts.actor) : undefined };
    });
    if (!done)
      return fail(P.staleVersion.create({ expected: opts.expectedVersion }, { field: 'expectedVersion' }));
    return ok({
      code,
      version: opts.expectedVersion + 1,
      ...(done.recorded ? { recorded: done.recorded } : {}),
    });
  } catch (e) {
    if (prepared && isUniqueViolation(e)) {
      const problem = await concurrentRecordProblem(ctx, prepared);
      if (problem) return problem;
    }
    throw e;
  }
}

/** Published waves only: what the public may see. */
export async function listPublishedSurveyWaves(ctx: AppContext) {
  const all = await listSurveyWaves(ctx);
  return all.ok ? ok(all.value.filter((w) => w.status === 'published')) : all;
}

/** The plan's table of a published wave (not found for drafts, so drafts stay private). */
export async function publishedSurveyWaveTable(
  ctx: AppContext,
  code: string,
  opts: { question?: string; group?: string } = {},
) {
  const loaded = await loadWave(ctx, code);
  if (!loaded.ok) return loaded;
  if (loaded.value.wave.status !== 'published')
    return fail(P.waveNotFound.create({ code }, { field: 'wave' }));
  return surveyWaveTable(ctx, code, opts);
}
