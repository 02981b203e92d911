/**
 * Roll-up: one rule per plan, applied identically at every level (measure ←
 * indicators, field ← measures, strategy ← fields, plan ← strategies, and any
 * indicator attached directly to a node). Missing inputs are left out and
 * listed, never counted as zero; a node whose inputs are all missing is
 * itself missing. Each figure is computed once per node, so a field shows the
 * same figure on every page, and lists its inputs, weights and what was missing.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { indicatorProblems as P } from './indicator-problems';
import type { IndicatorStatus } from './indicator-status';
import type { IndicatorText } from './indicator-types';
import { boundedPercent } from './precision';
import { bandFor, insufficientOf, type StatusScheme } from './status-scheme';

/**
 * `minCoverage`: the share of the inputs' weight that must have a figure for the
 * node to have one (default 0.5); below it the node says "insufficient data"
 * (データ不足) instead of a status. Each aᵢ is at least 0: moving away from the
 * target counts as no progress, not as negative progress that hides another's.
 */
export type RollupRule =
  /** Σ wᵢ·aᵢ / Σ wᵢ over the inputs with a figure; each aᵢ capped at `cap` (default 1) so over-achievement does not hide a shortfall. */
  | { kind: 'weighted-mean'; cap?: number | null; staleAs?: 'latest' | 'missing'; minCoverage?: number }
  /** The lowest achievement among the inputs. */
  | { kind: 'worst-of'; staleAs?: 'latest' | 'missing'; minCoverage?: number }
  /** How many indicators below the node have each status. */
  | { kind: 'count-by-status' };

export interface RollupNode {
  code: string;
  level: string;
  name?: IndicatorText;
  /** Codes of child nodes or indicators, each with an optional weight (default 1). */
  inputs: { code: string; weight?: number }[];
}

export interface RollupInput {
  code: string;
  kind: 'indicator' | 'node';
  weight: number;
  /** The achievement used (after the cap); absent when missing. */
  value?: number;
  /** Status key of the input. */
  key: string;
  missing: boolean;
  stale: boolean;
}

export interface RollupFigure {
  code: string;
  level: string;
  rule: RollupRule['kind'];
  /** Weighted mean or worst achievement; absent for counts, when every input is missing and when data are insufficient. */
  value?: number;
  /** Share of the inputs' weight that has a figure (0–1; absent for counts). */
  coverage?: number;
  key: string;
  label: IndicatorText;
  /** Indicators below the node by status key (count-by-status). */
  counts?: Record<string, number>;
  inputs: RollupInput[];
  missing: string[];
  stale: string[];
  explanation: IndicatorText;
}

export function rollUp(
  nodes: readonly RollupNode[],
  statuses: readonly IndicatorStatus[],
  rule: RollupRule,
  scheme: StatusScheme,
): Result<Record<string, RollupFigure>> {
  const problems: Problem[] = [];
  const byCode = new Map(nodes.map((n) => [n.code, n]));
  const indicators = new Map(statuses.map((s) => [s.code, s]));
  nodes.forEach((n, i) =>
    n.inputs.forEach((input, j) => {
      const where = { path: `nodes[${i}].inputs[${j}]` };
      if (!byCode.has(input.code) && !indicators.has(input.code)) {
        problems.push(P.rollupUnknownInput.create({ node: n.code, input: input.code }, where));
      }
      if (input.weight !== undefined && !(input.weight > 0)) {
        problems.push(P.weightNonpositive.create({ weight: input.weight }, where));
      }
    }),
  );
  if (problems.length > 0) return fail(problems);

  const figures: Record<string, RollupFigure> = {};
  const visiting: string[] = [];
  const compute = (node: RollupNode): RollupFigure | undefined => {
    const done = figures[node.code];
    if (done) return done;
    if (visiting.includes(node.code)) {
      problems.push(
        P.rollupCycle.create({ path: [...visiting, node.code].join(' → ') }, { field: node.code }),
      );
      return undefined;
    }
    visiting.push(node.code);
    const inputs: RollupInput[] = [];
    const counts: Record<string, number> = {};
    for (const input of node.inputs) {
      const weight = input.weight ?? 1;
      const child = byCode.get(input.code);
      if (child) {
        const f = compute(child);
        if (!f) continue;
        inputs.push(entry(input.code, 'node', weight, f.value, f.key, f.value === undefined, false, rule));
        for (const [k, c] of Object.entries(f.counts ?? {})) counts[k] = (counts[k] ?? 0) + c;
      } else {
        const s = indicators.get(input.code)!;
        const stale = s.kind === 'stale';
        const usable =
          s.achievement !== undefined && !(stale && 'staleAs' in rule && rule.staleAs === 'missing');
        inputs.push(
          entry(
            input.code,
            'indicator',
            weight,
            usable ? s.achievement : undefined,
            s.key,
            !usable,
            stale,
            rule,
          ),
        );
        counts[s.key] = (counts[s.key] ?? 0) + 1;
      }
    }
    visiting.pop();
    const figure = combine(node, inputs, counts, rule, scheme);
    figures[node.code] = figure;
    return figure;
  };
  for (const n of nodes) compute(n);
  return problems.length > 0 ? fail(problems) : ok(figures);
}

