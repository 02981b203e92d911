/**
 * The shape of a plan file (YAML or JSON), as a zod schema. Only what every
 * plan has is required; the core's normalizePlan fills the defaults. The
 * published JSON Schema (data/schema/plan.schema.json) is generated from it.
 */
import { type PlanInput, relationshipFacets } from '@mirai/core';
import { z } from 'zod';

const text = z.strictObject({ ja: z.string().min(1), en: z.string().optional() });
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, - and _ only');
const fiscalYear = z.number().int().min(1900).max(2200);
const sample = z.boolean().optional();

const interval = z.strictObject({
  lower: z.number(),
  upper: z.number(),
  level: z.number().gt(0).lt(1).optional(),
});

const target = z.strictObject({
  fiscalYear,
  value: z.number(),
  comparison: z.enum(['at-least', 'at-most', 'equal']).optional(),
});

const indicator = z.strictObject({
  code,
  name: text,
  unit: text,
  kind: z.enum(['statistic', 'survey', 'administrative']).optional(),
  direction: z.enum(['higher-is-better', 'lower-is-better', 'within-band']),
  band: z.strictObject({ lower: z.number(), upper: z.number() }).optional(),
  range: z.strictObject({ min: z.number().optional(), max: z.number().optional() }).optional(),
  precision: z.number().int().min(0).max(6).optional(),
  baseline: z
    .strictObject({
      value: z.number(),
      asOf: z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD'),
      source: text,
      note: text.optional(),
      sampleSize: z.number().int().positive().optional(),
      responseRate: z.number().min(0).max(1).optional(),
      ci: interval.optional(),
    })
    .optional(),
  targets: z.array(target).optional(),
  finalTarget: target.optional(),
  frequency: z.enum(['yearly', 'quarterly', 'census', 'irregular']).optional(),
  publicationLagMonths: z.number().int().min(0).max(60).optional(),
  ownerDepartment: code.optional(),
  areas: z.array(code).optional(),
  areaAggregation: z.enum(['sum', 'weighted-mean', 'none']).optional(),
  serves: code,
  survey: z
    .strictObject({
      question: text,
      scale: z.strictObject({
        min: z.number(),
        max: z.number(),
        anchors: z.record(z.string(), text).optional(),
      }),
    })
    .optional(),
  projections: z
    .array(z.strictObject({ code, name: text, source: text, values: z.record(z.string(), z.number()) }))
    .optional(),
  relationshipPopulation: z
    .strictObject({
      facet: z.enum(relationshipFacets),
      source: text,
    })
    .optional(),
  sample,
});

