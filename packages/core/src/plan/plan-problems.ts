/** Problems in a plan document (named errors for validate and import). */
import { defineProblem } from '../errors';
import type { LevelNames } from './plan-types';

/** The plan's level names as the problems name them (from levelNamesOf). */
type Levels = { levels: LevelNames };
const en = (n: { ja: string; en?: string }) => n.en ?? n.ja;

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
  fieldOutsideStrategy: defineProblem<{ code: string; strategy: string } & Levels>(
    'plan/field-outside-strategy',
    'invalid',
    (p) => ({
      ja: `${p.levels.field.ja}「${p.code}」がどの${p.levels.strategy.ja}にも属していません（${p.levels.strategy.ja}「${p.strategy}」は存在しません）`,
      en: `${en(p.levels.field)} "${p.code}" is outside any ${en(p.levels.strategy)} ("${p.strategy}" does not exist)`,
    }),
  ),
  areaSharesNotOne: defineProblem<{ code: string; total: number }>(
    'plan/area-shares-not-one',
    'invalid',
    (p) => ({
      ja: `区域「${p.code}」の地区ごとの割合の合計が1ではありません（${p.total}）`,
      en: `The shares of area "${p.code}" do not sum to 1 (${p.total})`,
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
  unknownPhase: defineProblem<{ phase: number } & Levels>('plan/unknown-phase', 'invalid', (p) => ({
    ja: `${p.levels.phase.ja}の第${p.phase}期は定義されていません`,
    en: `${en(p.levels.phase)} ${p.phase} is not defined`,
  })),
  phaseOverlap: defineProblem<{ a: number; b: number } & Levels>('plan/phase-overlap', 'invalid', (p) => ({
    ja: `${p.levels.phase.ja}の第${p.a}期と第${p.b}期の期間が重なっているか、間が空いています`,
    en: `${en(p.levels.phase)} ${p.a} and ${p.b} overlap or leave a gap`,
  })),
  phasesNotTiling: defineProblem<{ start: number; end: number } & Levels>(
    'plan/phases-not-tiling',
    'invalid',
    (p) => ({
      ja: `${p.levels.phase.ja}の期間が計画期間（${p.start}〜${p.end}年度）を最初の年度から最後の年度まで覆っていません`,
      en: `The ${en(p.levels.phase)} periods do not cover the plan from FY${p.start} to FY${p.end}`,
    }),
  ),
  projectOutsidePhase: defineProblem<{ code: string; fiscalYear: number; measure: string } & Levels>(
    'plan/project-outside-phase',
    'invalid',
    (p) => ({
      ja: `${p.levels.project.ja}「${p.code}」の${p.fiscalYear}年度は、${p.levels.measure.ja}「${p.measure}」の${p.levels.phase.ja}の期間外です`,
      en: `${en(p.levels.project)} "${p.code}" in FY${p.fiscalYear} lies outside the ${en(p.levels.phase)} of its ${en(p.levels.measure)} "${p.measure}"`,
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
  tooLarge: defineProblem<{ bytes: number; maxBytes: number }>('plan/too-large', 'too-large', (p) => ({
    ja: `計画ファイルが大きすぎます（${p.bytes} バイト、上限 ${p.maxBytes} バイト）`,
    en: `The plan file is too large (${p.bytes} bytes, at most ${p.maxBytes})`,
  })),
  tooManyAliases: defineProblem<{ maxAliases: number }>('plan/too-many-aliases', 'invalid', (p) => ({
    ja: `計画ファイルの別名（YAML のエイリアス）が多すぎます（上限 ${p.maxAliases}）。展開すると巨大になるファイルは読みません`,
    en: `The plan file uses too many YAML aliases (at most ${p.maxAliases}); a file that expands to a huge document is not read`,
  })),
};
