/**
 * Areas, brand and sectoral plans over HTTP: the public reads the published
 * plan's areas (every layer, one area's page data), the brand with its links,
 * and the published sectoral plans with the alignment check; staff read drafts
 * too and register sectoral plans (expected version on update, audited).
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  actorLabel,
  areaProblems,
  boundariesGeoJson,
  checkSectoralPlans,
  getAreaView,
  getBrandView,
  importAreaBoundaries,
  listAreaItems,
  readAreaBoundaries,
  saveSectoralPlan,
} from '@mirai/app';
import { ok } from '@mirai/core';
import type { ApiEnv } from '../api-env';
import { json, jsonBody, respond, respondProblems } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';
import {
  areaItemSchema,
  areaViewSchema,
  boundariesGeoJsonSchema,
  brandViewSchema,
  sectoralCheckSchema,
} from './areas.schemas';

const text = z.object({ ja: z.string(), en: z.string().optional() });
const areaItem = areaItemSchema;
const errors = {
  404: json(errorSchema, 'No such area or no published plan'),
};

const listRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/areas',
    tags: ['areas'],
    summary: 'Every area with its layer and parent (school districts with their district shares)',
    responses: {
      200: json(
        z.object({ layers: z.array(z.object({ layer: z.string(), name: text })), areas: z.array(areaItem) }),
        'Areas',
      ),
      ...errors,
    },
  }),
);
const boundariesRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/areas/boundaries',
    tags: ['areas'],
    summary:
      "The municipality's area boundaries as GeoJSON, with source and licence (404 when none are stored)",
    responses: {
      200: json(
        boundariesGeoJsonSchema,
        'A GeoJSON FeatureCollection (mirai:source, mirai:licence, mirai:sample)',
      ),
      ...errors,
    },
  }),
);
const importBoundariesRoute = withPolicy(
  'areas:import-boundaries',
  createRoute({
    method: 'post',
    path: '/api/v1/staff/areas/boundaries',
    tags: ['areas'],
    summary:
      'Import area boundaries (GeoJSON) with their source and licence: checked, all or nothing, audited',
    request: {
      body: jsonBody(
        z.object({
          geojson: z.object({}).passthrough(),
          fileName: z.string().max(200).default('boundaries.geojson'),
          source: z.string().max(500),
          licence: z.string().max(200),
          sample: z.boolean().optional(),
          dryRun: z.boolean().optional(),
        }),
      ),
    },
    responses: {
      200: json(
        z.object({
          municipalityCode: z.string(),
          version: z.number(),
          areas: z.array(z.string()),
          dryRun: z.boolean(),
        }),
        'Imported (or checked, with dryRun)',
      ),
      422: json(errorSchema, 'The file has problems (each with its path)'),
      404: json(errorSchema, 'No plan stored'),
    },
  }),
);
const areaRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/areas/{code}',
    tags: ['areas'],
    summary: 'One area: population, indicators (rolled up where allowed), measures, district map',
    request: { params: z.object({ code: z.string().max(64) }) },
    responses: { 200: json(areaViewSchema, 'The area'), ...errors },
  }),
);
const brandRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/brand',
    tags: ['plan'],
    summary: 'The brand philosophy and assets with the fields, measures and indicators linked to them',
    responses: { 200: json(brandViewSchema, 'The brand (null when the plan has none)'), ...errors },
  }),
);
const sectoralRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/sectoral-plans',
    tags: ['sectoral-plans'],
    summary: 'Published sectoral plans and their alignment with the published plan',
    responses: { 200: json(sectoralCheckSchema, 'Registered plans and the alignment report'), ...errors },
  }),
);
const staffSectoralRoute = withPolicy(
  'sectoral:read-draft',
  createRoute({
    method: 'get',
    path: '/api/v1/staff/sectoral-plans',
    tags: ['sectoral-plans'],
    summary: 'Every sectoral plan, drafts included, checked against the current plan version',
    request: { query: z.object({ fiscalYear: z.coerce.number().int().min(1900).max(2200).optional() }) },
    responses: { 200: json(sectoralCheckSchema, 'Registered plans and the alignment report'), ...errors },
  }),
);
const saveRoute = withPolicy(
  'sectoral:manage',
  createRoute({
    method: 'post',
    path: '/api/v1/staff/sectoral-plans',
    tags: ['sectoral-plans'],
    summary: 'Register a sectoral plan, or update one read at expectedVersion',
    request: {
      body: jsonBody(
        z.object({ plan: z.object({}).passthrough(), expectedVersion: z.number().int().min(0).optional() }),
      ),
    },
    responses: {
      200: json(z.object({ code: z.string(), version: z.number() }), 'Saved'),
      409: json(errorSchema, 'Already registered, or changed by someone else since it was read'),
      422: json(errorSchema, 'The sectoral plan has problems (each with its path)'),
      404: json(errorSchema, 'No plan stored'),
    },
  }),
);

export function registerAreas(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listRoute, async (c) => respond(c, await listAreaItems(c.get('ctx'))));
  app.openapi(boundariesRoute, async (c) => {
    const b = await readAreaBoundaries(c.get('ctx'));
    if (!b.ok) return respondProblems(c, b);
    if (!b.value) return respondProblems(c, { problems: [areaProblems.noBoundaries.create({})] });
    return respond(c, ok(boundariesGeoJson(b.value)));
  });
  app.openapi(importBoundariesRoute, async (c) => {
    const body = c.req.valid('json');
    return respond(
      c,
      await importAreaBoundaries(
        c.get('ctx'),
        {
          text: JSON.stringify(body.geojson),
          file: body.fileName,
          source: body.source,
          licence: body.licence,
          ...(body.sample !== undefined ? { sample: body.sample } : {}),
        },
        { actor: actorLabel(c.get('actor')), ...(body.dryRun ? { dryRun: true } : {}) },
      ),
    );
  });
  app.openapi(areaRoute, async (c) => respond(c, await getAreaView(c.get('ctx'), c.req.valid('param').code)));
  app.openapi(brandRoute, async (c) => respond(c, await getBrandView(c.get('ctx'))));
  app.openapi(sectoralRoute, async (c) => respond(c, await checkSectoralPlans(c.get('ctx'))));
  app.openapi(staffSectoralRoute, async (c) => {
    const { fiscalYear } = c.req.valid('query');
    return respond(
      c,
      await checkSectoralPlans(c.get('ctx'), { includeDrafts: true, ...(fiscalYear ? { fiscalYear } : {}) }),
    );
  });
  app.openapi(saveRoute, async (c) => {
    const { plan, expectedVersion } = c.req.valid('json');
    return respond(
      c,
      await saveSectoralPlan(c.get('ctx'), plan, {
        actor: actorLabel(c.get('actor')),
        ...(expectedVersion !== undefined ? { expectedVersion } : {}),
      }),
    );
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const areaRoutes = [
  listRoute,
  boundariesRoute,
  importBoundariesRoute,
  areaRoute,
  brandRoute,
  sectoralRoute,
  staffSectoralRoute,
  saveRoute,
] as const;
