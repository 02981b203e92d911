/** Response schemas of the area, brand and sectoral-plan routes (zod, published as OpenAPI; checked against the app's types by respond()). */
import { z } from '@hono/zod-openapi';

const text = z.object({ ja: z.string(), en: z.string().optional() });
const layer = z.enum(['region', 'city', 'district', 'school-district']);
const position = z.array(z.number());

export const areaItemSchema = z.object({
  code: z.string(),
  layer,
  name: text,
  parent: z.string().nullable(),
  shares: z.array(z.object({ area: z.string(), share: z.number() })),
  children: z.array(z.string()),
  sample: z.boolean(),
});

export const boundariesGeoJsonSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      properties: z.object({ area: z.string() }),
      geometry: z.discriminatedUnion('type', [
        z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position)) }),
        z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(position))) }),
      ]),
    }),
  ),
  'mirai:source': z.string(),
  'mirai:licence': z.string(),
  'mirai:sample': z.boolean(),
  'mirai:version': z.number(),
});

const aggregation = z.enum(['sum', 'weighted-mean', 'none']);

export const areaViewSchema = z.object({
  area: areaItemSchema,
  layerName: text,
  ancestors: z.array(z.object({ code: z.string(), name: text, layer })),
  children: z.array(z.object({ code: z.string(), name: text, layer, sample: z.boolean() })),
  population: z
    .object({
      years: z.array(z.number()),
      totals: z.array(z.number().nullable()),
      sample: z.boolean(),
      method: z.string(),
      figures: z.array(z.string().nullable()),
    })
    .nullable(),
  happiness: z.array(
    z.object({
      code: z.string(),
      title: z.string(),
      question: z.string(),
      variable: z.string().nullable(),
      minCell: z.number(),
      status: z.enum(['shown', 'suppressed', 'no-area-variable', 'no-respondents']),
      estimate: z
        .object({ value: z.number(), lower: z.number(), upper: z.number(), n: z.number() })
        .optional(),
    }),
  ),
  indicators: z.array(
    z.object({
      code: z.string(),
      name: text,
      unit: text,
      sample: z.boolean(),
      fiscalYear: z.number().nullable(),
      value: z.number().nullable(),
      rollUp: z
        .object({
          aggregation,
          value: z.number().nullable(),
          missing: z.array(z.string()),
          inputs: z.array(z.object({ area: z.string(), value: z.number(), weight: z.number() })),
          fiscalYear: z.number(),
          method: text,
        })
        .nullable(),
      byDistrict: z.array(z.object({ area: z.string(), value: z.number().nullable() })),
    }),
  ),
  measures: z.array(
    z.object({
      code: z.string(),
      name: text,
      promotionPeriod: z.enum(['short', 'long']).nullable(),
      targetAreas: z.array(z.string()),
      partners: z.array(z.object({ code: z.string(), name: text, sample: z.boolean() })),
      sample: z.boolean(),
    }),
  ),
  map: z
    .object({
      tiles: z.array(z.object({ code: z.string(), col: z.number(), row: z.number(), name: text })),
      cols: z.number(),
      rows: z.number(),
    })
    .nullable(),
  outline: z
    .object({
      width: z.number(),
      height: z.number(),
      shapes: z.array(
        z.object({
          code: z.string(),
          d: z.string(),
          label: z.object({ x: z.number(), y: z.number() }),
          name: text,
        }),
      ),
      source: z.string(),
      licence: z.string(),
      sample: z.boolean(),
      version: z.number(),
    })
    .nullable(),
});

const brandLink = z.object({ code: z.string(), name: text, href: z.string(), sample: z.boolean() });
export const brandViewSchema = z
  .object({
    vision: text,
    value: text,
    identity: text,
    purpose: text.nullable(),
    assets: z.array(
      z.object({
        code: z.string().nullable(),
        name: text,
        fields: z.array(brandLink),
        measures: z.array(brandLink),
        indicators: z.array(brandLink),
      }),
    ),
  })
  .nullable();

const direction = z.enum(['higher-is-better', 'lower-is-better', 'within-band']);
export const sectoralPlanSchema = z.object({
  code: z.string(),
  name: text,
  department: z.string(),
  startFiscalYear: z.number(),
  endFiscalYear: z.number(),
  legalBasis: text.optional(),
  documentUrl: z.string().optional(),
  fields: z.array(z.string()),
  measures: z.array(z.string()),
  indicators: z.array(
    z.object({
      name: text,
      sameAs: z.string().optional(),
      direction,
      target: z.object({ fiscalYear: z.number(), value: z.number() }).optional(),
    }),
  ),
  status: z.enum(['draft', 'published']),
  sample: z.boolean().optional(),
});

const finding = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('crosses-phase-end'),
    phase: z.number(),
    phaseEndFiscalYear: z.number(),
    yearsBeyond: z.number(),
  }),
  z.object({
    kind: z.literal('outside-plan'),
    planEndFiscalYear: z.number(),
    planStartFiscalYear: z.number(),
  }),
  z.object({
    kind: z.literal('direction-contradicts'),
    indicator: z.string(),
    planDirection: z.string(),
    sectoralDirection: z.string(),
  }),
  z.object({
    kind: z.literal('target-contradicts'),
    indicator: z.string(),
    fiscalYear: z.number(),
    sectoralValue: z.number(),
    planValue: z.number(),
    basis: z.enum(['exact', 'path']),
  }),
  z.object({
    kind: z.literal('due-for-revision'),
    fiscalYear: z.number(),
    reason: z.enum(['ends', 'phase-review']),
  }),
]);

export const sectoralCheckSchema = z.object({
  plans: z.array(z.object({ code: z.string(), name: text, findings: z.array(finding) })),
  fieldsWithoutSectoralPlan: z.array(z.object({ code: z.string(), name: text })),
  currentFiscalYear: z.number(),
  registered: z.array(z.object({ plan: sectoralPlanSchema, version: z.number() })),
});
