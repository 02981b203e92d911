/** The published JSON Schema (data/schema/population-spec.schema.json) names every field the engine writes or reads. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { standardAgeGroups } from './age-groups';
import { compileSpec } from './compile-spec';
import { applyScenario } from './scenarios';
import type { PopulationSpec } from './types';

const schema = JSON.parse(
  readFileSync(new URL('../../../../data/schema/population-spec.schema.json', import.meta.url), 'utf8'),
) as { properties: Record<string, unknown>; else: { required: string[] } };
const n = 19;
const fill = (v: number) => Array.from({ length: n }, () => v);

describe('population spec schema', () => {
  it('lists every field of ipss and ccmpp specs, including scenario output', () => {
    const ipss: PopulationSpec = {
      specVersion: 1,
      ageGroups: standardAgeGroups(90),
      baseYear: 2015,
      years: [2020],
      population: { male: fill(10), female: fill(10) },
      method: 'ipss',
      survival: { male: fill(0.9), female: fill(0.9) },
      netMigrationRate: { male: fill(0), female: fill(0) },
      childWomanRatio: 0.2,
      sexRatio0to4: 1.05,
      tfr: 1.5,
      area: 'x',
      sample: true,
      provenance: { source: 'test' },
    };
    const scen = applyScenario(ipss, { name: 's', addedMigrantsPerYear: 10 });
    if (!scen.ok) throw new Error('scenario');
    const ccmpp = applyScenario(
      {
        ...ipss,
        method: 'ccmpp',
        asfr: fill(0.05),
        srb: 1.05,
        birthSurvival: { male: 1, female: 1 },
        netMigrants: { male: fill(1), female: fill(1) },
        migrationTiming: 'end',
        nLx: undefined,
      },
      { name: 'c' },
    );
    if (!ccmpp.ok) throw new Error('ccmpp');
    for (const spec of [
      ipss,
      scen.value,
      ccmpp.value,
      { ...ipss, nLx: { male: fill(1), female: fill(1) }, l0: 1 },
    ]) {
      for (const key of Object.keys(spec)) expect(schema.properties, key).toHaveProperty(key);
    }
    expect(schema.else.required).toEqual([
      'specVersion',
      'ageGroups',
      'baseYear',
      'years',
      'population',
      'method',
    ]);
    for (const field of schema.else.required) {
      const { [field as keyof PopulationSpec]: _drop, ...rest } = ipss;
      const r = compileSpec(rest);
      expect(r.ok, field).toBe(false);
    }
  });
});
