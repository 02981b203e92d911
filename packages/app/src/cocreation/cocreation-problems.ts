/** Problems of co-creation use cases (partners, reports, voices, workshops, follows). */
import { defineProblem } from '@mirai/core';

export const cocreationProblems = {
  partnerNotFound: defineProblem<{ code: string }>(
    'cocreation/partner-not-found',
    'not-found',
    ({ code }) => ({
      ja: `パートナー ${code} は見つかりません`,
      en: `Partner ${code} not found`,
    }),
  ),
  partnerExists: defineProblem<{ code: string }>('cocreation/partner-exists', 'conflict', ({ code }) => ({
    ja: `パートナー ${code} は既に登録されています`,
    en: `Partner ${code} already exists`,
  })),
  unknownItem: defineProblem<{ code: string }>('cocreation/unknown-item', 'invalid', ({ code }) => ({
    ja: `計画に ${code} はありません（施策・事業・指標のコード）`,
    en: `The plan has no ${code} (a measure, project or indicator code)`,
  })),
  badValue: defineProblem<{ field: string; value: string }>(
    'cocreation/bad-value',
    'invalid',
    ({ field, value }) => ({
      ja: `${field} の値 ${value} は使えません`,
      en: `${value} is not a valid ${field}`,
    }),
  ),
  notLinked: defineProblem<{ code: string }>('cocreation/not-linked', 'forbidden', ({ code }) => ({
    ja: `${code} はあなたの団体と連携していない項目です`,
    en: `${code} is not linked to your organisation`,
  })),
  notAPartnerAccount: defineProblem('cocreation/not-a-partner-account', 'forbidden', () => ({
    ja: 'この操作はパートナーのアカウントで行ってください',
    en: 'This is done with a partner account',
  })),
  reportNotFound: defineProblem<{ id: string }>('cocreation/report-not-found', 'not-found', ({ id }) => ({
    ja: `報告 ${id} は見つかりません`,
    en: `Report ${id} not found`,
  })),
  staleVersion: defineProblem<{ expected: number; actual: number }>(
    'cocreation/stale-version',
    'conflict',
    ({ expected, actual }) => ({
      ja: `他の人が先に更新しました（版 ${expected} → ${actual}）。読み込み直してください`,
      en: `Someone changed it first (version ${expected} → ${actual}); reload and try again`,
    }),
  ),
  alreadyReviewed: defineProblem<{ id: string; status: string }>(
    'cocreation/already-reviewed',
    'conflict',
    ({ id, status }) => ({
      ja: `報告 ${id} は既に処理済みです（${status}）`,
      en: `Report ${id} has already been reviewed (${status})`,
    }),
  ),
  commentRequired: defineProblem('cocreation/comment-required', 'invalid', () => ({
    ja: '差し戻し・非表示には理由（コメント）が必要です',
    en: 'Returning or hiding needs a reason (comment)',
  })),
  voiceNotFound: defineProblem<{ id: string }>('voices/not-found', 'not-found', ({ id }) => ({
    ja: `投稿 ${id} は見つかりません`,
    en: `Post ${id} not found`,
  })),
  badToken: defineProblem('cocreation/bad-token', 'not-found', () => ({
    ja: 'リンクが無効か、期限が切れています',
    en: 'The link is not valid or has expired',
  })),
  workshopNotFound: defineProblem<{ code: string }>(
    'cocreation/workshop-not-found',
    'not-found',
    ({ code }) => ({
      ja: `ワークショップ ${code} は見つかりません`,
      en: `Workshop ${code} not found`,
    }),
  ),
  workshopExists: defineProblem<{ code: string }>('cocreation/workshop-exists', 'conflict', ({ code }) => ({
    ja: `ワークショップ ${code} は既に記録されています`,
    en: `Workshop ${code} already exists`,
  })),
};
