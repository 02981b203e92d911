/**
 * Evaluation rounds: the planning division opens one round per evaluated fiscal
 * year, after that year has closed, choosing the measures and projects in scope
 * and a due date per review stage (department entry → section head → planning
 * division → external committee). The round runs in the following fiscal year.
 */
import type { CalendarDate } from '../calendar';
import { fail, ok, type Problem, type Result } from '../errors';
import { evaluationProblems as P } from './evaluation-problems';
import { addDays, compareDates, formatIsoDate, isValidDate } from './local-date';

export const roundStages = [
  'department-entry',
  'section-head',
  'planning-division',
  'external-committee',
] as const;
export type RoundStage = (typeof roundStages)[number];

export const roundStageLabels: Record<RoundStage, { ja: string; en: string }> = {
  'department-entry': { ja: '担当課入力', en: 'Department entry' },
  'section-head': { ja: '所属長確認', en: 'Section head review' },
  'planning-division': { ja: '企画担当課審査', en: 'Planning division review' },
  'external-committee': { ja: '行政評価委員会（外部評価）', en: 'External committee' },
};

export type RoundState = 'open' | 'closed' | 'published' | 'locked';

export interface StageDue {
  stage: RoundStage;
  due: CalendarDate;
}

export interface RoundScope {
  measureCodes: string[];
  projectCodes: string[];
}

export interface EvaluationRound {
  id: string;
  /** The evaluated (closed) fiscal year. */
  fiscalYear: number;
  /** The fiscal year the round runs in: `fiscalYear + 1`. */
  conductedInFiscalYear: number;
  openedOn: CalendarDate;
  scope: RoundScope;
  /** Due dates in stage order. */
  stages: StageDue[];
  state: RoundState;
  version: number;
}

export interface OpenRoundInput {
  id?: string;
  fiscalYear: number;
  openedOn: CalendarDate;
  scope: RoundScope;
  stages: StageDue[];
  /** Stages every round must have; default: all but the external committee. */
  requiredStages?: readonly RoundStage[];
}

export const defaultRequiredStages: readonly RoundStage[] = [
  'department-entry',
  'section-head',
  'planning-division',
];

/** Opens a round: validates the year, the opening date, the scope and the cascade of due dates. */
export function openRound(input: OpenRoundInput): Result<EvaluationRound> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const fy = input.fiscalYear;
  if (!Number.isInteger(fy) || fy < 1900 || fy > 9998) {
    return fail(P.invalidFiscalYear.create({ value: fy }, { field: 'fiscalYear' }));
  }
  const conducted = fy + 1;
  if (!isValidDate(input.openedOn)) {
    problems.push(P.invalidDate.create({ value: JSON.stringify(input.openedOn) }, { field: 'openedOn' }));
  } else if (compareDates(input.openedOn, { year: conducted, month: 4, day: 1 }) < 0) {
    problems.push(
      P.openedBeforeYearClosed.create(
        { fiscalYear: fy, openedOn: formatIsoDate(input.openedOn) },
        { field: 'openedOn' },
      ),
    );
  } else if (compareDates(input.openedOn, { year: conducted, month: 6, day: 1 }) < 0) {
    // 出納整理期間 (to May 31): the accounts are not final yet; allowed, but said.
    warnings.push(
      P.accountsNotSettled.create(
        { fiscalYear: fy, openedOn: formatIsoDate(input.openedOn) },
        { field: 'openedOn' },
        'warning',
      ),
    );
  }
  problems.push(...checkScope(input.scope));
  problems.push(...checkStages(input, conducted));
  if (problems.length > 0) return fail(problems);
  const stages = [...input.stages].sort(
    (a, b) => roundStages.indexOf(a.stage) - roundStages.indexOf(b.stage),
  );
  const round: EvaluationRound = {
    id: input.id ?? `evaluation-${fy}`,
    fiscalYear: fy,
    conductedInFiscalYear: conducted,
    openedOn: { ...input.openedOn },
    scope: { measureCodes: [...input.scope.measureCodes], projectCodes: [...input.scope.projectCodes] },
    stages: stages.map((s) => ({ stage: s.stage, due: { ...s.due } })),
    state: 'open',
    version: 1,
  };
  return ok(round, warnings);
}

