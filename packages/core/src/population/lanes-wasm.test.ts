/** The WebAssembly lane kernel: the same totals as the TypeScript kernel, bit for bit, and its fallback. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LANES } from './batch-ipss';
import { censusFromRows, deriveSpec } from './derive';
import { deriveDistrictSet } from './districts';
import { flattenIpss } from './flat-ipss';
import { wasmLanes } from './lanes-wasm';
import { allocateTotals, compileForSimulation, laneKernelOf, simulateInto } from './monte-carlo';

function rows(name: string) {
  const text = readFileSync(new URL(`../../../../data/population/${name}`, import.meta.url), 'utf8');
  const [head, ...lines] = text.trim().split(/\r?\n/);
  const cols = (head ?? '').split(',');
  return lines.map((l, i) => ({
    row: i + 2,
    cells: Object.fromEntries(l.split(',').map((v, j) => [cols[j], v])),
  }));
}
const must = <T>(r: { ok: true; value: T } | { ok: false }) => {
  if (!r.ok) throw new Error('fixture');
  return r.value;
};
const city = must(censusFromRows(rows('shiojiri_census_1980_2015_sex_age5.csv'), '20215'));
const sampleRows = rows('shiojiri-districts-sample.csv');
const codes = [...new Map(sampleRows.map((r) => [r.cells.district_code!, r.cells.district!])).entries()];
const set = must(
  compileForSimulation(
    must(
      deriveDistrictSet(
        city,
        '20215',
        codes.map(([code, name]) => ({ code, name, table: must(censusFromRows(sampleRows, code)) })),
        { from: 2010, to: 2015, horizon: 2050, sample: true },
      ),
    ),
  ),
);

/** Counts the totals that differ in any bit (Object.is also tells −0 from 0). */
function differing(a: Float64Array, b: Float64Array): number {
  let n = 0;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) n++;
  return n;
}

describe('the WebAssembly lane kernel', () => {
  it('is available in Node (WebAssembly SIMD)', () => {
    expect(wasmLanes(flattenIpss(set)!)).toBeDefined();
  });

  it('gives the TypeScript kernel’s totals and guarded count, bit for bit, on ragged slices', () => {
    // Wide spreads so that some cells are guarded; slices that do not fill the last group of lanes.
    const o = {
      trajectories: 203,
      seed: 77,
      sigmas: { migrationLevel: 1.5, migrationPeriod: 1.5, migrationDistrict: 1.5 },
    };
    const ts = allocateTotals(set, o.trajectories);
    const wasm = allocateTotals(set, o.trajectories);
    let gTs = 0;
    let gWasm = 0;
    for (const [from, to] of [
      [0, 5],
      [5, 100],
      [100, 203],
    ] as const) {
      gTs += simulateInto(set, { ...o, kernel: 'lanes-ts' }, from, to, ts.totals);
      gWasm += simulateInto(set, o, from, to, wasm.totals);
    }
    expect(gTs).toBeGreaterThan(0);
    expect(gWasm).toBe(gTs);
    expect(differing(wasm.totals, ts.totals)).toBe(0);
    expect(wasm.totals.some((v) => v === 0)).toBe(false);
  });

  it('gives the TypeScript kernel’s totals for a city without districts (no raking)', () => {
    const alone = must(compileForSimulation(must(deriveSpec(city, { area: '20215', from: 2010, to: 2015 }))));
    const o = { trajectories: 37, seed: 5, sigmas: { migrationLevel: 1, migrationPeriod: 1 } };
    const ts = allocateTotals(alone, 37);
    const wasm = allocateTotals(alone, 37);
    expect(simulateInto(alone, o, 0, 37, wasm.totals)).toBe(
      simulateInto(alone, { ...o, kernel: 'lanes-ts' }, 0, 37, ts.totals),
    );
    expect(laneKernelOf(alone).kernel).toBe('wasm');
    expect(differing(wasm.totals, ts.totals)).toBe(0);
  });

  it('declines a group whose raking it cannot do, and the TypeScript kernel runs it instead', () => {
    const F = flattenIpss(set)!;
    const len = 2 * F.n;
    // Nobody in any district's cell 7 while the city has people there: no ratio for that cell.
    for (let a = 1; a < F.areas; a++) F.base[a * len + 7] = 0;
    const w = wasmLanes(F)!;
    w.sh.fert.fill(1);
    w.sh.mort.fill(1);
    w.sh.mig.fill(1);
    expect(w.run(LANES, 0)).toBe(-1);
    expect(w.declined).toBe(1);
  });

  it('stages and copies out blocks, with groups given back to TypeScript between them', () => {
    // One district with a wide spread of its own: in some groups its cells are guarded to 0
    // while the city has people there, so those groups (and only those) go to TypeScript.
    const one = { ...set, districts: set.districts.slice(0, 1), names: set.names.slice(0, 1) };
    const o = { trajectories: 1500, seed: 11, sigmas: { migrationDistrict: 1 } };
    const ts = allocateTotals(one, o.trajectories);
    const wasm = allocateTotals(one, o.trajectories);
    const gTs = simulateInto(one, { ...o, kernel: 'lanes-ts' }, 3, 1500, ts.totals);
    const gWasm = simulateInto(one, o, 3, 1500, wasm.totals);
    const used = laneKernelOf(one);
    expect(used.kernel).toBe('wasm');
    expect(used.declined).toBeGreaterThan(0);
    expect(used.declined).toBeLessThan(1497 / LANES - 2);
    expect(gWasm).toBe(gTs);
    expect(differing(wasm.totals, ts.totals)).toBe(0);
  });
});
