/** Response schemas of the survey and population routes (zod, published as OpenAPI; checked against the app's types by respond()). */
import { z } from '@hono/zod-openapi';
import { actualVersionSchema } from './indicators.schemas';

const text = z.object({ ja: z.string(), en: z.string().optional() });

export const surveyWaveSchema = z.object({
  id: z.number(),
  code: z.string(),
  title: z.string(),
  fieldwork_start: z.string().nullable(),
  fieldwork_end: z.string().nullable(),
  invitations: z.number().nullable(),
  status: z.string(),
  version: z.number(),
  questions: z.array(
    z.object({
      code: z.string(),
      wording: text,
      scale: z.object({ min: z.number(), max: z.number(), anchors: z.record(z.string(), text).optional() }),
      indicator: z.string().optional(),
    }),
  ),
  /** Respondents stored. */
  responses: z.number().nullable(),
});

const ci = z.tuple([z.number(), z.number()]);
export const surveyWaveTableSchema = z.object({
  wave: z.string(),
  question: z.string(),
  group: z.string(),
  minCell: z.number(),
  rows: z.array(
    z.object({
      group: z.string(),
      n: z.number(),
      suppressed: z.boolean(),
      mean: z.number().optional(),
      se: z.number().optional(),
      shares: z.array(z.object({ value: z.number(), share: z.number() })).optional(),
    }),
  ),
  overall: z.object({
    estimate: z.number(),
    se: z.number(),
    ci,
    n: z.number(),
    by: z
      .array(
        z.object({
          level: z.string(),
          estimate: z.number(),
          se: z.number(),
          ci,
          n: z.number(),
          suppressed: z.boolean().optional(),
        }),
      )
      .optional(),
    distribution: z
      .array(z.object({ value: z.union([z.number(), z.string()]), share: z.number(), se: z.number() }))
      .optional(),
    quantile: z.object({ p: z.number(), estimate: z.number(), ci }).optional(),
  }),
});

export const surveyPublishResultSchema = z.object({
  code: z.string(),
  version: z.number(),
  recorded: actualVersionSchema.optional(),
});

export const populationSeriesSchema = z.object({
  indicator: z.string(),
  target: z
    .object({
      fiscalYear: z.number(),
      value: z.number(),
      comparison: z.enum(['at-least', 'at-most', 'equal']).optional(),
    })
    .optional(),
  series: z.array(
    z.object({
      code: z.string(),
      name: text,
      source: z.string(),
      kind: z.enum(['plan', 'scenario']),
      sample: z.boolean(),
      /** Calendar year → total population. */
      values: z.record(z.string(), z.number()),
      runAt: z.string().optional(),
    }),
  ),
});

export const populationScenarioSchema = z.object({
  id: z.number(),
  code: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  area: z.string(),
  /** The levers (fertility, migration… over years); their shape: core `Scenario`. */
  scenario: z.record(z.string(), z.unknown()),
  provenance: z.record(z.string(), z.unknown()),
  sample: z.boolean(),
  version: z.number(),
  updated_at: z.string(),
});

export const populationRunSchema = z.object({
  code: z.string(),
  version: z.number(),
  /** Year → total population, every five years and every year. */
  total: z.record(z.string(), z.number()),
  annualTotal: z.record(z.string(), z.number()),
});
