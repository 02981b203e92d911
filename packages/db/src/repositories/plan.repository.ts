/**
 * Plans as versioned documents. Saving writes a new version (the old ones are
 * kept), checks the expected version (optimistic locking), rebuilds the node
 * index and audits, all in one transaction.
 */
import type { PlanDocument } from '@mirai/core';
import type { Kysely, Transaction } from 'kysely';
import { audit } from '../audit';
import type { Database } from '../schema';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredPlan {
  id: number;
  code: string;
  version: number;
  status: string;
  document: PlanDocument;
  updatedAt: Date;
  /** When this version was stored (a later draft does not change it). */
  versionCreatedAt: Date;
}

export class PlanVersionConflict extends Error {
  constructor(
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`plan version conflict: expected ${expected}, found ${actual}`);
  }
}

/**
 * The plan's current version, or with `publishedOnly` its newest approved or
 * revised version (what the public may see; drafts stay internal).
 */
export async function findCurrentPlan(
  db: Db,
  code?: string,
  opts: { publishedOnly?: boolean } = {},
): Promise<StoredPlan | undefined> {
  let q = db
    .selectFrom('plans')
    .innerJoin('plan_versions', (j) =>
      opts.publishedOnly
        ? j.onRef('plan_versions.plan_id', '=', 'plans.id').on('plan_versions.status', '<>', 'draft')
        : j
            .onRef('plan_versions.plan_id', '=', 'plans.id')
            .onRef('plan_versions.version', '=', 'plans.current_version'),
    )
    .select([
      'plans.id',
      'plans.code',
      'plan_versions.version',
      'plans.updated_at',
      'plan_versions.created_at as version_created_at',
      'plan_versions.status',
      'plan_versions.document',
    ])
    .orderBy('plans.id', 'asc')
    .orderBy('plan_versions.version', 'desc');
  if (code) q = q.where('plans.code', '=', code);
  const row = await q.executeTakeFirst();
  if (!row) return undefined;
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    status: row.status,
    document: row.document as unknown as PlanDocument,
    updatedAt: row.updated_at,
    versionCreatedAt: new Date(row.version_created_at as unknown as string),
  };
}

/** The number of the plan's current version (a draft included), without reading the document. */
export async function currentPlanVersion(db: Db, planId: number): Promise<number | undefined> {
  const row = await db
    .selectFrom('plans')
    .select('current_version')
    .where('id', '=', planId)
    .executeTakeFirst();
  return row?.current_version;
}

export async function listPlanVersions(db: Db, planId: number) {
  return db
    .selectFrom('plan_versions')
    .select(['version', 'status', 'note', 'created_by', 'created_at'])
    .where('plan_id', '=', planId)
    .orderBy('version', 'asc')
    .execute();
}

/**
 * Stores a document as the next version of its plan (creating the plan on
 * first save). `expectedVersion` must match the current version when given.
 */
export async function savePlanVersion(
  tx: Transaction<Database>,
  doc: PlanDocument,
  opts: { actor: string; expectedVersion?: number; note?: string },
): Promise<StoredPlan> {
  const existing = await tx
    .selectFrom('plans')
    .select(['id', 'current_version'])
    .where('code', '=', doc.plan.code)
    .forUpdate()
    .executeTakeFirst();
  if (existing && opts.expectedVersion !== undefined && existing.current_version !== opts.expectedVersion) {
    throw new PlanVersionConflict(opts.expectedVersion, existing.current_version);
  }
  const version = existing ? existing.current_version + 1 : 1;
  let planId: number;
  if (existing) {
    planId = existing.id;
    await tx
      .updateTable('plans')
      .set({ current_version: version, updated_at: new Date() })
      .where('id', '=', planId)
      .execute();
  } else {
    const row = await tx
      .insertInto('plans')
      .values({ code: doc.plan.code, municipality_code: doc.municipality.code, current_version: version })
      .returning('id')
      .executeTakeFirstOrThrow();
    planId = row.id;
  }
  await tx
    .insertInto('plan_versions')
    .values({
      plan_id: planId,
      version,
      status: doc.plan.status,
      document: JSON.stringify(doc) as never,
      note: opts.note ?? null,
      created_by: opts.actor,
    })
    .execute();
  await tx.deleteFrom('plan_nodes').where('plan_id', '=', planId).execute();
  const nodes = planNodes(doc).map((n) => ({ ...n, plan_id: planId }));
  for (let i = 0; i < nodes.length; i += 500)
    await tx
      .insertInto('plan_nodes')
      .values(nodes.slice(i, i + 500))
      .execute();
  await audit(tx, {
    actor: opts.actor,
    action: existing ? 'plan.revise' : 'plan.create',
    entityType: 'plan',
    entityId: doc.plan.code,
    after: { version, status: doc.plan.status },
    details: { note: opts.note ?? null, previousVersion: existing?.current_version ?? null },
  });
  return {
    id: planId,
    code: doc.plan.code,
    version,
    status: doc.plan.status,
    document: doc,
    updatedAt: new Date(),
    versionCreatedAt: new Date(),
  };
}

/** The flat node index: every coded element with its kind and parent. */
function planNodes(doc: PlanDocument) {
  const rows: Omit<Database['plan_nodes'], 'plan_id'>[] = [];
  const add = (
    kind: string,
    code: string,
    parent: string | null,
    name: { ja: string; en?: string },
    extra = {},
  ) =>
    rows.push({
      kind,
      code,
      parent_code: parent,
      sort: rows.length,
      name_ja: name.ja,
      name_en: name.en ?? null,
      department_code: null,
      sample: false,
      ...extra,
    });
  for (const s of doc.strategies) add('strategy', s.code, null, s.name);
  for (const f of doc.fields) add('field', f.code, f.strategy, f.name);
  for (const m of doc.measures) add('measure', m.code, m.field, m.name, { sample: m.sample ?? false });
  for (const ip of doc.implementationPlans)
    for (const p of ip.projects)
      add('project', p.code, p.measure, p.name, { department_code: p.department, sample: p.sample ?? false });
  for (const x of doc.indicators)
    add('indicator', x.code, x.serves === 'plan' ? null : x.serves, x.name, {
      department_code: x.ownerDepartment ?? null,
      sample: x.sample ?? false,
    });
  for (const a of doc.areas) add('area', a.code, a.parent ?? null, a.name, { sample: a.sample ?? false });
  for (const p of doc.partners) add('partner', p.code, null, p.name, { sample: p.sample ?? false });
  for (const d of doc.departments) add('department', d.code, null, d.name, { sample: d.sample ?? false });
  return rows;
}
