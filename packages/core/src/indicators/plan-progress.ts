/**
 * Per-plan progress configuration and the roll-up tree of a plan: which status
 * scheme and roll-up rule the plan uses (four levels by default and a weighted
 * mean by default), and the nodes plan ← strategies ← fields ← measures, with
 * each indicator attached to the element it serves. Indicators serving the
 * plan itself (the top indicators) are reported on their own, not rolled up.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { indicatorProblems as P } from './indicator-problems';
import type { IndicatorPolicy } from './indicator-status';
import type { IndicatorDefinition } from './indicator-types';
import type { RollupNode, RollupRule } from './roll-up';
import {
  fourLevelStatusScheme,
  gradeStatusScheme,
  type StatusScheme,
  validateStatusScheme,
} from './status-scheme';
import type { MarginBand } from './survey-margin';

export interface ProgressConfig {
  /** A shipped scheme by code, or a scheme of the plan's own. */
  statusScheme?: 'four-level' | 'grades-sabcd' | StatusScheme;
  rollup?: RollupRule;
  surveyBand?: MarginBand;
}

export interface PlanProgressSettings {
  policy: IndicatorPolicy;
  rule: RollupRule;
}

export const defaultRollupRule: RollupRule = { kind: 'weighted-mean', cap: 1, staleAs: 'latest' };

export function resolveProgressConfig(
  config: ProgressConfig | undefined,
  path = 'progress',
): Result<PlanProgressSettings> {
  const problems: Problem[] = [];
  const s = config?.statusScheme;
  const scheme =
    s === undefined || s === 'four-level'
      ? fourLevelStatusScheme
      : s === 'grades-sabcd'
        ? gradeStatusScheme
        : s;
  if (typeof s === 'object') problems.push(...validateStatusScheme(scheme, `${path}.statusScheme`));
  const rule = config?.rollup ?? defaultRollupRule;
  if (!['weighted-mean', 'worst-of', 'count-by-status'].includes(rule.kind)) {
    problems.push(
      P.schemeInvalid.create({ reason: `unknown roll-up rule "${rule.kind}"` }, { path: `${path}.rollup` }),
    );
  }
  if (problems.length > 0) return fail(problems);
  const policy: IndicatorPolicy = { scheme };
  if (config?.surveyBand) policy.surveyBand = config.surveyBand;
  return ok({ policy, rule });
}

export interface PlanShape {
  strategies: readonly { code: string; name: { ja: string; en?: string } }[];
  fields: readonly { code: string; strategy: string; name: { ja: string; en?: string } }[];
  measures: readonly { code: string; field: string; name: { ja: string; en?: string } }[];
}

export const planNodeCode = 'plan';

/** The roll-up nodes of a plan; weights of indicators come from their definitions. */
export function buildRollupNodes(plan: PlanShape, indicators: readonly IndicatorDefinition[]): RollupNode[] {
  const serving = new Map<string, { code: string; weight: number }[]>();
  for (const d of indicators) {
    if (d.serves === planNodeCode) continue;
    const list = serving.get(d.serves) ?? [];
    list.push({ code: d.code, weight: d.weight ?? 1 });
    serving.set(d.serves, list);
  }
  const own = (code: string) => serving.get(code) ?? [];
  const nodes: RollupNode[] = [
    { code: planNodeCode, level: 'plan', inputs: plan.strategies.map((s) => ({ code: s.code })) },
  ];
  for (const s of plan.strategies) {
    const fields = plan.fields.filter((f) => f.strategy === s.code).map((f) => ({ code: f.code }));
    nodes.push({ code: s.code, level: 'strategy', name: s.name, inputs: [...fields, ...own(s.code)] });
  }
  for (const f of plan.fields) {
    const measures = plan.measures.filter((m) => m.field === f.code).map((m) => ({ code: m.code }));
    nodes.push({ code: f.code, level: 'field', name: f.name, inputs: [...measures, ...own(f.code)] });
  }
  for (const m of plan.measures)
    nodes.push({ code: m.code, level: 'measure', name: m.name, inputs: own(m.code) });
  return nodes;
}