export const planDocumentSchema = z.strictObject({
  formatVersion: z.literal(1),
  municipality: z.strictObject({
    code: z.string().regex(/^\d{5,6}$/, 'a 5- or 6-digit municipality code'),
    name: text,
    prefecture: text.optional(),
    // Where citizens reach the plan's office (the contact page); every field optional.
    contact: z
      .strictObject({
        office: text.optional(),
        postalCode: z.string().optional(),
        address: text.optional(),
        phone: z.string().optional(),
        fax: z.string().optional(),
        email: z.string().email().optional(),
        url: z.string().url().optional(),
        hours: text.optional(),
      })
      .optional(),
  }),
  plan: z.strictObject({
    code,
    ordinal: z.number().int().positive().optional(),
    title: text,
    subtitle: text.optional(),
    startFiscalYear: fiscalYear,
    endFiscalYear: fiscalYear,
    status: z.enum(['draft', 'approved', 'revised']),
    adopted: z.string().optional(),
    revisions: z.array(z.strictObject({ date: z.string(), summary: text })).optional(),
  }),
  levelNames: z
    .strictObject({
      strategy: text.optional(),
      field: text.optional(),
      phase: text.optional(),
      measure: text.optional(),
      project: text.optional(),
    })
    .optional(),
  vision: z
    .strictObject({
      slogan: text,
      summary: text.optional(),
      aims: z.array(text).optional(),
      approaches: z.array(text).optional(),
      meanings: z.array(z.strictObject({ word: z.string(), summary: text })).optional(),
    })
    .optional(),
  brand: z
    .strictObject({
      vision: text,
      value: text,
      identity: text,
      purpose: text.nullable(),
      assets: z.array(
        text.extend({
          code: code.optional(),
          fields: z.array(code).optional(),
          measures: z.array(code).optional(),
          indicators: z.array(code).optional(),
        }),
      ),
      note: text.optional(),
    })
    .optional(),
  administration: z
    .strictObject({
      mission: text,
      principles: z.array(z.strictObject({ code, name: text, points: z.array(text) })),
    })
    .optional(),
  topIndicators: z.array(code).optional(),
  strategies: z
    .array(
      z.strictObject({ code, name: text, promise: text.optional(), surroundings: z.array(text).optional() }),
    )
    .min(1),
  fields: z
    .array(
      z.strictObject({
        code,
        strategy: code,
        number: z.number().int().positive().optional(),
        name: text,
        desiredState: text.optional(),
        investFirst: z.boolean().optional(),
        affectsSatisfaction: z.boolean().optional(),
      }),
    )
    .min(1),
  phases: z
    .array(
      z.strictObject({
        number: z.number().int().positive().optional(),
        name: text.optional(),
        startFiscalYear: fiscalYear,
        endFiscalYear: fiscalYear,
        goals: z.array(text).optional(),
      }),
    )
    .min(1),
  measures: z
    .array(
      z.strictObject({
        code,
        field: code,
        phase: z.number().int().positive(),
        name: text,
        summary: text.optional(),
        promotionPeriod: z.enum(['short', 'long']).optional(),
        targetAreas: z.array(code).optional(),
        logicModel: z
          .strictObject({
            inputs: z.array(text),
            activities: z.array(text),
            outputs: z.array(text),
            outcomes: z.array(text),
          })
          .optional(),
        partners: z.array(code).optional(),
        derivedFrom: code.optional(),
        sample,
      }),
    )
    .optional(),
  implementationPlans: z
    .array(
      z.strictObject({
        fiscalYear,
        projects: z.array(
          z.strictObject({
            code,
            measure: code,
            name: text,
            department: code,
            budget: z
              .strictObject({ amount: z.number().nonnegative(), currency: z.literal('JPY') })
              .optional(),
            schedule: text.optional(),
            sample,
          }),
        ),
      }),
    )
    .optional(),
  indicators: z.array(indicator),
  areas: z
    .array(
      z.strictObject({
        code,
        layer: z.enum(['region', 'city', 'district', 'school-district']),
        name: text,
        parent: code.optional(),
        shares: z.array(z.strictObject({ area: code, share: z.number().gt(0).max(1) })).optional(),
        tile: z.strictObject({ col: z.number().int().min(0), row: z.number().int().min(0) }).optional(),
        sample,
      }),
    )
    .optional(),
  partners: z
    .array(
      z.strictObject({
        code,
        name: text,
        location: z.enum(['inside', 'outside']),
        kind: z.string(),
        areas: z.array(code).optional(),
        sample,
      }),
    )
    .optional(),
  departments: z.array(z.strictObject({ code, name: text, sample })).optional(),
  // Status scheme, roll-up rule and survey band; their rules are checked by the indicators core.
  progress: z
    .strictObject({
      statusScheme: z
        .union([z.enum(['four-level', 'grades-sabcd']), z.record(z.string(), z.unknown())])
        .optional(),
      rollup: z
        .strictObject({
          kind: z.enum(['weighted-mean', 'worst-of', 'count-by-status']),
          cap: z.number().positive().nullable().optional(),
          staleAs: z.enum(['latest', 'missing']).optional(),
        })
        .optional(),
      surveyBand: z
        .strictObject({
          absolute: z.number().nonnegative().optional(),
          relative: z.number().nonnegative().optional(),
        })
        .optional(),
    })
    .optional(),
  provenance: z.array(text).optional(),
  // The licence of the open data (default CC BY 4.0, decision 0111).
  openData: z
    .strictObject({
      license: z.strictObject({ id: z.string().min(1), title: text, url: z.string().url() }).optional(),
    })
    .optional(),
});

// Compile-time check that what the schema parses is a plan document.
type Parsed = z.infer<typeof planDocumentSchema>;
const _agree: (p: Parsed) => PlanInput = (p) => p as PlanInput;
void _agree;

/** The JSON Schema published in data/schema/plan.schema.json. */
export function planJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(planDocumentSchema, { target: 'draft-2020-12' }),
    $id: 'https://mirai.example/schema/plan.schema.json',
    title: 'Mirai plan document (format version 1)',
    description: 'A municipal comprehensive plan (総合計画) as data. See docs/plan-format.md.',
  };
}
