/**
 * Area boundaries as data: a GeoJSON file with its source and licence, checked
 * against the plan's area codes and stored in the database for the plan's
 * municipality (the next version, audited, all or nothing). The map reads them
 * from there; nothing is fetched or read from the repository at run time.
 */
import {
  type BoundaryFeature,
  boundaryProblems,
  fail,
  ok,
  type Problem,
  parseBoundaries,
  type Result,
} from '@mirai/core';
import { audit, currentBoundaries, type StoredBoundarySet, saveBoundaries } from '@mirai/db';
import type { AppContext } from '../context';
import { getCurrentPlan, readPlan } from '../plan/plan-use-cases';
import { memoRead } from '../read-scope';

export interface BoundaryImportInput {
  text: string;
  file: string;
  source: string;
  licence: string;
  sample?: boolean;
}

export interface BoundaryImportResult {
  municipalityCode: string;
  version: number;
  areas: string[];
  dryRun: boolean;
}

/** Checks and stores a boundaries file; with dryRun, checks only. */
export async function importAreaBoundaries(
  ctx: AppContext,
  input: BoundaryImportInput,
  opts: { actor: string; dryRun?: boolean },
): Promise<Result<BoundaryImportResult>> {
  const plan = await getCurrentPlan(ctx);
  if (!plan.ok) return plan;
  const problems: Problem[] = [];
  for (const field of ['source', 'licence'] as const)
    if (!input[field].trim())
      problems.push(boundaryProblems.missingProvenance.create({ field }, { file: input.file, field }));
  const parsed = parseBoundaries(
    input.text,
    input.file,
    plan.value.document.areas.map((a) => a.code),
  );
  if (!parsed.ok) problems.push(...parsed.problems);
  if (problems.length > 0 || !parsed.ok) return fail(problems);
  const municipalityCode = plan.value.document.municipality.code;
  const areas = parsed.value.map((f) => f.area);
  if (opts.dryRun) return ok({ municipalityCode, version: 0, areas, dryRun: true });
  const version = await ctx.database.db.transaction().execute(async (tx) => {
    const v = await saveBoundaries(
      tx,
      {
        municipalityCode,
        source: input.source.trim(),
        licence: input.licence.trim(),
        sample: input.sample === true,
        fileName: input.file,
        features: parsed.value,
      },
      opts.actor,
    );
    await audit(tx, {
      actor: opts.actor,
      action: 'areas.boundaries.import',
      entityType: 'area-boundaries',
      entityId: `${municipalityCode}/v${v}`,
      after: { version: v, areas, file: input.file, source: input.source, licence: input.licence },
    });
    return v;
  });
  return ok({ municipalityCode, version, areas, dryRun: false });
}

export interface BoundariesView {
  municipalityCode: string;
  version: number;
  source: string;
  licence: string;
  sample: boolean;
  features: BoundaryFeature[];
  createdAt: Date;
}

const toView = (b: StoredBoundarySet): BoundariesView => ({
  municipalityCode: b.municipalityCode,
  version: b.version,
  source: b.source,
  licence: b.licence,
  sample: b.sample,
  features: b.features,
  createdAt: b.createdAt,
});

/** The current boundaries of the readable plan's municipality (null when none), once per read scope. */
export function readAreaBoundaries(
  ctx: AppContext,
  opts: { includeDraft?: boolean } = {},
): Promise<Result<BoundariesView | null>> {
  return memoRead(ctx, `area-boundaries:${opts.includeDraft ? 'current' : 'read'}`, async () => {
    const plan = opts.includeDraft ? await getCurrentPlan(ctx) : await readPlan(ctx);
    if (!plan.ok) return plan;
    const b = await currentBoundaries(ctx.database.db, plan.value.document.municipality.code);
    return ok(b ? toView(b) : null);
  });
}

/** The boundaries as a GeoJSON FeatureCollection (for the API and open data). */
export function boundariesGeoJson(b: BoundariesView) {
  return {
    type: 'FeatureCollection' as const,
    features: b.features.map((f) => ({
      type: 'Feature' as const,
      properties: { area: f.area },
      geometry: f.geometry,
    })),
    'mirai:source': b.source,
    'mirai:licence': b.licence,
    'mirai:sample': b.sample,
    'mirai:version': b.version,
  };
}