function checkScope(scope: RoundScope): Problem[] {
  const problems: Problem[] = [];
  if (scope.measureCodes.length + scope.projectCodes.length === 0) {
    problems.push(P.scopeEmpty.create({}, { field: 'scope' }));
  }
  for (const key of ['measureCodes', 'projectCodes'] as const) {
    const seen = new Set<string>();
    scope[key].forEach((code, index) => {
      if (seen.has(code)) problems.push(P.scopeDuplicate.create({ code }, { path: `scope.${key}`, index }));
      seen.add(code);
    });
  }
  return problems;
}

function checkStages(input: OpenRoundInput, conducted: number): Problem[] {
  const problems: Problem[] = [];
  const byStage = new Map<RoundStage, { due: CalendarDate; index: number }>();
  input.stages.forEach((s, index) => {
    const where = { path: `stages[${index}]`, field: s.stage };
    if (byStage.has(s.stage)) problems.push(P.stageDuplicate.create({ stage: s.stage }, where));
    else byStage.set(s.stage, { due: s.due, index });
    if (!isValidDate(s.due)) {
      problems.push(P.invalidDate.create({ value: JSON.stringify(s.due) }, where));
      return;
    }
    const due = formatIsoDate(s.due);
    const inYear =
      compareDates(s.due, { year: conducted, month: 4, day: 1 }) >= 0 &&
      compareDates(s.due, { year: conducted + 1, month: 3, day: 31 }) <= 0;
    if (!inYear)
      problems.push(P.stageDueOutsideRoundYear.create({ stage: s.stage, due, fiscalYear: conducted }, where));
    else if (isValidDate(input.openedOn) && compareDates(s.due, input.openedOn) < 0) {
      problems.push(
        P.stageDueBeforeOpening.create(
          { stage: s.stage, due, openedOn: formatIsoDate(input.openedOn) },
          where,
        ),
      );
    }
  });
  for (const stage of input.requiredStages ?? defaultRequiredStages) {
    if (!byStage.has(stage))
      problems.push(P.stageMissing.create({ stage }, { path: 'stages', field: stage }));
  }
  // Cascade: each present stage is due on or after the previous present stage.
  let previous: { stage: RoundStage; due: CalendarDate } | undefined;
  for (const stage of roundStages) {
    const entry = byStage.get(stage);
    if (!entry || !isValidDate(entry.due)) continue;
    if (previous && compareDates(entry.due, previous.due) < 0) {
      problems.push(
        P.stageDueBeforePrevious.create(
          {
            stage,
            due: formatIsoDate(entry.due),
            previous: previous.stage,
            previousDue: formatIsoDate(previous.due),
          },
          { path: `stages[${entry.index}]`, field: stage },
        ),
      );
    }
    previous = { stage, due: entry.due };
  }
  return problems;
}

/** The due date of a stage in a round, if the round has that stage. */
export function stageDue(
  round: Pick<EvaluationRound, 'stages'>,
  stage: RoundStage,
): CalendarDate | undefined {
  return round.stages.find((s) => s.stage === stage)?.due;
}

export function hasCommitteeStage(round: Pick<EvaluationRound, 'stages'>): boolean {
  return round.stages.some((s) => s.stage === 'external-committee');
}

/**
 * Cascades due dates from the department entry's: each later stage is due
 * `gaps[stage]` days after the previous present stage. Stages without a gap
 * are left out (e.g. no external committee).
 */
export function cascadeDueDates(
  entryDue: CalendarDate,
  gaps: Partial<Record<Exclude<RoundStage, 'department-entry'>, number>>,
): StageDue[] {
  const stages: StageDue[] = [{ stage: 'department-entry', due: { ...entryDue } }];
  for (const stage of roundStages) {
    if (stage === 'department-entry') continue;
    const gap = gaps[stage];
    if (gap === undefined) continue;
    if (!Number.isInteger(gap) || gap < 0)
      throw new Error(`cascadeDueDates: gap for ${stage} must be a whole number ≥ 0`);
    stages.push({ stage, due: addDays(stages[stages.length - 1]!.due, gap) });
  }
  return stages;
}
