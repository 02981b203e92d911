/** Loads the bundled Shiojiri plan into a database that has no plan yet. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { unwrap } from '@mirai/core';
import { type Database, findCurrentPlan, savePlanVersion } from '@mirai/db';
import type { Kysely } from 'kysely';
import { loadPlanText } from './load-plan';

export const defaultPlanFile = resolve(
  new URL('.', import.meta.url).pathname,
  '../../../../data/shiojiri/plan.yaml',
);

export async function seedDefaultPlan(db: Kysely<Database>): Promise<boolean> {
  if (await findCurrentPlan(db)) return false;
  const doc = unwrap(loadPlanText(await readFile(defaultPlanFile, 'utf8'), 'data/shiojiri/plan.yaml'));
  await db
    .transaction()
    .execute((tx) => savePlanVersion(tx, doc, { actor: 'system:seed', note: 'bundled plan' }));
  return true;
}
