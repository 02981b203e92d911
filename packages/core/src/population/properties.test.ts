/** Invariants of both methods as fast-check properties. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { standardAgeGroups } from './age-groups';
import { projectSpec } from './project';
import type { PopulationSpec, Projection } from './types';

const N = 19;
const arr = (g: fc.Arbitrary<number>) => fc.array(g, { minLength: N, maxLength: N });
const bySex = (g: fc.Arbitrary<number>) => fc.record({ male: arr(g), female: arr(g) });
const count = fc.double({ min: 0, max: 5000, noNaN: true });

const ipssSpec = fc.record({
  population: bySex(count),
  survival: bySex(fc.double({ min: 0, max: 1, noNaN: true })),
  netMigrationRate: bySex(fc.double({ min: -1.2, max: 0.6, noNaN: true })),
  childWomanRatio: fc.double({ min: 0, max: 0.4, noNaN: true }),
  sexRatio0to4: fc.double({ min: 0.9, max: 1.2, noNaN: true }),
});

const ccmppSpec = fc.record({
  population: bySex(count),
  survival: bySex(fc.double({ min: 0, max: 1, noNaN: true })),
  netMigrants: bySex(fc.double({ min: -3000, max: 3000, noNaN: true })),
  asfr: arr(fc.double({ min: 0, max: 0.2, noNaN: true })),
  migrationTiming: fc.constantFrom('even' as const, 'end' as const),
});

const frame = {
  specVersion: 1 as const,
  ageGroups: standardAgeGroups(90),
  baseYear: 2015,
  years: [2020, 2025, 2030],
};
const run = (spec: PopulationSpec): Projection => {
  const r = projectSpec(spec);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.value;
};
const cells = (p: Projection) => Object.values(p.population).flatMap((s) => [...s.male, ...s.female]);

describe('invariants', () => {
  it('ipss: never negative, and male + female = total in every year', () => {
    fc.assert(
      fc.property(ipssSpec, (x) => {
        const p = run({ ...frame, method: 'ipss', ...x });
        expect(cells(p).every((v) => v >= 0)).toBe(true);
        for (const y of p.years) {
          const s = p.population[String(y)]!;
          expect([...s.male, ...s.female].reduce((a, b) => a + b, 0)).toBeCloseTo(p.total[String(y)]!, 6);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('ccmpp: never negative, negatives reported as warnings with where', () => {
    fc.assert(
      fc.property(ccmppSpec, (x) => {
        const r = projectSpec({
          ...frame,
          method: 'ccmpp',
          ...x,
          srb: 1.05,
          birthSurvival: { male: 0.99, female: 0.99 },
        });
        expect(r.ok).toBe(true);
        if (!r.ok) return;
        expect(cells(r.value).every((v) => v >= 0)).toBe(true);
        for (const w of r.warnings ?? []) {
          expect(w.code).toBe('population/negative-guarded');
          expect(w.where?.index).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('zero fertility, survival 1 and no migration only shift cohorts (both methods)', () => {
    fc.assert(
      fc.property(bySex(count), (population) => {
        const one = { male: Array(N).fill(1), female: Array(N).fill(1) };
        const zero = { male: Array(N).fill(0), female: Array(N).fill(0) };
        const a = run({
          ...frame,
          method: 'ipss',
          population,
          survival: one,
          netMigrationRate: zero,
          childWomanRatio: 0,
          sexRatio0to4: 1.05,
        });
        const b = run({
          ...frame,
          method: 'ccmpp',
          population,
          survival: one,
          birthSurvival: { male: 1, female: 1 },
          asfr: Array(N).fill(0),
          srb: 1.05,
        });
        for (const p of [a, b]) {
          for (const sex of ['male', 'female'] as const) {
            const t0 = population[sex];
            const t1 = p.population['2020']![sex];
            expect(t1[0]).toBe(0);
            for (let i = 1; i < N - 1; i++) expect(t1[i]).toBe(t0[i - 1]);
            expect(t1[N - 1]).toBeCloseTo(t0[N - 2]! + t0[N - 1]!, 6);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