function entry(
  code: string,
  kind: 'indicator' | 'node',
  weight: number,
  raw: number | undefined,
  key: string,
  missing: boolean,
  stale: boolean,
  rule: RollupRule,
): RollupInput {
  const cap = rule.kind === 'weighted-mean' ? (rule.cap === undefined ? 1 : rule.cap) : null;
  const e: RollupInput = { code, kind, weight, key, missing, stale };
  if (!missing && raw !== undefined) e.value = Math.max(0, cap === null ? raw : Math.min(raw, cap));
  return e;
}

function combine(
  node: RollupNode,
  inputs: RollupInput[],
  counts: Record<string, number>,
  rule: RollupRule,
  scheme: StatusScheme,
): RollupFigure {
  const missing = inputs.filter((i) => i.missing).map((i) => i.code);
  const stale = inputs.filter((i) => i.stale).map((i) => i.code);
  const present = inputs.filter((i) => !i.missing);
  const base = { code: node.code, level: node.level, rule: rule.kind, inputs, missing, stale };
  const missingText =
    missing.length > 0
      ? { ja: `、欠測 ${missing.join(', ')}`, en: `; missing ${missing.join(', ')}` }
      : { ja: '', en: '' };

  if (rule.kind === 'count-by-status') {
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    const parts = Object.entries(counts).map(([k, c]) => `${k} ${c}`);
    return {
      ...base,
      key: total === 0 ? scheme.noData.key : 'counts',
      label: total === 0 ? scheme.noData.label : { ja: '件数', en: 'Counts' },
      counts,
      explanation: {
        ja: `指標 ${total} 件の状態別件数: ${parts.join('、') || 'なし'}`,
        en: `Status of ${total} indicators: ${parts.join(', ') || 'none'}`,
      },
    };
  }
  if (present.length === 0) {
    return {
      ...base,
      key: scheme.noData.key,
      label: scheme.noData.label,
      explanation: {
        ja: `入力 ${inputs.length} 件すべてが欠測のため算出できません${missingText.ja}`,
        en: `All ${inputs.length} inputs are missing, so there is no figure${missingText.en}`,
      },
    };
  }
  const totalWeight = inputs.reduce((a, i) => a + i.weight, 0);
  const coverage = present.reduce((a, i) => a + i.weight, 0) / totalWeight;
  const minCoverage = rule.minCoverage ?? 0.5;
  if (coverage < minCoverage) {
    const label = insufficientOf(scheme);
    const pct = Math.round(coverage * 100);
    return {
      ...base,
      coverage,
      key: label.key,
      label: label.label,
      explanation: {
        ja: `入力 ${inputs.length} 件のうち値があるのは ${present.length} 件（重みで ${pct}%）で、半数に満たないため判定しません${missingText.ja}`,
        en: `Only ${present.length} of ${inputs.length} inputs have a figure (${pct}% of the weight), fewer than half, so no status is given${missingText.en}`,
      },
    };
  }
  let value: number;
  let how: IndicatorText;
  if (rule.kind === 'weighted-mean') {
    const w = present.reduce((a, i) => a + i.weight, 0);
    value = present.reduce((a, i) => a + i.weight * i.value!, 0) / w;
    const terms = present.map((i) => `${i.code}×${i.weight}`).join(' + ');
    how = { ja: `重み付き平均（${terms}、重み計 ${w}）`, en: `weighted mean (${terms}; total weight ${w})` };
  } else {
    value = Math.min(...present.map((i) => i.value!));
    const worst = present.filter((i) => i.value === value).map((i) => i.code);
    how = { ja: `最低値（${worst.join(', ')}）`, en: `worst of (${worst.join(', ')})` };
  }
  const band = bandFor(scheme, value);
  const pct = boundedPercent(value).text;
  return {
    ...base,
    value,
    coverage,
    key: band.key,
    label: band.label,
    explanation: {
      ja: `${pct.ja}: ${how.ja}、入力 ${present.length}/${inputs.length} 件${missingText.ja}`,
      en: `${pct.en}: ${how.en}; ${present.length} of ${inputs.length} inputs${missingText.en}`,
    },
  };
}
