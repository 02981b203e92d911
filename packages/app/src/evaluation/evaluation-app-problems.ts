/** Problems of the evaluation use cases (rounds and sheets in storage). */
import { defineProblem } from '@mirai/core';

export const evaluationAppProblems = {
  roundNotFound: defineProblem<{ fiscalYear: number }>('evaluation/round-not-found', 'not-found', (p) => ({
    ja: `${p.fiscalYear}年度の評価ラウンドはありません`,
    en: `No evaluation round for FY${p.fiscalYear}`,
  })),
  roundExists: defineProblem<{ fiscalYear: number }>('evaluation/round-exists', 'conflict', (p) => ({
    ja: `${p.fiscalYear}年度の評価ラウンドはすでに開始されています`,
    en: `The evaluation round for FY${p.fiscalYear} is already open`,
  })),
  sheetNotFound: defineProblem<{ id: string }>('evaluation/sheet-not-found', 'not-found', (p) => ({
    ja: `評価シート「${p.id}」は見つかりません`,
    en: `Evaluation sheet "${p.id}" not found`,
  })),
  scopeUnknown: defineProblem<{ code: string; kind: string }>('evaluation/scope-unknown', 'invalid', (p) => ({
    ja: `計画に${p.kind === 'measure' ? '施策' : '事務事業'}「${p.code}」はありません`,
    en: `The plan has no ${p.kind} "${p.code}"`,
  })),
  phaseUnknown: defineProblem<{ phase: number }>('evaluation/phase-unknown', 'not-found', (p) => ({
    ja: `計画に第${p.phase}期はありません`,
    en: `The plan has no phase ${p.phase}`,
  })),
  kindMismatch: defineProblem<{ sheet: string; given: string }>(
    'evaluation/content-kind-mismatch',
    'invalid',
    (p) => ({
      ja: `シートの種類（${p.sheet}）と送られた内容の種類（${p.given}）が一致しません`,
      en: `The sheet is a ${p.sheet} sheet but the content is for a ${p.given} sheet`,
    }),
  ),
  identityChanged: defineProblem<{ field: string }>('evaluation/identity-changed', 'invalid', (p) => ({
    ja: `「${p.field}」は計画から設定される項目のため変更できません`,
    en: `"${p.field}" comes from the plan and cannot be changed on the sheet`,
  })),
  indicatorFromPlan: defineProblem<{ code: string }>('evaluation/indicator-from-plan', 'invalid', (p) => ({
    ja: `指標「${p.code}」は計画でこのシートに付いているため外せません（外せるのは追加した指標だけです）`,
    en: `Indicator "${p.code}" comes with this sheet from the plan and cannot be removed (only added ones can)`,
  })),
  reminderDays: defineProblem<{ days: string }>('evaluation/reminder-days', 'invalid', (p) => ({
    ja: `催促の日（${p.days}）は、期限の60日前から60日後までの整数を重複なく8個までにしてください`,
    en: `Reminder days (${p.days}) must be whole days from 60 before to 60 after the due date, at most 8, no repeats`,
  })),
  nextPhaseMissing: defineProblem<{ phase: number }>('evaluation/next-phase-missing', 'invalid', (p) => ({
    ja: `計画に次の期（第${p.phase}期）の期間がないため、素案を計画に入れられません。先に計画に期間を加えてください`,
    en: `The plan has no phase ${p.phase} to put the draft in; add the phase to the plan first`,
  })),
};
