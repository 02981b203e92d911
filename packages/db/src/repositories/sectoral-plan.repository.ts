/** The sectoral plans register: read all or one, insert, update at an expected version. */
import type { SectoralPlan } from '@mirai/core';
import type { ColumnType, JSONColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

export interface SectoralPlansTable {
  code: string;
  status: 'draft' | 'published';
  document: JSONColumnType<SectoralPlan>;
  version: ColumnType<number, number | undefined, number>;
  updated_by: string;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface SectoralPlanTables {
  sectoral_plans: SectoralPlansTable;
}

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredSectoralPlan {
  plan: SectoralPlan;
  version: number;
  updatedAt: Date;
}

const toStored = (r: { document: SectoralPlan; version: number; updated_at: Date }): StoredSectoralPlan => ({
  plan: r.document,
  version: r.version,
  updatedAt: new Date(r.updated_at),
});

export async function listSectoralPlans(db: Db, opts: { publishedOnly?: boolean } = {}) {
  let q = db.selectFrom('sectoral_plans').select(['document', 'version', 'updated_at']).orderBy('code');
  if (opts.publishedOnly) q = q.where('status', '=', 'published');
  return (await q.execute()).map(toStored);
}

export async function findSectoralPlan(db: Db, code: string) {
  const r = await db
    .selectFrom('sectoral_plans')
    .select(['document', 'version', 'updated_at'])
    .where('code', '=', code)
    .executeTakeFirst();
  return r ? toStored(r) : undefined;
}

export async function insertSectoralPlan(db: Db, plan: SectoralPlan, actor: string) {
  await db
    .insertInto('sectoral_plans')
    .values({
      code: plan.code,
      status: plan.status,
      document: JSON.stringify(plan) as never,
      updated_by: actor,
    })
    .execute();
}

/** Updates when the stored version is `expected`; returns false when someone else changed it first. */
export async function updateSectoralPlan(db: Db, plan: SectoralPlan, expected: number, actor: string) {
  const r = await db
    .updateTable('sectoral_plans')
    .set({
      status: plan.status,
      document: JSON.stringify(plan) as never,
      version: expected + 1,
      updated_by: actor,
      updated_at: new Date(),
    })
    .where('code', '=', plan.code)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
