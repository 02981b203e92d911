/**
 * From a plan file as written to the plan document the system works with:
 * only what every plan has is required; lists a plan leaves out become empty,
 * fields and phases are numbered by position, and an indicator without a kind
 * or a frequency is an administrative, yearly one; a target without a
 * comparison is phrased from the direction (at least / at most / equal). Optional texts (a
 * strategy's promise, a field's desired state, the brand…) stay absent and are
 * simply not shown.
 */
import type { IndicatorDefinition, IndicatorTarget } from '../indicators/indicator-types';
import type { Field, Measure, Phase, PlanDocument } from './plan-types';

type Opt<T, K extends keyof T> = Omit<T, K> & Partial<Pick<T, K>>;

export type IndicatorInput = Opt<IndicatorDefinition, 'kind' | 'frequency' | 'targets'>;

/** A plan file as written: the required core, everything else optional. */
export type PlanInput = Opt<
  Omit<PlanDocument, 'fields' | 'phases' | 'indicators' | 'measures'>,
  'topIndicators' | 'implementationPlans' | 'areas' | 'partners' | 'departments'
> & {
  measures?: Opt<Measure, 'targetAreas'>[];
  fields: Opt<Field, 'number'>[];
  phases: Opt<Phase, 'number'>[];
  indicators: IndicatorInput[];
};

export const defaultIndicatorKind: IndicatorDefinition['kind'] = 'administrative';
export const defaultIndicatorFrequency: IndicatorDefinition['frequency'] = 'yearly';

export function normalizePlan(input: PlanInput): PlanDocument {
  const { fields, phases, indicators, measures, ...rest } = input;
  return {
    ...rest,
    topIndicators: input.topIndicators ?? [],
    fields: fields.map((f, i) => ({ ...f, number: f.number ?? i + 1 })),
    phases: phases.map((p, i) => ({ ...p, number: p.number ?? i + 1 })),
    measures: (measures ?? []).map((m) => ({ ...m, targetAreas: m.targetAreas ?? [] })),
    implementationPlans: input.implementationPlans ?? [],
    indicators: indicators.map((x) => {
      const phrased = (t: IndicatorTarget): IndicatorTarget => ({
        ...t,
        comparison: targetComparison(t, x.direction),
      });
      const out: IndicatorDefinition = {
        ...x,
        kind: x.kind ?? defaultIndicatorKind,
        frequency: x.frequency ?? defaultIndicatorFrequency,
        targets: (x.targets ?? []).map(phrased),
      };
      if (x.finalTarget) out.finalTarget = phrased(x.finalTarget);
      return out;
    }),
    areas: input.areas ?? [],
    partners: input.partners ?? [],
    departments: input.departments ?? [],
  };
}

/** How a target is phrased when the plan does not say: from the indicator's direction. */
export function targetComparison(
  target: { comparison?: 'at-least' | 'at-most' | 'equal' } | null | undefined,
  direction: IndicatorDefinition['direction'],
): 'at-least' | 'at-most' | 'equal' {
  if (target?.comparison) return target.comparison;
  if (direction === 'higher-is-better') return 'at-least';
  if (direction === 'lower-is-better') return 'at-most';
  return 'equal';
}
