import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IndicatorStatus } from './indicator-status';
import { type RollupNode, type RollupRule, rollUp } from './roll-up';
import { fourLevelStatusScheme as scheme } from './status-scheme';

const status = (
  code: string,
  achievement: number | undefined,
  kind: IndicatorStatus['kind'] = 'band',
): IndicatorStatus => {
  const key =
    kind === 'no-data'
      ? 'no-data'
      : kind === 'stale'
        ? 'stale'
        : achievement === undefined
          ? 'not-computable'
          : 'band';
  const s: IndicatorStatus = {
    code,
    kind,
    key,
    label: { ja: key },
    explanation: [],
    overdue: kind === 'stale',
    precision: 2,
  };
  if (achievement !== undefined) s.achievement = achievement;
  return s;
};

// plan ← A, B; A ← F1, F2; F1 ← M1, M2; M1 ← K1, K2; M2 ← K3; F2 ← M3 ← K4 (no data); B ← F3 ← M4 ← K5
const tree: RollupNode[] = [
  { code: 'plan', level: 'plan', inputs: [{ code: 'A' }, { code: 'B' }] },
  { code: 'A', level: 'strategy', inputs: [{ code: 'F1' }, { code: 'F2' }] },
  { code: 'B', level: 'strategy', inputs: [{ code: 'F3' }] },
  { code: 'F1', level: 'field', inputs: [{ code: 'M1', weight: 3 }, { code: 'M2' }] },
  { code: 'F2', level: 'field', inputs: [{ code: 'M3' }] },
  { code: 'F3', level: 'field', inputs: [{ code: 'M4' }] },
  { code: 'M1', level: 'measure', inputs: [{ code: 'K1' }, { code: 'K2', weight: 2 }] },
  { code: 'M2', level: 'measure', inputs: [{ code: 'K3' }] },
  { code: 'M3', level: 'measure', inputs: [{ code: 'K4' }] },
  { code: 'M4', level: 'measure', inputs: [{ code: 'K5' }] },
];
const statuses = [
  status('K1', 1.3),
  status('K2', 0.4),
  status('K3', 0.9),
  status('K4', undefined, 'no-data'),
  status('K5', 0.6, 'stale'),
];
const mean: RollupRule = { kind: 'weighted-mean' };

