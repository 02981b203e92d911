/** The sectoral plan document as accepted from a file (YAML/JSON) or the API. */
import { z } from 'zod';

const text = z.strictObject({ ja: z.string().min(1).max(500), en: z.string().max(500).optional() });
const code = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]*$/, 'letters, digits, - and _ only')
  .max(64);
const fy = z.number().int().min(1900).max(2200);

export const sectoralPlanSchema = z.strictObject({
  code,
  name: text,
  department: code,
  startFiscalYear: fy,
  endFiscalYear: fy,
  legalBasis: text.optional(),
  documentUrl: z.string().max(2000).optional(),
  fields: z.array(code).default([]),
  measures: z.array(code).default([]),
  indicators: z
    .array(
      z.strictObject({
        name: text,
        sameAs: code.optional(),
        direction: z.enum(['higher-is-better', 'lower-is-better', 'within-band']),
        target: z.strictObject({ fiscalYear: fy, value: z.number().finite() }).optional(),
      }),
    )
    .default([]),
  status: z.enum(['draft', 'published']).default('draft'),
  sample: z.boolean().optional(),
});

export type SectoralPlanInput = z.input<typeof sectoralPlanSchema>;
