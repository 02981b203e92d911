/** Problems of the areas' read models. */
import { defineProblem } from '@mirai/core';

export const areaProblems = {
  notFound: defineProblem<{ code: string }>('area/not-found', 'not-found', (p) => ({
    ja: `区域「${p.code}」はありません`,
    en: `No area "${p.code}"`,
  })),
  noBoundaries: defineProblem('area/no-boundaries', 'not-found', () => ({
    ja: '境界データは登録されていません',
    en: 'No boundaries are stored',
  })),
};
