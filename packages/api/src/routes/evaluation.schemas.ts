/** Request and response schemas of the evaluation routes (zod, published as OpenAPI). */
import { z } from '@hono/zod-openapi';
import {
  evaluationRoles,
  linkFindings,
  logicNodeKinds,
  roundActions,
  roundStages,
  sheetActions,
  sheetStates,
} from '@mirai/core';
import { reportSchema } from './cocreation-partners';

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

export const projectContent = z.object({
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

export const measureContent = z.object({
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

/** The medium-term review's conclusions as saved: the phase and the conclusions' new version. */
export const conclusionsSavedSchema = z.object({ phase: z.number().int(), version: z.number().int() });

export const publishReviewBody = z.object({ expectedVersion: z.number().int().min(1) }).strict();

export const reviewPublishedSchema = z.object({
  phase: z.number().int(),
  version: z.number().int(),
  publishedAt: z.string(),
});

// ---- Answers (responses), from the app's own types and the core's constants ----

const problem = z.object({
  code: z.string(),
  kind: z.string(),
  message: z.object({ ja: z.string(), en: z.string() }),
  where: z
    .object({
      file: z.string().optional(),
      sheet: z.string().optional(),
      cell: z.string().optional(),
      line: z.number().optional(),
      row: z.number().optional(),
      column: z.union([z.string(), z.number()]).optional(),
      field: z.string().optional(),
      path: z.string().optional(),
      index: z.number().optional(),
    })
    .optional(),
  details: z.record(z.string(), z.unknown()).optional(),
  severity: z.enum(['error', 'warning']).optional(),
});
const actor = z.object({
  id: z.string(),
  role: z.enum(evaluationRoles),
  departmentCode: z.string().optional(),
});
const sheetState = z.enum(sheetStates);
const roundState = z.enum(['open', 'closed', 'published', 'locked']);
const stage = z.enum(roundStages);
const finding = z.enum(linkFindings);
const kind = z.enum(['project', 'measure']);

/** A round as the API shows it: the round without its plan id, its template set named. */
export const roundSchema = z.object({
  id: z.string(),
  fiscalYear: z.number().int(),
  conductedInFiscalYear: z.number().int(),
  openedOn: date,
  scope: z.object({ measureCodes: z.array(z.string()), projectCodes: z.array(z.string()) }),
  stages: z.array(z.object({ stage, due: date })),
  state: roundState,
  version: z.number().int(),
  reminderDays: z.array(z.number()).nullable().optional(),
  templateSet: z.object({ id: z.string(), sample: z.boolean() }),
});

export const openedRoundSchema = roundSchema.extend({ sheets: z.number().int() });

const dueItem = { sheetId: z.string(), code: z.string(), departmentCode: z.string(), stage, due: z.string() };
export const roundStatusSchema = z.object({
  round: roundSchema,
  counts: z.record(z.string(), z.number()),
  sheets: z.array(
    z.object({
      id: z.string(),
      kind,
      code: z.string(),
      name: z.string(),
      departmentCode: z.string(),
      state: z.string(),
      version: z.number().int(),
    }),
  ),
  overdue: z.array(z.object({ ...dueItem, state: sheetState, daysOverdue: z.number() })),
  reminders: z.array(z.object({ ...dueItem, daysLeft: z.number() })),
  publicationBlockers: z.array(problem),
});

const movement = z.enum(['improving', 'flat', 'worsening', 'mixed', 'unknown']);
const node = z.object({ id: z.string(), label: z.string(), kind: z.enum(logicNodeKinds), movement });
const linkFinding = z.object({
  linkId: z.string(),
  finding,
  evidence: z.string(),
  suggested: finding.optional(),
});
export const linkCheckRowSchema = z.object({
  linkId: z.string(),
  from: node,
  to: node,
  assumption: z.string().nullable(),
  suggested: finding,
  reason: z.enum([
    'both-improving',
    'downstream-partly',
    'upstream-partly',
    'downstream-not-following',
    'upstream-not-moving',
    'no-data',
  ]),
  recorded: linkFinding.nullable(),
});

export const theoryFindingsSchema = z.object({
  fiscalYear: z.number().int(),
  measures: z.array(z.object({ measureCode: z.string(), rows: z.array(linkCheckRowSchema) })),
  brokenLinks: z.array(
    linkCheckRowSchema.extend({
      measureCode: z.string(),
      status: z.enum(['confirmed', 'partly', 'candidate', 'contested']),
    }),
  ),
});

const trend = z.enum(['improving', 'declining', 'flat', 'insufficient-data']);
const proposal = z.enum(['continue', 'revise', 'merge', 'end']);
export const mediumTermReviewSchema = z.object({
  conclusionsVersion: z.number().int(),
  /** When the review was published (its conclusions are then final), or null. */
  publishedAt: z.string().nullable(),
  phase: z.object({
    number: z.number().int(),
    startFiscalYear: z.number().int(),
    endFiscalYear: z.number().int(),
  }),
  fiscalYears: z.array(z.number().int()),
  missingYears: z.array(z.number().int()),
  measures: z.array(
    z.object({
      measureCode: z.string(),
      name: z.string(),
      fieldCode: z.string(),
      years: z.array(
        z.object({
          fiscalYear: z.number().int(),
          overallRating: z.string().nullable(),
          direction: z.string().nullable(),
          meanAchievement: z.number().nullable(),
        }),
      ),
      achievementTrend: trend,
      achievementSlope: z.number().nullable(),
      indicators: z.array(
        z.object({ code: z.string(), achievements: z.array(z.number().nullable()), trend }),
      ),
      projectDirections: z.array(
        z.object({ fiscalYear: z.number().int(), counts: z.record(z.string(), z.number()) }),
      ),
      brokenLinks: z.array(
        z.object({
          linkId: z.string(),
          findings: z.array(z.object({ fiscalYear: z.number().int(), finding })),
          latest: finding,
        }),
      ),
      conclusion: z
        .object({
          measureCode: z.string(),
          proposal,
          mergeInto: z.string().optional(),
          assessment: z.string(),
        })
        .nullable(),
    }),
  ),
});

export const nextPhaseDraftSchema = z.object({
  status: z.literal('draft'),
  phase: z.number().int(),
  measures: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      fieldCode: z.string(),
      phase: z.number().int(),
      promotionPeriod: z.enum(['short', 'long']).optional(),
      derivedFrom: z.array(z.string()),
      proposal: z.enum(['continue', 'revise', 'merge', 'end', 'undecided']),
      indicatorCodes: z.array(z.string()),
      projectCodes: z.array(z.string()),
      assessments: z.array(z.string()),
      status: z.literal('draft'),
    }),
  ),
  ended: z.array(z.object({ code: z.string(), assessment: z.string() })),
  provenance: z.array(z.object({ from: z.string(), to: z.string() })),
  warnings: z.array(problem).optional(),
});

/** One evaluation sheet: project or measure, its state and version, its content. */
export const sheetSchema = z.object({
  id: z.string(),
  roundId: z.string(),
  fiscalYear: z.number().int(),
  kind,
  code: z.string(),
  departmentCode: z.string(),
  state: sheetState,
  version: z.number().int(),
  content: z.discriminatedUnion('kind', [projectContent, measureContent]),
});

export const sheetEventSchema = z.object({
  sheetId: z.string(),
  action: z.enum(sheetActions),
  from: sheetState,
  to: sheetState,
  actor,
  at: z.string(),
  comment: z.string().optional(),
  version: z.number().int(),
});

export const sheetTransitionSchema = z.object({
  sheet: sheetSchema,
  event: sheetEventSchema,
  notification: z.object({
    sheetId: z.string(),
    event: z.enum(sheetActions),
    recipients: z.array(z.object({ role: z.enum(evaluationRoles), departmentCode: z.string().optional() })),
  }),
});

export const sheetCommentSchema = z.object({
  id: z.string(),
  sheetId: z.string(),
  parentId: z.string().nullable(),
  author: actor,
  at: z.string(),
  text: z.string(),
});

export interface CommentThreadAnswer {
  comment: z.infer<typeof sheetCommentSchema>;
  replies: CommentThreadAnswer[];
}
// Named, so the OpenAPI description refers to itself for the replies instead of expanding forever.
export const commentThreadSchema: z.ZodType<CommentThreadAnswer> = z
  .lazy(() => z.object({ comment: sheetCommentSchema, replies: z.array(commentThreadSchema) }))
  .openapi('CommentThread');

export const roundMovedSchema = roundSchema;
export const roundActionSchema = z.enum(roundActions);

const yearFigures = z.object({
  fiscalYear: z.number().int(),
  target: z.number().nullable(),
  actual: z.number().nullable(),
  achievement: z.number().nullable(),
});
const figuresDirection = z.enum(['higher-is-better', 'lower-is-better', 'within-band']);
const label = z.object({ ja: z.string(), en: z.string().optional() });

/** What the sheet editor reads: the sheet, its round, figures, theory check, comments, earlier years, templates. */
export const sheetViewSchema = z.object({
  sheet: sheetSchema,
  round: z.object({ id: z.string(), fiscalYear: z.number().int(), state: roundState }),
  indicatorRows: z.array(
    z.object({
      code: z.string(),
      role: z.enum(['activity', 'outcome']),
      name: z.string(),
      unit: z.string(),
      direction: figuresDirection,
      baseline: z.number().nullable(),
      previous: yearFigures,
      current: yearFigures,
      final: z
        .object({ fiscalYear: z.number().int(), target: z.number(), achievement: z.number().nullable() })
        .nullable(),
    }),
  ),
  indicatorProblems: z.array(problem),
  indicatorFigures: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      unit: z.string(),
      direction: figuresDirection,
      baseline: z.number().optional(),
      years: z.array(
        z.object({
          fiscalYear: z.number().int(),
          target: z.number().optional(),
          actual: z.number().optional(),
          achievement: z.number().optional(),
        }),
      ),
      finalTarget: z.object({ fiscalYear: z.number().int(), value: z.number() }).optional(),
    }),
  ),
  fixedIndicators: z.array(z.object({ code: z.string(), role: z.enum(['activity', 'outcome']) })),
  earlierSheets: z.array(
    z.object({
      id: z.string(),
      fiscalYear: z.number().int(),
      state: z.string(),
      overallRating: z.string().nullable(),
      direction: z.string().nullable(),
    }),
  ),
  cost: z
    .object({
      basis: z.enum(['settlement', 'budget']),
      funding: z.object({
        national: z.number(),
        prefectural: z.number(),
        bonds: z.number(),
        other: z.number(),
        generalRevenue: z.number(),
      }),
      projectCost: z.number(),
      staffCost: z.number(),
      totalCost: z.number(),
      unitCost: z.number().nullable(),
      unitQuantity: z.object({ value: z.number(), unit: z.string() }).nullable(),
    })
    .nullable(),
  theory: z
    .object({
      model: z.object({
        measureCode: z.string(),
        nodes: z.array(
          z.object({
            id: z.string(),
            kind: z.enum(logicNodeKinds),
            label: z.string(),
            indicatorCodes: z.array(z.string()),
          }),
        ),
        links: z.array(
          z.object({ id: z.string(), from: z.string(), to: z.string(), assumption: z.string().optional() }),
        ),
      }),
      rows: z.array(linkCheckRowSchema),
    })
    .nullable(),
  partnerContributions: z.array(reportSchema),
  threads: z.array(commentThreadSchema),
  allowedActions: z.array(z.enum(sheetActions)),
  /** The round's templates (labels, scales, the project and measure forms): core `TemplateSet`. */
  templates: z.object({
    id: z.string(),
    name: label,
    moneyUnit: z.enum(['yen', 'thousand-yen']),
    scales: z.array(z.record(z.string(), z.unknown())),
    project: z.record(z.string(), z.unknown()),
    measure: z.record(z.string(), z.unknown()),
    sample: z.boolean().optional(),
    note: label.optional(),
  }),
  checks: z.object({
    indicatorCodes: z.array(z.string()),
    projectCodes: z.array(z.string()).optional(),
    linkIds: z.array(z.string()).optional(),
  }),
});
