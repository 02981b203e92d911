/**
 * Definitions used by the indicator tests: the two top indicators as the
 * plan states them (mirroring data/shiojiri/plan.yaml) and small generic ones.
 * Not used by production code.
 */
import type { ActualVersion, IndicatorDefinition } from './indicator-types';

export const happiness: IndicatorDefinition = {
  code: 'TOP-HAPPINESS',
  name: { ja: '市民幸福度', en: 'Citizen happiness' },
  unit: { ja: '点', en: 'points (0–10)' },
  kind: 'survey',
  direction: 'higher-is-better',
  range: { min: 0, max: 10 },
  serves: 'plan',
  frequency: 'yearly',
  baseline: {
    value: 6.77,
    asOf: '2022-12',
    source: { ja: '市民アンケート（令和4年12月）' },
    sampleSize: 1304,
    responseRate: 0.522,
  },
  targets: [{ fiscalYear: 2032, value: 6.77, comparison: 'at-least' }],
  finalTarget: { fiscalYear: 2032, value: 6.77, comparison: 'at-least' },
  survey: {
    question: { ja: '現在、あなたはどの程度幸せですか' },
    scale: { min: 0, max: 10 },
  },
};

export const population: IndicatorDefinition = {
  code: 'TOP-POPULATION',
  name: { ja: '総人口', en: 'Total population' },
  unit: { ja: '人', en: 'persons' },
  kind: 'statistic',
  direction: 'higher-is-better',
  range: { min: 0 },
  serves: 'plan',
  frequency: 'census',
  baseline: { value: 67241, asOf: '2020-10', source: { ja: '令和2年国勢調査' } },
  targets: [{ fiscalYear: 2032, value: 65000, comparison: 'at-least' }],
  finalTarget: { fiscalYear: 2032, value: 65000, comparison: 'at-least' },
};

/** A generic yearly indicator: baseline 40 (FY2023), target falls by 2 a year. */
export const anxiety: IndicatorDefinition = {
  code: 'K-ANXIETY',
  name: { ja: '子育てに不安を感じる保護者の割合' },
  unit: { ja: '%' },
  kind: 'administrative',
  direction: 'lower-is-better',
  range: { min: 0, max: 100 },
  serves: 'M1',
  frequency: 'yearly',
  areas: ['north', 'south'],
  baseline: { value: 40, asOf: '2023', source: { ja: 'テスト' } },
  targets: [
    { fiscalYear: 2024, value: 38 },
    { fiscalYear: 2025, value: 36 },
    { fiscalYear: 2026, value: 34 },
  ],
};

export function actual(
  indicatorCode: string,
  fiscalYear: number,
  value: number,
  extra: Partial<ActualVersion> = {},
): ActualVersion {
  return {
    id: `${indicatorCode}-${fiscalYear}-${extra.area ?? 'all'}-${value}`,
    indicatorCode,
    fiscalYear,
    value,
    source: 'test',
    enteredBy: 'tester',
    enteredAt: '2026-01-01T00:00:00Z',
    ...extra,
  };
}
