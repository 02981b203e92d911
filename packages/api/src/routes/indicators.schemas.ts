/** Request and response schemas of the indicator routes (zod, published as OpenAPI). */
import { z } from '@hono/zod-openapi';

const text = z.object({ ja: z.string(), en: z.string().optional() });

export const asOfQuery = z.object({
  asOf: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .openapi({
      example: '2026-07-01',
      description: 'Reference date for staleness (default: today, Asia/Tokyo)',
    }),
});

export const actualVersionSchema = z
  .object({
    id: z.string(),
    indicatorCode: z.string(),
    fiscalYear: z.number().int(),
    date: z.string().optional(),
    area: z.string().optional(),
    value: z.number(),
    ci: z.object({ lower: z.number(), upper: z.number() }).optional(),
    sampleSize: z.number().int().optional(),
    source: z.string(),
    note: z.string().optional(),
    enteredBy: z.string(),
    enteredAt: z.string(),
    supersedes: z.string().optional(),
  })
  .openapi('ActualVersion');

export const indicatorStatusSchema = z
  .object({
    kind: z.enum(['band', 'no-data', 'stale', 'not-computable']),
    key: z.string(),
    label: text,
    achievement: z.number().optional(),
    nextDue: z.string().optional(),
    explanation: z.array(text),
  })
  .passthrough()
  .openapi('IndicatorStatus');

export const indicatorSummarySchema = z
  .object({
    code: z.string().openapi({ example: 'TOP-HAPPINESS' }),
    name: text,
    unit: text,
    kind: z.enum(['statistic', 'survey', 'administrative']),
    direction: z.enum(['higher-is-better', 'lower-is-better', 'within-band']),
    top: z.boolean(),
    baseline: z.object({ value: z.number(), asOf: z.string() }).passthrough().nullable(),
    targets: z.array(z.object({ fiscalYear: z.number().int(), value: z.number() }).passthrough()),
    finalTarget: z.object({ fiscalYear: z.number().int(), value: z.number() }).passthrough().nullable(),
    latest: actualVersionSchema.nullable(),
    status: indicatorStatusSchema,
  })
  .passthrough()
  .openapi('IndicatorSummary');

export const indicatorDetailSchema = indicatorSummarySchema
  .extend({
    definition: z.record(z.string(), z.unknown()),
    values: z.array(
      z
        .object({
          key: z.string(),
          fiscalYear: z.number().int(),
          current: actualVersionSchema,
          versions: z.array(actualVersionSchema),
        })
        .passthrough(),
    ),
  })
  .openapi('IndicatorDetail');

export const planProgressSchema = z
  .object({
    asOf: z.object({ year: z.number(), month: z.number(), day: z.number() }),
    rule: z.object({ kind: z.enum(['weighted-mean', 'worst-of', 'count-by-status']) }).passthrough(),
    scheme: z.object({ code: z.string(), basis: z.string() }),
    figures: z.record(
      z.string(),
      z.object({ code: z.string(), level: z.string(), key: z.string(), label: text }).passthrough(),
    ),
    topIndicators: z.array(indicatorSummarySchema),
  })
  .openapi('PlanProgress');

export const recordActualBody = z
  .object({
    fiscalYear: z.number().int().openapi({ example: 2025 }),
    value: z.number().openapi({ example: 66085 }),
    source: z.string().min(1).openapi({ example: '令和7年国勢調査' }),
    date: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/)
      .optional(),
    area: z.string().optional(),
    note: z.string().optional(),
    ci: z.object({ lower: z.number(), upper: z.number() }).optional(),
    sampleSize: z.number().int().positive().optional(),
  })
  .openapi('RecordActual');

export const correctActualBody = z
  .object({ value: z.number(), source: z.string().min(1).optional(), note: z.string().optional() })
  .openapi('CorrectActual');

export const importQuery = z.object({
  file: z
    .string()
    .regex(/\.(csv|xlsx|tsv|txt)$/i)
    .openapi({ example: 'actuals.xlsx', description: 'File name (its extension picks the format)' }),
  dryRun: z.enum(['true', 'false']).optional(),
  allowCorrections: z.enum(['true', 'false']).optional(),
  sheet: z.string().optional(),
});

export const importResultSchema = z
  .object({
    dryRun: z.boolean(),
    file: z.string().optional(),
    rows: z.number().int(),
    recorded: z.number().int(),
    corrected: z.number().int(),
    unchanged: z.number().int(),
    batch: z.string().optional(),
  })
  .openapi('ImportActualsResult');

export const gridSaveBody = z
  .object({
    source: z.string().max(500).openapi({ example: '令和7年 住民基本台帳' }),
    note: z.string().max(2000).optional(),
    cells: z
      .array(
        z.object({
          code: z.string().min(1),
          fiscalYear: z.number().int(),
          value: z.string().max(100).openapi({ example: '６６，０８５', description: 'As typed or pasted' }),
          date: z
            .string()
            .regex(/^\d{4}-\d{2}-\d{2}$/)
            .optional(),
          version: z
            .string()
            .nullable()
            .openapi({ description: 'The current version the page showed (null: none)' }),
        }),
      )
      .max(5000),
  })
  .openapi('ActualsGridSave');

export const gridSaveResultSchema = z
  .object({
    recorded: z.number().int(),
    corrected: z.number().int(),
    unchanged: z.number().int(),
    batch: z.string().optional(),
    stored: z.array(actualVersionSchema),
  })
  .openapi('ActualsGridSaveResult');
