/** Problems of storing and reading survey waves. */
import { defineProblem } from '@mirai/core';

export const surveyWaveProblems = {
  waveExists: defineProblem<{ code: string }>('survey/wave-exists', 'conflict', ({ code }) => ({
    ja: `調査回「${code}」はすでに登録されています`,
    en: `Survey wave "${code}" already exists`,
  })),
  waveNotFound: defineProblem<{ code: string }>('survey/wave-not-found', 'not-found', ({ code }) => ({
    ja: `調査回「${code}」は見つかりません`,
    en: `Survey wave "${code}" not found`,
  })),
  personalIdentifier: defineProblem<{ column: string }>(
    'survey/personal-identifier',
    'invalid',
    ({ column }) => ({
      ja: `列「${column}」は個人を特定する情報のようです。回答データから除いてから取り込んでください`,
      en: `Column "${column}" looks like a personal identifier; remove it before importing responses`,
    }),
  ),
  questionUnknown: defineProblem<{ code: string }>('survey/question-unknown', 'invalid', ({ code }) => ({
    ja: `設問「${code}」はこの調査回にありません`,
    en: `Question "${code}" is not part of this wave`,
  })),
  attributeMissing: defineProblem<{ column: string }>(
    'survey/attribute-missing',
    'invalid',
    ({ column }) => ({
      ja: `属性「${column}」が空欄です`,
      en: `Attribute "${column}" is blank`,
    }),
  ),
  staleVersion: defineProblem<{ expected: number }>('survey/stale-version', 'conflict', ({ expected }) => ({
    ja: `調査回は他の人が更新しました（想定版 ${expected}）。読み込み直してください`,
    en: `The wave was changed by someone else (expected version ${expected}); reload and retry`,
  })),
  noIndicator: defineProblem<{ question: string }>('survey/no-indicator', 'invalid', ({ question }) => ({
    ja: `設問「${question}」に対応する指標がありません`,
    en: `Question "${question}" is not linked to an indicator`,
  })),
};

/** Column names that identify a person; a wave stores none of them. */
export const personalIdentifierPattern =
  /^(氏名|名前|住所|電話(番号)?|メール(アドレス)?|e-?mail|name|full[_ ]?name|address|phone|tel|birth[_ ]?date|生年月日|マイナンバー)$/i;
