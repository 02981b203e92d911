/** Loads the default plan and its data sets (named by data/default.json) into a database without a plan. */
import type { Database } from '@mirai/db';
import type { Kysely } from 'kysely';
import { seedDefaultData } from '../datasets/dataset-use-cases';

export async function seedDefaultPlan(db: Kysely<Database>): Promise<boolean> {
  return seedDefaultData(db);
}
