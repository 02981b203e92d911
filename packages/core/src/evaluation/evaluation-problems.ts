/**
 * The evaluation cycle's problem catalogue: every expected failure in a round,
 * a sheet, its workflow, a logic model or a medium-term review, with a stable code.
 */
import { defineProblem } from '../errors';

export const evaluationProblems = {
  // Rounds and schedules
  invalidDate: defineProblem<{ value: string }>('evaluation/invalid-date', 'invalid', ({ value }) => ({
    ja: `日付が正しくありません: ${value}`,
    en: `Not a valid date: ${value}`,
  })),
  invalidFiscalYear: defineProblem<{ value: number }>(
    'evaluation/invalid-fiscal-year',
    'invalid',
    ({ value }) => ({
      ja: `年度が正しくありません: ${value}`,
      en: `Not a valid fiscal year: ${value}`,
    }),
  ),
  openedBeforeYearClosed: defineProblem<{ fiscalYear: number; openedOn: string }>(
    'evaluation/opened-before-year-closed',
    'invalid',
    ({ fiscalYear, openedOn }) => ({
      ja: `${fiscalYear}年度の評価は年度終了後に開始してください（開始日 ${openedOn}）。`,
      en: `A round for FY${fiscalYear} can only open after that year has closed (opened ${openedOn}).`,
    }),
  ),
  accountsNotSettled: defineProblem<{ fiscalYear: number; openedOn: string }>(
    'evaluation/accounts-not-settled',
    'invalid',
    ({ fiscalYear, openedOn }) => ({
      ja: `${openedOn} は${fiscalYear}年度の出納整理期間中です（決算未確定）。`,
      en: `${openedOn} is within FY${fiscalYear}'s closing period; its accounts have not settled.`,
    }),
  ),
  stageMissing: defineProblem<{ stage: string }>('evaluation/stage-missing', 'invalid', ({ stage }) => ({
    ja: `段階「${stage}」の期限がありません。`,
    en: `The stage "${stage}" has no due date.`,
  })),
  stageDuplicate: defineProblem<{ stage: string }>('evaluation/stage-duplicate', 'invalid', ({ stage }) => ({
    ja: `段階「${stage}」が重複しています。`,
    en: `The stage "${stage}" is given twice.`,
  })),
  stageDueBeforePrevious: defineProblem<{
    stage: string;
    due: string;
    previous: string;
    previousDue: string;
  }>('evaluation/stage-due-before-previous', 'invalid', ({ stage, due, previous, previousDue }) => ({
    ja: `「${stage}」の期限 ${due} が前段階「${previous}」の期限 ${previousDue} より前です。`,
    en: `"${stage}" is due ${due}, before the previous stage "${previous}" (${previousDue}).`,
  })),
  stageDueOutsideRoundYear: defineProblem<{ stage: string; due: string; fiscalYear: number }>(
    'evaluation/stage-due-outside-round-year',
    'invalid',
    ({ stage, due, fiscalYear }) => ({
      ja: `「${stage}」の期限 ${due} が評価実施年度（${fiscalYear}年度）の範囲外です。`,
      en: `"${stage}" is due ${due}, outside the fiscal year the round runs in (FY${fiscalYear}).`,
    }),
  ),
  stageDueBeforeOpening: defineProblem<{ stage: string; due: string; openedOn: string }>(
    'evaluation/stage-due-before-opening',
    'invalid',
    ({ stage, due, openedOn }) => ({
      ja: `「${stage}」の期限 ${due} が開始日 ${openedOn} より前です。`,
      en: `"${stage}" is due ${due}, before the round opens (${openedOn}).`,
    }),
  ),
  scopeEmpty: defineProblem('evaluation/scope-empty', 'invalid', () => ({
    ja: '評価対象の施策・事務事業がありません。',
    en: 'The round has no measures or projects in scope.',
  })),
  scopeDuplicate: defineProblem<{ code: string }>('evaluation/scope-duplicate', 'invalid', ({ code }) => ({
    ja: `評価対象のコード ${code} が重複しています。`,
    en: `The code ${code} is in the scope twice.`,
  })),
  invalidRoundTransition: defineProblem<{ from: string; action: string }>(
    'evaluation/invalid-round-transition',
    'conflict',
    ({ from, action }) => ({
      ja: `状態「${from}」の評価ラウンドに「${action}」はできません。`,
      en: `A round in state "${from}" cannot be "${action}".`,
    }),
  ),
  roundIncomplete: defineProblem<{ sheetId: string; state: string; needed: string }>(
    'evaluation/round-incomplete',
    'conflict',
    ({ sheetId, state, needed }) => ({
      ja: `シート ${sheetId} が「${state}」のままです（「${needed}」以降が必要）。`,
      en: `Sheet ${sheetId} is still "${state}" (needs "${needed}" or later).`,
    }),
  ),
  roundLocked: defineProblem('evaluation/round-locked', 'conflict', () => ({
    ja: '評価ラウンドはロックされており、変更できません。',
    en: 'The round is locked; nothing can change.',
  })),
  roundClosed: defineProblem<{ state: string }>('evaluation/round-closed', 'conflict', ({ state }) => ({
    ja: `評価ラウンドが「${state}」のため、入力・審査はできません。`,
    en: `The round is "${state}"; entries and reviews are closed.`,
  })),
  roundNotClosed: defineProblem<{ state: string }>(
    'evaluation/round-not-closed',
    'conflict',
    ({ state }) => ({
      ja: `評価ラウンドが「${state}」のため、公表できません（締切後に公表）。`,
      en: `The round is "${state}"; sheets are published only after it is closed.`,
    }),
  ),
  // Workflow
  invalidTransition: defineProblem<{ from: string; action: string }>(
    'evaluation/invalid-transition',
    'conflict',
    ({ from, action }) => ({
      ja: `状態「${from}」のシートに「${action}」はできません。`,
      en: `A sheet in state "${from}" cannot be "${action}".`,
    }),
  ),
  roleForbidden: defineProblem<{ role: string; action: string }>(
    'evaluation/role-forbidden',
    'forbidden',
    ({ role, action }) => ({
      ja: `役割「${role}」には「${action}」の権限がありません。`,
      en: `The role "${role}" may not "${action}".`,
    }),
  ),
  otherDepartment: defineProblem<{ department: string; sheetDepartment: string }>(
    'evaluation/other-department',
    'forbidden',
    ({ department, sheetDepartment }) => ({
      ja: `所属（${department}）以外の課（${sheetDepartment}）のシートは操作できません。`,
      en: `A department role of ${department} cannot act on a sheet of ${sheetDepartment}.`,
    }),
  ),
  commentRequired: defineProblem<{ action: string }>(
    'evaluation/comment-required',
    'invalid',
    ({ action }) => ({
      ja: `「${action}」には理由（コメント）が必要です。`,
      en: `"${action}" needs a comment giving the reason.`,
    }),
  ),
  sheetNotEditable: defineProblem<{ state: string; part: string }>(
    'evaluation/sheet-not-editable',
    'conflict',
    ({ state, part }) => ({
      ja: `状態「${state}」のシートの「${part}」は編集できません。`,
      en: `The "${part}" of a sheet in state "${state}" cannot be edited.`,
    }),
  ),
  staleVersion: defineProblem<{ expected: number; current: number }>(
    'evaluation/stale-version',
    'conflict',
    ({ expected, current }) => ({
      ja: `他の人が先に更新しました（編集元の版 ${expected}、現在の版 ${current}）。最新を読み込んでください。`,
      en: `Someone else saved first (you edited version ${expected}, it is now ${current}); reload and retry.`,
    }),
  ),
  commentParentUnknown: defineProblem<{ parentId: string }>(
    'evaluation/comment-parent-unknown',
    'not-found',
    ({ parentId }) => ({
      ja: `返信先のコメント ${parentId} がありません。`,
      en: `The comment replied to (${parentId}) does not exist on this sheet.`,
    }),
  ),
  commentDuplicate: defineProblem<{ id: string }>('evaluation/comment-duplicate', 'conflict', ({ id }) => ({
    ja: `コメント ${id} は既にあります。`,
    en: `A comment with id ${id} already exists.`,
  })),
  commentEmpty: defineProblem('evaluation/comment-empty', 'invalid', () => ({
    ja: 'コメントが空です。',
    en: 'The comment is empty.',
  })),
  reviewPublished: defineProblem<{ phase: number }>(
    'evaluation/review-published',
    'conflict',
    ({ phase }) => ({
      ja: `第${phase}期の中期評価は公表済みです。結論は変更できません。`,
      en: `The medium-term review of phase ${phase} is published; its conclusions are final.`,
    }),
  ),
  reviewIncomplete: defineProblem<{ phase: number; missing: string[] }>(
    'evaluation/review-incomplete',
    'invalid',
    ({ phase, missing }) => ({
      ja: `第${phase}期の中期評価は、結論のない施策があるため公表できません（${missing.join('、')}）。`,
      en: `The medium-term review of phase ${phase} cannot be published: measures without a conclusion (${missing.join(', ')}).`,
    }),
  ),
  reviewNotPublished: defineProblem<{ phase: number }>(
    'evaluation/review-not-published',
    'not-found',
    ({ phase }) => ({
      ja: `第${phase}期の中期評価は公表されていません。`,
      en: `The medium-term review of phase ${phase} is not published.`,
    }),
  ),
} as const;
