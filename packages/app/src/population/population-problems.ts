/** Problems of storing and running population scenarios. */
import { defineProblem } from '@mirai/core';

export const populationUseCaseProblems = {
  scenarioNotFound: defineProblem<{ code: string }>(
    'population/scenario-not-found',
    'not-found',
    ({ code }) => ({
      ja: `シナリオ「${code}」は見つかりません`,
      en: `Scenario "${code}" not found`,
    }),
  ),
  staleVersion: defineProblem<{ code: string }>('population/stale-version', 'conflict', ({ code }) => ({
    ja: `シナリオ「${code}」は他の人が更新しました。読み込み直してください`,
    en: `Scenario "${code}" was changed by someone else; reload and retry`,
  })),
};
