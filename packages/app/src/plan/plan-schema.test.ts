// Keeps the published JSON Schema in step with the zod schema. Regenerate with
// `UPDATE_SCHEMAS=1 npx vitest run packages/app/src/plan/plan-schema.test.ts`.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planJsonSchema } from './plan-schema';

const file = new URL('../../../../data/schema/plan.schema.json', import.meta.url);

describe('plan.schema.json', () => {
  it('is the schema generated from the zod definition', () => {
    const generated = `${JSON.stringify(planJsonSchema(), null, 2)}\n`;
    if (process.env.UPDATE_SCHEMAS || !existsSync(file)) writeFileSync(file, generated);
    expect(readFileSync(file, 'utf8')).toBe(generated);
  });

  it('describes the required parts of a plan', () => {
    const schema = planJsonSchema() as { required: string[]; properties: Record<string, unknown> };
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'formatVersion',
        'municipality',
        'plan',
        'strategies',
        'fields',
        'phases',
        'indicators',
      ]),
    );
  });
});
