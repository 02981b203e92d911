import { describe, expect, it } from 'vitest';
import { evaluateIndicatorStatus } from './indicator-status';
import { buildRollupNodes, resolveProgressConfig } from './plan-progress';
import { rollUp } from './roll-up';
import { actual, anxiety, happiness } from './test-fixtures';

const plan = {
  strategies: [{ code: 'A', name: { ja: 'A' } }],
  fields: [
    { code: 'A-1', strategy: 'A', name: { ja: '①' } },
    { code: 'A-2', strategy: 'A', name: { ja: '②' } },
  ],
  measures: [
    { code: 'M1', field: 'A-1', name: { ja: 'm1' } },
    { code: 'M2', field: 'A-2', name: { ja: 'm2' } },
  ],
};

describe('plan progress', () => {
  it('defaults to Shiojiri’s scheme and a weighted mean; validates a plan’s own scheme', () => {
    const d = resolveProgressConfig(undefined);
    expect(d.ok && [d.value.policy.scheme.code, d.value.rule.kind]).toEqual(['four-level', 'weighted-mean']);
    const g = resolveProgressConfig({ statusScheme: 'grades-sabcd', rollup: { kind: 'worst-of' } });
    expect(g.ok && [g.value.policy.scheme.code, g.value.rule.kind]).toEqual(['grades-sabcd', 'worst-of']);
    const bad = resolveProgressConfig({
      statusScheme: { ...(d.ok ? d.value.policy.scheme : ({} as never)), bands: [] },
    });
    expect(bad.ok ? [] : bad.problems.map((p) => p.where?.path)).toEqual(['progress.statusScheme.bands']);
  });

  it('builds plan ← strategies ← fields ← measures ← indicators, leaving top indicators out', () => {
    const nodes = buildRollupNodes(plan, [
      anxiety,
      happiness,
      { ...anxiety, code: 'K2', serves: 'A-2', weight: 2 },
    ]);
    expect(nodes.map((n) => [n.code, n.inputs.map((i) => `${i.code}:${i.weight ?? 1}`)])).toEqual([
      ['plan', ['A:1']],
      ['A', ['A-1:1', 'A-2:1']],
      ['A-1', ['M1:1']],
      ['A-2', ['M2:1', 'K2:2']],
      ['M1', ['K-ANXIETY:1']],
      ['M2', []],
    ]);
    const settings = resolveProgressConfig(undefined);
    if (!settings.ok) throw new Error('expected ok');
    const asOf = { asOf: { year: 2026, month: 7, day: 1 } };
    const statuses = [anxiety, { ...anxiety, code: 'K2', serves: 'A-2' }].map((d) =>
      evaluateIndicatorStatus(d, [actual('K-ANXIETY', 2025, 36)], settings.value.policy, asOf),
    );
    const r = rollUp(nodes, statuses, settings.value.rule, settings.value.policy.scheme);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value['M1']!.value).toBe(1);
    expect(r.value['M2']!.key).toBe('no-data');
    expect(r.value['A-2']!.missing).toEqual(['M2', 'K2']);
    expect(r.value['plan']!.value).toBe(1);
    expect(r.value['A']!.missing).toEqual(['A-2']);
  });
});
