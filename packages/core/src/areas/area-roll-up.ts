/**
 * Indicator values by area rolled up to the city, where the indicator allows
 * it: sums for counts, weighted means for rates (weights such as each area's
 * population), never for indicators that say `none`. The result says how.
 */
export type AreaAggregation = 'sum' | 'weighted-mean' | 'none';

export interface AreaValue {
  area: string;
  value: number;
}

export interface AreaRollUp {
  aggregation: AreaAggregation;
  /** The city's figure, or null when it cannot be formed (not allowed, or inputs missing). */
  value: number | null;
  /** Areas expected but without a value; a roll-up with missing areas is not formed. */
  missing: string[];
  /** Each input with its weight (1 for sums). */
  inputs: { area: string; value: number; weight: number }[];
}

export function rollUpAreas(
  aggregation: AreaAggregation,
  expectedAreas: readonly string[],
  values: readonly AreaValue[],
  weights: Readonly<Record<string, number>> = {},
): AreaRollUp {
  const byArea = new Map(values.map((v) => [v.area, v.value]));
  const missing = expectedAreas.filter((a) => !byArea.has(a));
  const inputs = expectedAreas
    .filter((a) => byArea.has(a))
    .map((a) => ({
      area: a,
      value: byArea.get(a) as number,
      weight: aggregation === 'weighted-mean' ? (weights[a] ?? Number.NaN) : 1,
    }));
  if (aggregation === 'none' || missing.length > 0 || inputs.length === 0) {
    return { aggregation, value: null, missing, inputs };
  }
  if (aggregation === 'sum') {
    return { aggregation, value: inputs.reduce((s, i) => s + i.value, 0), missing, inputs };
  }
  const noWeight = inputs.filter((i) => !Number.isFinite(i.weight) || i.weight < 0).map((i) => i.area);
  const total = inputs.reduce((s, i) => s + (Number.isFinite(i.weight) ? i.weight : 0), 0);
  if (noWeight.length > 0 || total <= 0) return { aggregation, value: null, missing: noWeight, inputs };
  return {
    aggregation,
    value: inputs.reduce((s, i) => s + i.value * i.weight, 0) / total,
    missing,
    inputs,
  };
}

export function describeAggregation(a: AreaAggregation): { ja: string; en: string } {
  switch (a) {
    case 'sum':
      return { ja: '地区の値の合計', en: 'Sum of the districts' };
    case 'weighted-mean':
      return { ja: '地区の値の人口加重平均', en: 'Mean of the districts weighted by population' };
    case 'none':
      return { ja: '地区の値から市全体は求めない', en: 'Not rolled up to the city' };
  }
}
