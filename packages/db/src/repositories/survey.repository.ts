/** Survey waves and their responses, invitations and population cells. */
import type { Generated, JSONColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

export interface SurveyQuestionRecord {
  code: string;
  wording: { ja: string; en?: string };
  scale: { min: number; max: number; anchors?: Record<string, { ja: string; en?: string }> };
  /** The indicator this question measures (for example TOP-HAPPINESS). */
  indicator?: string;
}

export interface SurveyTables {
  survey_waves: {
    id: Generated<number>;
    plan_id: number;
    code: string;
    title: string;
    fieldwork_start: string | null;
    fieldwork_end: string | null;
    sampling_frame: string | null;
    invitations: number | null;
    questions: JSONColumnType<SurveyQuestionRecord[]>;
    attributes: JSONColumnType<string[]>;
    weight_column: string | null;
    calibration: JSONColumnType<{ poststratify?: string[]; rake?: string[] }> | null;
    status: Generated<string>;
    version: Generated<number>;
    created_by: string;
    created_at: Generated<Date>;
  };
  survey_responses: {
    wave_id: number;
    respondent_no: number;
    weight: number | null;
    attributes: JSONColumnType<Record<string, string>>;
    answers: JSONColumnType<Record<string, number | null>>;
  };
  survey_invitations: { wave_id: number; variable: string; level: string; invited: number };
  survey_population_cells: {
    wave_id: number;
    cell: JSONColumnType<Record<string, string>>;
    count: number;
    source: string | null;
  };
}

type Db = Kysely<Database> | Transaction<Database>;

export interface NewWave {
  planId: number;
  code: string;
  title: string;
  fieldworkStart?: string;
  fieldworkEnd?: string;
  samplingFrame?: string;
  invitations?: number;
  questions: SurveyQuestionRecord[];
  attributes: string[];
  weightColumn?: string;
  calibration?: { poststratify?: string[]; rake?: string[] };
  createdBy: string;
}

export async function findWave(db: Db, planId: number, code: string) {
  return db
    .selectFrom('survey_waves')
    .selectAll()
    .where('plan_id', '=', planId)
    .where('code', '=', code)
    .executeTakeFirst();
}

export async function listWaves(db: Db, planId: number) {
  return db
    .selectFrom('survey_waves')
    .select([
      'id',
      'code',
      'title',
      'fieldwork_start',
      'fieldwork_end',
      'invitations',
      'status',
      'version',
      'questions',
    ])
    .select((eb) =>
      eb
        .selectFrom('survey_responses')
        .whereRef('survey_responses.wave_id', '=', 'survey_waves.id')
        .select((e) => e.fn.countAll<number>().as('n'))
        .as('responses'),
    )
    .where('plan_id', '=', planId)
    .orderBy('fieldwork_start', 'asc')
    .execute();
}

export async function insertWave(
  tx: Transaction<Database>,
  wave: NewWave,
  responses: {
    weight: number | null;
    attributes: Record<string, string>;
    answers: Record<string, number | null>;
  }[],
  invitations: { variable: string; level: string; invited: number }[],
  population: { cell: Record<string, string>; count: number; source?: string }[],
): Promise<number> {
  const { id } = await tx
    .insertInto('survey_waves')
    .values({
      plan_id: wave.planId,
      code: wave.code,
      title: wave.title,
      fieldwork_start: wave.fieldworkStart ?? null,
      fieldwork_end: wave.fieldworkEnd ?? null,
      sampling_frame: wave.samplingFrame ?? null,
      invitations: wave.invitations ?? null,
      questions: JSON.stringify(wave.questions),
      attributes: JSON.stringify(wave.attributes),
      weight_column: wave.weightColumn ?? null,
      calibration: wave.calibration ? JSON.stringify(wave.calibration) : null,
      created_by: wave.createdBy,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const rows = responses.map((r, i) => ({
    wave_id: id,
    respondent_no: i + 1,
    weight: r.weight,
    attributes: JSON.stringify(r.attributes),
    answers: JSON.stringify(r.answers),
  }));
  for (let i = 0; i < rows.length; i += 1000)
    await tx
      .insertInto('survey_responses')
      .values(rows.slice(i, i + 1000))
      .execute();
  if (invitations.length > 0)
    await tx
      .insertInto('survey_invitations')
      .values(invitations.map((v) => ({ wave_id: id, ...v })))
      .execute();
  if (population.length > 0)
    await tx
      .insertInto('survey_population_cells')
      .values(
        population.map((p) => ({
          wave_id: id,
          cell: JSON.stringify(p.cell),
          count: p.count,
          source: p.source ?? null,
        })),
      )
      .execute();
  return id;
}

export async function loadWaveData(db: Db, waveId: number) {
  const [responses, invitations, population] = await Promise.all([
    db
      .selectFrom('survey_responses')
      .selectAll()
      .where('wave_id', '=', waveId)
      .orderBy('respondent_no')
      .execute(),
    db.selectFrom('survey_invitations').selectAll().where('wave_id', '=', waveId).execute(),
    db.selectFrom('survey_population_cells').selectAll().where('wave_id', '=', waveId).execute(),
  ]);
  return { responses, invitations, population };
}

export async function setWaveStatus(
  tx: Transaction<Database>,
  waveId: number,
  status: 'draft' | 'published',
  expectedVersion: number,
) {
  const r = await tx
    .updateTable('survey_waves')
    .set((eb) => ({ status, version: eb('version', '+', 1) }))
    .where('id', '=', waveId)
    .where('version', '=', expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The published waves of a plan with their attributes and when each was stored (open data). */
export async function listPublishedWaveMeta(db: Db, planId: number) {
  const rows = await db
    .selectFrom('survey_waves')
    .select(['code', 'title', 'attributes', 'created_at'])
    .where('plan_id', '=', planId)
    .where('status', '=', 'published')
    .orderBy('fieldwork_start', 'asc')
    .orderBy('code', 'asc')
    .execute();
  return rows.map((r) => ({
    code: r.code,
    title: r.title,
    attributes: r.attributes,
    createdAt: new Date(r.created_at),
  }));
}
