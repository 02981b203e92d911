/** Back-casting to a target total: the returned lever value reaches the target to the person. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Lever, solveTarget } from './backcast';
import { compileSpec } from './compile-spec';
import { censusFromRows, deriveSpec } from './derive';
import { projectSpec } from './project';
import { applyScenario } from './scenarios';

const text = readFileSync(
  new URL('../../../../data/population/shiojiri_census_1980_2015_sex_age5.csv', import.meta.url),
  'utf8',
);
const [head, ...lines] = text.trim().split(/\r?\n/);
const cols = (head ?? '').split(',');
const table = censusFromRows(
  lines.map((l, i) => ({ row: i + 2, cells: Object.fromEntries(l.split(',').map((v, j) => [cols[j], v])) })),
  '20215',
);
if (!table.ok) throw new Error('fixture');
const derived = deriveSpec(table.value, { area: '20215', from: 2010, to: 2015 });
if (!derived.ok) throw new Error('fixture');
const spec = { ...derived.value, tfr: 1.5 };
const compiled = compileSpec(spec);
if (!compiled.ok) throw new Error('fixture');
const c = compiled.value;

function reRun(lever: Lever, value: number, year: number): number {
  const s =
    lever === 'migration-multiplier'
      ? { name: 'm', migrationMultiplier: value }
      : lever === 'added-migrants'
        ? { name: 'a', addedMigrantsPerYear: value }
        : { name: 't', tfrPath: { points: { '2020': value } } };
  const applied = applyScenario(spec, s);
  if (!applied.ok) throw new Error('scenario');
  const p = projectSpec(applied.value);
  if (!p.ok) throw new Error('project');
  return p.value.annualTotal[String(year)]!;
}

describe('solveTarget', () => {
  for (const lever of ['migration-multiplier', 'added-migrants', 'tfr'] as const) {
    it(`${lever}: 65,000 in 2032 reached to the person`, () => {
      const r = solveTarget(c, lever, 2032, 65000);
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
      expect(Math.abs(r.value.achievedTotal - 65000)).toBeLessThan(0.5);
      expect(Math.abs(reRun(lever, r.value.value, 2032) - 65000)).toBeLessThan(0.5);
    });
  }

  it('returns the neutral value when the target is the baseline itself', () => {
    const p = projectSpec(spec);
    if (!p.ok) throw new Error('project');
    const r = solveTarget(c, 'added-migrants', 2040, p.value.annualTotal['2040']!);
    expect(r.ok && Math.abs(r.value.value)).toBeLessThan(1e-6);
  });

  it('added migrants: a larger target needs more migrants (monotone)', () => {
    const a = solveTarget(c, 'added-migrants', 2032, 65000);
    const b = solveTarget(c, 'added-migrants', 2032, 66000);
    expect(a.ok && b.ok && b.value.value > a.value.value).toBe(true);
  });

  it('reports an unreachable target with the closest total', () => {
    const r = solveTarget(c, 'tfr', 2020, 90000);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems[0]!.code).toBe('population/target-unreachable');
    const closest = r.problems[0]!.details?.closest as number;
    expect(closest).toBeLessThan(90000);
    expect(closest).toBeGreaterThan(60000);
    const year = solveTarget(c, 'tfr', 2060, 65000);
    expect(!year.ok && year.problems[0]!.code).toBe('population/target-year-outside');
  });
});
