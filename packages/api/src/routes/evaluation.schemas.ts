/** Request and response schemas of the evaluation routes (zod, published as OpenAPI). */
import { z } from '@hono/zod-openapi';

const date = z.object({ year: z.number().int(), month: z.number().int(), day: z.number().int() });
const text = z.string().max(4000);
const amount = z.number();

export const fyParam = z.object({
  fy: z
    .string()
    .regex(/^[0-9]{4}$/)
    .openapi({ example: '2024' }),
});

export const sheetParam = z.object({
  id: z
    .string()
    .min(1)
    .max(300)
    .regex(/^[A-Za-z0-9._-]+$/)
    .openapi({ example: 'city-6th-2024.project.A-1-M01-P01' }),
});

export const openRoundBody = z
  .object({
    fiscalYear: z.number().int().min(1900).max(9998),
    openedOn: date.optional(),
    scope: z
      .object({
        measureCodes: z.array(z.string().max(100)).max(5000),
        projectCodes: z.array(z.string().max(100)).max(20000),
      })
      .optional(),
    entryDue: date.optional(),
    gaps: z
      .object({
        'section-head': z.number().int().min(0).max(365).optional(),
        'planning-division': z.number().int().min(0).max(365).optional(),
        'external-committee': z.number().int().min(0).max(365).optional(),
      })
      .optional(),
  })
  .strict();

export const roundTransitionBody = z
  .object({
    action: z.enum(['close', 'reopen', 'publish', 'lock']),
    expectedVersion: z.number().int().positive(),
    comment: z.string().max(2000).optional(),
  })
  .strict();

const common = {
  name: z.string().max(400).optional(),
  departmentCode: z.string().max(100).optional(),
  fieldCode: z.string().max(100).optional(),
  measureCode: z.string().max(100).optional(),
  indicators: z
    .array(z.object({ code: z.string(), role: z.enum(['activity', 'outcome']) }))
    .max(200)
    .optional(),
  ratings: z.record(z.string().max(50), z.string().max(20)),
  overallRating: z.string().max(20).optional(),
  direction: z.string().max(50).optional(),
  issues: text.optional(),
  improvements: text.optional(),
  comments: z.record(z.string(), z.string().max(4000)).optional(),
};

const projectContent = z.object({
  ...common,
  kind: z.literal('project'),
  projectCode: z.string().max(100).optional(),
  number: z.string().max(50).optional(),
  legalBasis: text.optional(),
  period: z
    .object({ startFiscalYear: z.number().int(), endFiscalYear: z.number().int().optional() })
    .optional(),
  delivery: z.array(z.enum(['direct', 'contracted', 'subsidy', 'designated-manager'])).max(4),
  purpose: z.object({ target: text, intent: text, means: text }),
  cost: z.object({
    basis: z.enum(['settlement', 'budget']),
    funding: z.object({
      national: amount,
      prefectural: amount,
      bonds: amount,
      other: amount,
      generalRevenue: amount,
    }),
    declaredProjectCost: amount.optional(),
    personYears: amount,
    averageStaffCost: amount,
    unitQuantity: z.object({ value: amount, unit: z.string().max(50) }).optional(),
  }),
});

const measureContent = z.object({
  ...common,
  kind: z.literal('measure'),
  desiredState: text,
  contributingProjects: z.array(z.object({ projectCode: z.string().max(100), weight: z.number() })).max(2000),
  citizenPerception: z.object({ indicatorCode: z.string().max(100).optional(), note: text }).optional(),
  theoryFindings: z
    .array(
      z.object({
        linkId: z.string().max(200),
        finding: z.enum(['held', 'partly', 'not-held', 'unknown']),
        evidence: text,
        suggested: z.enum(['held', 'partly', 'not-held', 'unknown']).optional(),
      }),
    )
    .max(500),
});

export const saveSheetBody = z
  .object({
    expectedVersion: z.number().int().positive(),
    content: z.discriminatedUnion('kind', [projectContent, measureContent]),
  })
  .strict();

export const sheetActionBody = z
  .object({ expectedVersion: z.number().int().positive(), comment: z.string().max(4000).optional() })
  .strict();

export const reviewCommentBody = z
  .object({ expectedVersion: z.number().int().positive(), text: z.string().max(4000) })
  .strict();

export const commentBody = z
  .object({ text: z.string().min(1).max(4000), parentId: z.string().max(100).nullable().optional() })
  .strict();

export const conclusionsBody = z
  .object({
    expectedVersion: z.number().int().min(0),
    conclusions: z
      .array(
        z.object({
          measureCode: z.string().max(100),
          proposal: z.enum(['continue', 'revise', 'merge', 'end']),
          mergeInto: z.string().max(100).optional(),
          assessment: z.string().max(4000),
        }),
      )
      .max(2000),
  })
  .strict();

export const importQuery = z.object({
  file: z.string().max(255).optional(),
  fy: z
    .string()
    .regex(/^[0-9]{4}$/)
    .optional(),
  department: z.string().max(100).optional(),
  dryRun: z.enum(['true', 'false']).optional(),
});

export const csvQuery = z.object({ encoding: z.enum(['utf-8-bom', 'cp932']).optional() });