describe('rollUp', () => {
  it('weighted mean at every level, capped at 1, missing left out and listed', () => {
    const r = rollUp(tree, statuses, mean, scheme);
    if (!r.ok) throw new Error('expected ok');
    const f = r.value;
    expect(f.M1!.value).toBeCloseTo((1 * 1 + 2 * 0.4) / 3);
    expect(f.F1!.value).toBeCloseTo((3 * 0.6 + 0.9) / 4);
    expect(f.F2!.value).toBeUndefined();
    expect(f.F2!.key).toBe('no-data');
    expect(f.F2!.missing).toEqual(['M3']);
    expect(f.A!.value).toBeCloseTo(f.F1!.value!);
    expect(f.A!.missing).toEqual(['F2']);
    expect(f.A!.explanation.en).toMatch(/1 of 2 inputs; missing F2/);
    expect(f.M4!.stale).toEqual(['K5']);
    expect(f.plan!.value).toBeCloseTo((f.A!.value! + f.B!.value!) / 2);
    expect(f.M1!.inputs.map((i) => [i.code, i.weight, i.value])).toEqual([
      ['K1', 1, 1],
      ['K2', 2, 0.4],
    ]);
  });

  it('stale inputs can be configured to count as missing', () => {
    const r = rollUp(tree, statuses, { kind: 'weighted-mean', staleAs: 'missing' }, scheme);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.B!.value).toBeUndefined();
    expect(r.value.M4!.missing).toEqual(['K5']);
  });

  it('worst-of at every level', () => {
    const r = rollUp(tree, statuses, { kind: 'worst-of' }, scheme);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.M1!.value).toBe(0.4);
    expect(r.value.plan!.value).toBe(0.4);
    expect(r.value.plan!.label.ja).toBe('遅れ');
    expect(r.value.M1!.explanation.en).toMatch(/worst of \(K2\)/);
  });

  it('count by status sums the indicators below each node, including no data and stale', () => {
    const r = rollUp(tree, statuses, { kind: 'count-by-status' }, scheme);
    if (!r.ok) throw new Error('expected ok');
    expect(r.value.plan!.counts).toEqual({ band: 3, 'no-data': 1, stale: 1 });
    expect(r.value.F2!.counts).toEqual({ 'no-data': 1 });
  });

  it('reports unknown inputs, non-positive weights and cycles', () => {
    const bad = rollUp(
      [{ code: 'M', level: 'measure', inputs: [{ code: 'nope' }, { code: 'K1', weight: 0 }] }],
      statuses,
      mean,
      scheme,
    );
    expect(bad.ok ? [] : bad.problems.map((p) => p.code)).toEqual([
      'indicator/rollup-unknown-input',
      'indicator/weight-nonpositive',
    ]);
    const cyc = rollUp(
      [
        { code: 'X', level: 'field', inputs: [{ code: 'Y' }] },
        { code: 'Y', level: 'measure', inputs: [{ code: 'X' }] },
      ],
      [],
      mean,
      scheme,
    );
    expect(cyc.ok ? [] : cyc.problems.map((p) => p.code)).toContain('indicator/rollup-cycle');
  });

  // Properties over random trees of depth 2: a parent over measures over indicators.
  const leaf = fc.record({
    achievement: fc.option(fc.double({ min: -2, max: 3, noNaN: true }), { nil: undefined }),
    weight: fc.integer({ min: 1, max: 5 }),
  });
  const forest = fc.array(fc.array(leaf, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 5 });
  const build = (ms: { achievement: number | undefined; weight: number }[][], scale = 1) => {
    const nodes: RollupNode[] = [
      { code: 'F', level: 'field', inputs: ms.map((_, i) => ({ code: `M${i}` })) },
    ];
    const sts: IndicatorStatus[] = [];
    ms.forEach((leaves, i) => {
      nodes.push({
        code: `M${i}`,
        level: 'measure',
        inputs: leaves.map((l, j) => ({ code: `K${i}-${j}`, weight: l.weight * scale })),
      });
      leaves.forEach((l, j) =>
        sts.push(status(`K${i}-${j}`, l.achievement, l.achievement === undefined ? 'no-data' : 'band')),
      );
    });
    return { nodes, sts };
  };
  const figure = (nodes: RollupNode[], sts: IndicatorStatus[], rule: RollupRule, code = 'F') => {
    const r = rollUp(nodes, sts, rule, scheme);
    if (!r.ok) throw new Error('expected ok');
    return r.value[code]!;
  };

  it('property: missing inputs never count as zero (adding one changes no value while coverage allows a figure)', () => {
    fc.assert(
      fc.property(forest, fc.integer({ min: 0, max: 4 }), (ms, at) => {
        const all = { minCoverage: 0 };
        for (const rule of [{ ...mean, ...all }, { kind: 'worst-of', ...all } as const]) {
          const { nodes, sts } = build(ms);
          const before = figure(nodes, sts, rule);
          const target = nodes[1 + (at % ms.length)]!;
          target.inputs.push({ code: 'EXTRA', weight: 7 });
          const after = figure(nodes, [...sts, status('EXTRA', undefined, 'no-data')], rule);
          expect(after.value).toEqual(before.value);
          expect(after.key).toBe(before.key);
          const m = figure(nodes, [...sts, status('EXTRA', undefined, 'no-data')], rule, target.code);
          expect(m.missing).toContain('EXTRA');
        }
      }),
    );
  });

  it('property: order of inputs and a common scale of weights do not change the figure', () => {
    fc.assert(
      fc.property(forest, fc.integer({ min: 2, max: 9 }), (ms, k) => {
        const a = build(ms);
        const b = build(
          [...ms].reverse().map((l) => [...l].reverse()),
          k,
        );
        const fa = figure(a.nodes, a.sts, mean);
        const fb = figure(b.nodes, b.sts, mean);
        if (fa.value === undefined) expect(fb.value).toBeUndefined();
        else expect(fb.value).toBeCloseTo(fa.value, 9);
      }),
    );
  });

  it('property: the same figure for a node whether rolled up alone or inside the whole plan', () => {
    fc.assert(
      fc.property(forest, (ms) => {
        const { nodes, sts } = build(ms);
        const whole = [{ code: 'plan', level: 'plan', inputs: [{ code: 'F' }, { code: 'other' }] }, ...nodes];
        for (const rule of [mean, { kind: 'worst-of' } as const, { kind: 'count-by-status' } as const]) {
          const alone = figure(nodes, sts, rule);
          const inside = figure(whole, [...sts, status('other', 0.5)], rule);
          expect(inside).toEqual(alone);
        }
      }),
    );
  });

  it('property: a mean lies between the lowest and highest present input, and all-missing is missing', () => {
    fc.assert(
      fc.property(forest, (ms) => {
        const { nodes, sts } = build(ms);
        const f = figure(nodes, sts, { kind: 'weighted-mean', cap: null, minCoverage: 0 });
        const values = f.inputs.filter((i) => !i.missing).map((i) => i.value!);
        if (values.length === 0) expect(f.value).toBeUndefined();
        else {
          expect(f.value!).toBeGreaterThanOrEqual(Math.min(...values) - 1e-9);
          expect(f.value!).toBeLessThanOrEqual(Math.max(...values) + 1e-9);
        }
      }),
    );
  });

  it('property: a node whose inputs with a figure carry under half the weight says "insufficient data", otherwise the same figure', () => {
    fc.assert(
      fc.property(forest, (ms) => {
        const { nodes, sts } = build(ms);
        const open = figure(nodes, sts, { ...mean, minCoverage: 0 }, 'M0');
        const strict = figure(nodes, sts, mean, 'M0');
        const total = open.inputs.reduce((a, i) => a + i.weight, 0);
        const present = open.inputs.filter((i) => !i.missing).reduce((a, i) => a + i.weight, 0);
        if (present === 0) expect(strict.key).toBe('no-data');
        else if (present / total < 0.5) {
          expect(strict.key).toBe('insufficient-data');
          expect(strict.value).toBeUndefined();
          expect(strict.label.ja).toBe('データ不足');
        } else expect(strict.value).toBe(open.value);
      }),
    );
  });

  it('inputs are bounded to 0..cap: moving away from the target counts as no progress', () => {
    const f = figure(
      [{ code: 'F', level: 'field', inputs: [{ code: 'a' }, { code: 'b' }] }],
      [status('a', -2), status('b', 1.5)],
      mean,
    );
    expect(f.inputs.map((i) => i.value)).toEqual([0, 1]);
    expect(f.value).toBe(0.5);
    expect(f.explanation.ja).toMatch(/^50%:/);
  });

  it('property: counts at the top equal the number of indicators', () => {
    fc.assert(
      fc.property(forest, (ms) => {
        const { nodes, sts } = build(ms);
        const f = figure(nodes, sts, { kind: 'count-by-status' });
        const total = Object.values(f.counts ?? {}).reduce((a, b) => a + b, 0);
        expect(total).toBe(sts.length);
      }),
    );
  });
});
