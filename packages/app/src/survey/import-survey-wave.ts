/**
 * Imports a survey wave from a CSV/xlsx of responses: checks every answer
 * against its question's scale, refuses personal identifiers, and stores the
 * wave with its invitations and population cells in one audited transaction.
 */
import { fail, ok, type Problem, parseNumbers, type Result } from '@mirai/core';
import { audit, findWave, insertWave, isUniqueViolation, type SurveyQuestionRecord } from '@mirai/db';
import type { AppContext } from '../context';
import type { Table } from '../io/read-table-file';
import { getCurrentPlan } from '../plan/plan-use-cases';
import { surveyWaveProblems as P, personalIdentifierPattern } from './survey-wave-problems';

export interface ImportWaveInput {
  code: string;
  title: string;
  fieldworkStart?: string;
  fieldworkEnd?: string;
  samplingFrame?: string;
  invitations?: number;
  /** Questions whose answers are columns of the responses table (column = question code). */
  questions: SurveyQuestionRecord[];
  /** Respondent attributes kept for breakdowns and calibration (age group, sex, district…). */
  attributes: string[];
  weightColumn?: string;
  calibration?: { poststratify?: string[]; rake?: string[] };
  responses: Table;
  /** Invitations by stratum: columns variable, level, invited. */
  invitationsTable?: Table;
  /** Population cells: one column per calibration variable and `count`. */
  populationTable?: Table;
  populationSource?: string;
}

export interface ImportWaveResult {
  code: string;
  respondents: number;
  dryRun: boolean;
}

