/** Stored population scenarios and their projection runs. */
import type { Generated, JSONColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

export interface PopulationTables {
  population_scenarios: {
    id: Generated<number>;
    plan_id: number;
    code: string;
    name: string;
    description: string | null;
    area: string;
    spec: JSONColumnType<Record<string, unknown>>;
    scenario: JSONColumnType<Record<string, unknown>>;
    provenance: JSONColumnType<Record<string, unknown>>;
    sample: boolean;
    version: Generated<number>;
    created_by: string;
    created_at: Generated<Date>;
    updated_at: Generated<Date>;
  };
  population_projections: {
    id: Generated<number>;
    scenario_id: number;
    scenario_version: number;
    result: JSONColumnType<Record<string, unknown>>;
    warnings: JSONColumnType<unknown[]>;
    run_by: string;
    run_at: Generated<Date>;
  };
}

type Db = Kysely<Database> | Transaction<Database>;

export interface ScenarioRecord {
  code: string;
  name: string;
  description?: string;
  area: string;
  spec: Record<string, unknown>;
  scenario: Record<string, unknown>;
  provenance: Record<string, unknown>;
  sample: boolean;
}

export async function findScenario(db: Db, planId: number, code: string) {
  return db
    .selectFrom('population_scenarios')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function listScenarios(db: Db, planId: number) {
  return db
    .selectFrom('population_scenarios')
    .select([
      'id',
      'code',
      'name',
      'description',
      'area',
      'scenario',
      'provenance',
      'sample',
      'version',
      'updated_at',
    ])
    .where('plan_id', '=', planId)
    .orderBy('code')
    .execute();
}

/** Inserts or updates (with an expected version) a scenario; returns its id and new version, or undefined on conflict. */
export async function upsertScenario(
  tx: Transaction<Database>,
  planId: number,
  s: ScenarioRecord,
  actor: string,
  expectedVersion?: number,
): Promise<{ id: number; version: number } | undefined> {
  const existing = await findScenario(tx, planId, s.code);
  const values = {
    name: s.name,
    description: s.description ?? null,
    area: s.area,
    spec: JSON.stringify(s.spec),
    scenario: JSON.stringify(s.scenario),
    provenance: JSON.stringify(s.provenance),
    sample: s.sample,
  };
  if (!existing) {
    const row = await tx
      .insertInto('population_scenarios')
      .values({ plan_id: planId, code: s.code, created_by: actor, ...values })
      .returning(['id', 'version'])
      .executeTakeFirstOrThrow();
    return row;
  }
  if (expectedVersion !== undefined && existing.version !== expectedVersion) return undefined;
  return tx
    .updateTable('population_scenarios')
    .set((eb) => ({ ...values, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', existing.id)
    .where('version', '=', existing.version)
    .returning(['id', 'version'])
    .executeTakeFirst();
}

export async function insertProjection(
  tx: Transaction<Database>,
  scenarioId: number,
  scenarioVersion: number,
  result: Record<string, unknown>,
  warnings: unknown[],
  actor: string,
) {
  return tx
    .insertInto('population_projections')
    .values({
      scenario_id: scenarioId,
      scenario_version: scenarioVersion,
      result: JSON.stringify(result),
      warnings: JSON.stringify(warnings),
      run_by: actor,
    })
    .returning(['id', 'run_at'])
    .executeTakeFirstOrThrow();
}

/** The newest projection of each scenario of the plan. */
export async function latestProjections(db: Db, planId: number) {
  return db
    .selectFrom('population_projections as p')
    .innerJoin('population_scenarios as s', 's.id', 'p.scenario_id')
    .select([
      's.code',
      's.name',
      's.provenance',
      's.sample',
      's.area',
      'p.id',
      'p.result',
      'p.run_at',
      'p.scenario_version',
    ])
    .where('s.plan_id', '=', planId)
    .where('p.id', 'in', (eb) =>
      eb
        .selectFrom('population_projections')
        .select((e) => e.fn.max('id').as('id'))
        .groupBy('scenario_id'),
    )
    .orderBy('s.code')
    .execute();
}
