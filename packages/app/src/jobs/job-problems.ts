/** Problems of background jobs. */
import { defineProblem } from '@mirai/core';

export const jobProblems = {
  notFound: defineProblem<{ id: string }>('job/not-found', 'not-found', ({ id }) => ({
    ja: `ジョブ ${id} は見つかりません。`,
    en: `Job ${id} not found.`,
  })),
  unknownKind: defineProblem<{ kind: string }>('job/unknown-kind', 'invalid', ({ kind }) => ({
    ja: `ジョブの種類「${kind}」は登録されていません。`,
    en: `No handler is registered for job kind "${kind}".`,
  })),
  crashed: defineProblem<{ kind: string }>('job/crashed', 'invalid', ({ kind }) => ({
    ja: `ジョブ（${kind}）の処理中に予期しないエラーが発生しました。管理者にお問い合わせください。`,
    en: `The job (${kind}) stopped with an unexpected error. Please contact the administrator.`,
  })),
  inputMissing: defineProblem('job/input-missing', 'invalid', () => ({
    ja: 'ジョブのファイルが見つかりません。もう一度アップロードしてください。',
    en: 'The job has no file. Please upload it again.',
  })),
  moreProblems: defineProblem<{ shown: number; total: number }>(
    'job/more-problems',
    'invalid',
    ({ shown, total }) => ({
      ja: `ほかにも問題があります（全 ${total} 件のうち最初の ${shown} 件を表示しています）。ファイルを直してからもう一度お試しください。`,
      en: `There are more problems (the first ${shown} of ${total} are shown). Please correct the file and try again.`,
    }),
  ),
  timeout: defineProblem<{ id: string }>('job/wait-timeout', 'conflict', ({ id }) => ({
    ja: `ジョブ ${id} が時間内に終わりませんでした。`,
    en: `Job ${id} did not finish in time.`,
  })),
};