export async function importSurveyWave(
  ctx: AppContext,
  input: ImportWaveInput,
  opts: { actor: string; dryRun?: boolean },
): Promise<Result<ImportWaveResult>> {
  const plan = await getCurrentPlan(ctx);
  if (!plan.ok) return plan;
  const problems: Problem[] = [];
  const t = input.responses;
  const where = (column: string, row?: number) => ({ file: t.file, column, ...(row ? { row } : {}) });

  for (const h of t.headers)
    if (personalIdentifierPattern.test(h))
      problems.push(P.personalIdentifier.create({ column: h }, where(h)));
  const needed = [
    ...input.questions.map((q) => q.code),
    ...input.attributes,
    ...(input.weightColumn ? [input.weightColumn] : []),
  ];
  for (const c of needed)
    if (!t.headers.includes(c))
      problems.push({
        code: 'io/missing-column',
        kind: 'invalid',
        message: { ja: `必要な列「${c}」がありません`, en: `Required column "${c}" is missing` },
        where: { file: t.file, column: c },
      });
  if (problems.length > 0) return fail(problems);

  const rows = t.rows.map((r) => r.row);
  const answers: Record<string, Float64Array> = {};
  for (const q of input.questions) {
    const parsed = parseNumbers(
      t.rows.map((r) => r.cells[q.code] ?? ''),
      { column: q.code, file: t.file, rows },
      { scale: { min: q.scale.min, max: q.scale.max } },
    );
    if (parsed.ok) answers[q.code] = parsed.value;
    else problems.push(...parsed.problems);
  }
  let weights: Float64Array | undefined;
  if (input.weightColumn) {
    const w = parseNumbers(
      t.rows.map((r) => r.cells[input.weightColumn!] ?? ''),
      { column: input.weightColumn, file: t.file, rows },
      { required: true },
    );
    if (w.ok) {
      weights = w.value;
      weights.forEach((v, i) => {
        if (!(v > 0))
          problems.push({
            code: 'survey/weights-nonpositive',
            kind: 'invalid',
            message: {
              ja: `重みは正の数でなければなりません（${v}）`,
              en: `Weights must be positive (${v})`,
            },
            where: where(input.weightColumn!, rows[i]),
          });
      });
    } else problems.push(...w.problems);
  }
  t.rows.forEach((r) => {
    for (const a of input.attributes)
      if (!r.cells[a]) problems.push(P.attributeMissing.create({ column: a }, where(a, r.row)));
  });
  const invitations = readInvitations(input.invitationsTable, problems);
  const population = readPopulation(input.populationTable, input.calibration, problems);
  if (await findWave(ctx.database.db, plan.value.id, input.code))
    problems.push(P.waveExists.create({ code: input.code }, { field: 'code' }));
  if (problems.length > 0) return fail(problems);
  if (opts.dryRun) return ok({ code: input.code, respondents: t.rows.length, dryRun: true });

  const responses = t.rows.map((r, i) => ({
    weight: weights ? (weights[i] as number) : null,
    attributes: Object.fromEntries(input.attributes.map((a) => [a, r.cells[a] ?? ''])),
    answers: Object.fromEntries(
      input.questions.map((q) => {
        const v = answers[q.code]?.[i] as number;
        return [q.code, Number.isNaN(v) ? null : v];
      }),
    ),
  }));
  try {
    await ctx.database.db.transaction().execute(async (tx) => {
      await insertWave(
        tx,
        {
          planId: plan.value.id,
          code: input.code,
          title: input.title,
          ...(input.fieldworkStart ? { fieldworkStart: input.fieldworkStart } : {}),
          ...(input.fieldworkEnd ? { fieldworkEnd: input.fieldworkEnd } : {}),
          ...(input.samplingFrame ? { samplingFrame: input.samplingFrame } : {}),
          ...(input.invitations !== undefined ? { invitations: input.invitations } : {}),
          questions: input.questions,
          attributes: input.attributes,
          ...(input.weightColumn ? { weightColumn: input.weightColumn } : {}),
          ...(input.calibration ? { calibration: input.calibration } : {}),
          createdBy: opts.actor,
        },
        responses,
        invitations,
        population.map((p) => ({
          ...p,
          ...(input.populationSource ? { source: input.populationSource } : {}),
        })),
      );
      await audit(tx, {
        actor: opts.actor,
        action: 'survey.wave.import',
        entityType: 'survey-wave',
        entityId: input.code,
        after: { respondents: responses.length, questions: input.questions.map((q) => q.code) },
        details: { file: t.file },
      });
    });
  } catch (e) {
    // The same wave imported at the same moment: the other import won.
    if (isUniqueViolation(e)) return fail(P.waveExists.create({ code: input.code }, { field: 'code' }));
    throw e;
  }
  return ok({ code: input.code, respondents: responses.length, dryRun: false });
}

function readInvitations(table: Table | undefined, problems: Problem[]) {
  if (!table) return [];
  return table.rows.flatMap((r) => {
    const invited = Number(r.cells.invited);
    if (!r.cells.variable || !r.cells.level || !Number.isInteger(invited) || invited < 0) {
      problems.push({
        code: 'survey/invitations-invalid',
        kind: 'invalid',
        message: {
          ja: '招待数の行が正しくありません（variable, level, invited）',
          en: 'Invalid invitations row (variable, level, invited)',
        },
        where: { file: table.file, row: r.row },
      });
      return [];
    }
    return [{ variable: r.cells.variable, level: r.cells.level, invited }];
  });
}

function readPopulation(
  table: Table | undefined,
  calibration: ImportWaveInput['calibration'],
  problems: Problem[],
) {
  if (!table) return [];
  const vars = calibration?.poststratify ?? calibration?.rake ?? table.headers.filter((h) => h !== 'count');
  return table.rows.flatMap((r) => {
    const count = Number(r.cells.count);
    if (!(count >= 0)) {
      problems.push({
        code: 'survey/population-count-invalid',
        kind: 'invalid',
        message: { ja: '母集団の人数が正しくありません', en: 'Invalid population count' },
        where: { file: table.file, row: r.row, column: 'count' },
      });
      return [];
    }
    return [
      { cell: Object.fromEntries(vars.filter((v) => r.cells[v]).map((v) => [v, r.cells[v] ?? ''])), count },
    ];
  });
}
