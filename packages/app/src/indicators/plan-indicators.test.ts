// The bundled Shiojiri plan's indicators pass the indicator rules, and its roll-up tree is complete.
import { readFileSync } from 'node:fs';
import { buildRollupNodes, type IndicatorDefinition, validateIndicatorDefinition } from '@mirai/core';
import { describe, expect, it } from 'vitest';
import { defaultPlanFile } from '../datasets/default-data';
import { loadPlanText } from '../plan/load-plan';

describe('the Shiojiri plan’s indicators', () => {
  const loaded = loadPlanText(readFileSync(defaultPlanFile(), 'utf8'), 'plan.yaml');
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  const doc = loaded.value;
  const defs = doc.indicators as IndicatorDefinition[];

  it('every definition is valid', () => {
    const found = defs.flatMap((d) => validateIndicatorDefinition(d).map((p) => [p.code, d.code]));
    expect(found).toEqual([]);
  });

  it('the top indicators state the plan’s baselines and targets', () => {
    const byCode = new Map(defs.map((d) => [d.code, d]));
    expect(
      doc.topIndicators.map((c) => [c, byCode.get(c)?.baseline?.value, byCode.get(c)?.finalTarget?.value]),
    ).toEqual([
      ['TOP-HAPPINESS', 6.77, 6.77],
      ['TOP-POPULATION', 67241, 65000],
    ]);
  });

  it('every indicator not serving the plan itself is an input of exactly one roll-up node', () => {
    const nodes = buildRollupNodes(doc, defs);
    const inputs = nodes.flatMap((n) => n.inputs.map((i) => i.code));
    // Activity indicators of projects feed the project sheets, not the roll-up (it stops at measures).
    const projects = new Set(doc.implementationPlans.flatMap((ip) => ip.projects.map((p) => p.code)));
    for (const d of defs)
      expect(
        inputs.filter((c) => c === d.code),
        d.code,
      ).toHaveLength(d.serves === 'plan' || projects.has(d.serves) ? 0 : 1);
    expect(nodes.find((n) => n.code === 'plan')?.inputs.map((i) => i.code)).toEqual(
      doc.strategies.map((s) => s.code),
    );
  });
});
