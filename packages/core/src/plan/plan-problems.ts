/** Problems in a plan document (named errors for validate and import). */
import { defineProblem } from '../errors';

export const planProblems = {
  duplicateCode: defineProblem<{ code: string; firstPath: string }>(
    'plan/duplicate-code',
    'invalid',
    (p) => ({
      ja: `コード「${p.code}」が重複しています（最初の定義: ${p.firstPath}）`,
      en: `Duplicate code "${p.code}" (first defined at ${p.firstPath})`,
    }),
  ),
  unknownCode: defineProblem<{ code: string; expected: string }>('plan/unknown-code', 'invalid', (p) => ({
    ja: `コード「${p.code}」が見つかりません（${p.expected} のコードが必要です）`,
    en: `Unknown code "${p.code}" (expected a ${p.expected} code)`,
  })),
  fieldOutsideStrategy: defineProblem<{ code: string; strategy: string }>(
    'plan/field-outside-strategy',
    'invalid',
    (p) => ({
      ja: `戦略分野「${p.code}」がどの基本戦略にも属していません（基本戦略「${p.strategy}」は存在しません）`,
      en: `Strategic field "${p.code}" is outside any basic strategy ("${p.strategy}" does not exist)`,
    }),
  ),
  cycle: defineProblem<{ codes: string[] }>('plan/cycle', 'invalid', (p) => ({
    ja: `参照が循環しています: ${p.codes.join(' → ')}`,
    en: `Circular reference: ${p.codes.join(' → ')}`,
  })),
  fiscalYearOutsidePlan: defineProblem<{ fiscalYear: number; start: number; end: number }>(
    'plan/fiscal-year-outside-plan',
    'invalid',
    (p) => ({
      ja: `${p.fiscalYear}年度は計画期間（${p.start}〜${p.end}年度）の外です`,
      en: `Fiscal year ${p.fiscalYear} is outside the plan (FY${p.start}–FY${p.end})`,
    }),
  ),
  unknownPhase: defineProblem<{ phase: number }>('plan/unknown-phase', 'invalid', (p) => ({
    ja: `中期戦略の第${p.phase}期は定義されていません`,
    en: `Medium-term phase ${p.phase} is not defined`,
  })),
  phaseOverlap: defineProblem<{ a: number; b: number }>('plan/phase-overlap', 'invalid', (p) => ({
    ja: `中期戦略の第${p.a}期と第${p.b}期の期間が重なっているか、間が空いています`,
    en: `Phases ${p.a} and ${p.b} overlap or leave a gap`,
  })),
  projectOutsidePhase: defineProblem<{ code: string; fiscalYear: number; measure: string }>(
    'plan/project-outside-phase',
    'invalid',
    (p) => ({
      ja: `事務事業「${p.code}」の${p.fiscalYear}年度は、施策「${p.measure}」の中期戦略の期間外です`,
      en: `Project "${p.code}" in FY${p.fiscalYear} lies outside the phase of its measure "${p.measure}"`,
    }),
  ),
  invalidSpan: defineProblem<{ start: number; end: number }>('plan/invalid-span', 'invalid', (p) => ({
    ja: `計画期間が正しくありません（${p.start}〜${p.end}年度）`,
    en: `Invalid plan span (FY${p.start}–FY${p.end})`,
  })),
  invalidShape: defineProblem<{ reason: string }>('plan/invalid-shape', 'invalid', (p) => ({
    ja: `計画ファイルの形式が正しくありません: ${p.reason}`,
    en: `The plan file does not match the format: ${p.reason}`,
  })),
  unreadable: defineProblem<{ reason: string }>('plan/unreadable', 'invalid', (p) => ({
    ja: `計画ファイルを読み取れません: ${p.reason}`,
    en: `Cannot parse the plan file: ${p.reason}`,
  })),
};
