/** Response schemas shared by the routes (zod, also published as OpenAPI). */
import { z } from '@hono/zod-openapi';

export const textSchema = z.object({ ja: z.string(), en: z.string().optional() }).openapi('Text');

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().openapi({ example: 'plan/field-not-found' }),
      message: z.object({ ja: z.string(), en: z.string() }),
      details: z.unknown().optional(),
    }),
  })
  .openapi('Error');

/** A background job started: its id to follow (GET /api/v1/jobs/{id}). */
export const jobStartedSchema = z.object({ jobId: z.string() });

export const calendarYearSchema = z
  .object({
    fiscalYear: z.number().int().openapi({ example: 2026 }),
    label: z.string().openapi({ example: '令和8年度' }),
    phase: z.number().int().nullable(),
    events: z.array(
      z.enum([
        'annual-evaluation',
        'medium-term-review',
        'next-phase-drafting',
        'long-term-revision-if-needed',
        'next-plan-drafting',
      ]),
    ),
  })
  .openapi('CalendarYear');

/** The plan tree is described loosely here; its full shape is data/schema/plan.schema.json. */
export const planTreeSchema = z
  .object({
    version: z.number().int(),
    municipality: z.object({ code: z.string(), name: textSchema, prefecture: textSchema.optional() }),
    plan: z
      .object({ code: z.string(), title: textSchema, startFiscalYear: z.number(), endFiscalYear: z.number() })
      .passthrough(),
    vision: z.object({ slogan: textSchema }).passthrough().optional(),
    brand: z.record(z.string(), z.unknown()).optional(),
    topIndicators: z.array(z.record(z.string(), z.unknown())),
    phases: z.array(
      z.object({ number: z.number(), startFiscalYear: z.number(), endFiscalYear: z.number() }).passthrough(),
    ),
    strategies: z.array(
      z
        .object({
          code: z.string(),
          name: textSchema,
          fields: z.array(z.object({ code: z.string(), number: z.number(), name: textSchema }).passthrough()),
        })
        .passthrough(),
    ),
  })
  .passthrough()
  .openapi('PlanTree');

export const fieldSchema = z
  .object({
    code: z.string(),
    strategy: z.string(),
    number: z.number(),
    name: textSchema,
    desiredState: textSchema.optional(),
    investFirst: z.boolean().optional(),
    affectsSatisfaction: z.boolean().optional(),
    measures: z.array(z.record(z.string(), z.unknown())),
    indicators: z.array(z.record(z.string(), z.unknown())),
  })
  .passthrough()
  .openapi('Field');
