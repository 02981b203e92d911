/** Problems of the evaluation workbook import, each with the workbook, worksheet and cell. */
import { defineProblem } from '@mirai/core';

export const xlsxProblems = {
  unreadable: defineProblem<{ reason: string }>('evaluation-xlsx/unreadable', 'invalid', (p) => ({
    ja: `Excel ファイル（xlsx）として読めません（${p.reason}）`,
    en: `Not a readable xlsx workbook (${p.reason})`,
  })),
  notEvaluationWorkbook: defineProblem('evaluation-xlsx/not-evaluation-workbook', 'invalid', () => ({
    ja: 'Mirai から出力した評価シートのブックではありません（非表示のIDシートがありません）',
    en: 'Not an evaluation workbook exported by Mirai (the hidden ID sheet is missing)',
  })),
  idsEdited: defineProblem<{ what: string }>('evaluation-xlsx/ids-edited', 'invalid', (p) => ({
    ja: `非表示のID（${p.what}）が変更されています。出力したブックをそのまま使ってください`,
    en: `The hidden IDs (${p.what}) were edited; use the workbook as exported`,
  })),
  otherRound: defineProblem<{ workbookRound: string; expected: string }>(
    'evaluation-xlsx/other-round',
    'invalid',
    (p) => ({
      ja: `別の評価ラウンドのブックです（ブック：${p.workbookRound}、取込先：${p.expected}）`,
      en: `The workbook belongs to another round (${p.workbookRound}, expected ${p.expected})`,
    }),
  ),
  roundUnknown: defineProblem<{ roundId: string }>('evaluation-xlsx/round-unknown', 'not-found', (p) => ({
    ja: `ブックの評価ラウンド「${p.roundId}」はありません`,
    en: `The workbook's round "${p.roundId}" does not exist`,
  })),
  otherDepartment: defineProblem<{ workbookDepartment: string; expected: string }>(
    'evaluation-xlsx/other-department',
    'forbidden',
    (p) => ({
      ja: `別の課のブックまたはシートです（${p.workbookDepartment}、想定：${p.expected}）`,
      en: `The workbook or worksheet belongs to another department (${p.workbookDepartment}, expected ${p.expected})`,
    }),
  ),
  worksheetMissing: defineProblem<{ worksheet: string }>(
    'evaluation-xlsx/worksheet-missing',
    'invalid',
    (p) => ({
      ja: `ワークシート「${p.worksheet}」がありません（名前の変更・削除はできません）`,
      en: `Worksheet "${p.worksheet}" is missing (do not rename or delete worksheets)`,
    }),
  ),
  sheetUnknown: defineProblem<{ sheetId: string }>('evaluation-xlsx/sheet-unknown', 'invalid', (p) => ({
    ja: `評価シート「${p.sheetId}」はこのラウンドにありません`,
    en: `Sheet "${p.sheetId}" is not in this round`,
  })),
  labelEdited: defineProblem<{ expected: string; found: string }>(
    'evaluation-xlsx/label-edited',
    'invalid',
    (p) => ({
      ja: `項目名が変更されています（「${p.found}」、本来は「${p.expected}」）。行の追加・削除・移動はできません`,
      en: `A label was edited ("${p.found}", expected "${p.expected}"); rows cannot be added, removed or moved`,
    }),
  ),
  numberInvalid: defineProblem<{ value: string; label: string }>(
    'evaluation-xlsx/number-invalid',
    'invalid',
    (p) => ({
      ja: `「${p.label}」は数値で入力してください（「${p.value}」）`,
      en: `"${p.label}" must be a number ("${p.value}")`,
    }),
  ),
  choiceUnknown: defineProblem<{ value: string; label: string; allowed: string }>(
    'evaluation-xlsx/choice-unknown',
    'invalid',
    (p) => ({
      ja: `「${p.label}」の「${p.value}」は選択肢にありません（${p.allowed}）`,
      en: `"${p.value}" is not an option for "${p.label}" (${p.allowed})`,
    }),
  ),
};
