/**
 * Scenarios as plain data with provenance, applied to a compiled spec: a TFR
 * path (fertility scaled by the ratio of TFRs), a migration multiplier, added
 * net in-migrants per year spread by an age schedule, and scaled mortality.
 * Also the Cabinet Office's standard patterns (シミュレーション1 and 2).
 */
import { fail, ok, type Result } from '../errors';
import { compileSpec } from './compile-spec';
import { type CompiledSpec, cloneCompiled } from './compiled';
import { populationProblems as P } from './population-problems';
import type { BySex, PopulationSpec, Provenance } from './types';

export interface Scenario {
  name: string;
  description?: string;
  provenance?: Provenance;
  sample?: boolean;
  /**
   * TFR path: values at calendar years, linear between them and constant
   * outside; the base TFR is the spec's `tfr` or `baseTfr` here. Fertility in
   * each period (CWR or ASFR) is scaled by TFR_scenario / TFR_base at the period's end.
   */
  tfrPath?: { baseTfr?: number; points: Record<string, number> };
  /** Multiplies every net migration rate (ipss) or count (ccmpp), both sexes, all ages; constant or per period. */
  migrationMultiplier?: number | Record<string, number>;
  /** Extra net in-migrants per year (both sexes), spread over ages by `ageSchedule`. */
  addedMigrantsPerYear?: number;
  /** Shares by sex and group at the start of the period; default WORKING_AGE_SCHEDULE. */
  ageSchedule?: BySex;
  /** Multiplies the probability of dying (1 − S) in every group; < 1 means longer lives. Constant or per period. */
  mortalityMultiplier?: number | Record<string, number>;
}

/**
 * Default age schedule of added in-migrants (shares of the total, half per
 * sex): working ages 20-39 with their children, a simplified Rogers–Castro
 * shape. Groups: 0-4 .10, 5-9 .05, 10-14 .03, 15-19 .05, 20-24 .22, 25-29 .22,
 * 30-34 .15, 35-39 .10, 40-44 .05, 45-49 .03, older 0.
 */
export function workingAgeSchedule(n: number): BySex {
  const shares = [0.1, 0.05, 0.03, 0.05, 0.22, 0.22, 0.15, 0.1, 0.05, 0.03];
  const half = Array.from({ length: n }, (_, i) => (shares[i] ?? 0) / 2);
  return { male: half, female: [...half] };
}

const perYear = (v: number | Record<string, number> | undefined, year: number, dflt: number): number =>
  v === undefined ? dflt : typeof v === 'number' ? v : (v[String(year)] ?? dflt);

/** Linear interpolation through points keyed by year; constant outside. */
export function pathValue(points: Record<string, number>, year: number): number {
  const ys = Object.keys(points)
    .map(Number)
    .sort((a, b) => a - b);
  const first = ys[0];
  const last = ys[ys.length - 1];
  if (first === undefined || last === undefined) return Number.NaN;
  if (year <= first) return points[String(first)]!;
  if (year >= last) return points[String(last)]!;
  for (let k = 0; k < ys.length - 1; k++) {
    const a = ys[k]!;
    const b = ys[k + 1]!;
    if (year >= a && year <= b)
      return points[String(a)]! + ((year - a) / (b - a)) * (points[String(b)]! - points[String(a)]!);
  }
  return Number.NaN;
}

/** Applies a scenario to a compiled spec (a new object; the input is not changed). */
export function applyScenarioCompiled(c: CompiledSpec, s: Scenario): Result<CompiledSpec> {
  const out = cloneCompiled(c);
  const n = c.n;
  if (s.tfrPath) {
    const missing = c.periods.findIndex((p) => p.tfr === undefined && s.tfrPath?.baseTfr === undefined);
    if (missing >= 0)
      return fail(P.fieldMissing.create({ field: 'tfr', method: 'tfrPath' }, { field: 'tfr' }));
    const points = { [String(c.baseYear)]: s.tfrPath.baseTfr ?? c.periods[0]!.tfr!, ...s.tfrPath.points };
    for (const p of out.periods) {
      const base = p.tfr ?? s.tfrPath.baseTfr!;
      const target = pathValue(points, p.endYear);
      scaleFertility(p, base > 0 ? target / base : 1);
      p.tfr = target;
    }
  }
  const schedule = s.ageSchedule ?? workingAgeSchedule(n);
  for (const p of out.periods) {
    const k = perYear(s.migrationMultiplier, p.endYear, 1);
    if (k !== 1) scaleMigration(c, p, k);
    const q = perYear(s.mortalityMultiplier, p.endYear, 1);
    if (q !== 1) scaleMortality(p, q);
    if (s.addedMigrantsPerYear) {
      const perPeriod = 5 * s.addedMigrantsPerYear;
      for (let i = 0; i < n; i++) {
        p.migrants[i] = p.migrants[i]! + perPeriod * (schedule.male[i] ?? 0);
        p.migrants[n + i] = p.migrants[n + i]! + perPeriod * (schedule.female[i] ?? 0);
      }
    }
  }
  return ok(out);
}

export function scaleFertility(p: CompiledSpec['periods'][number], f: number): void {
  p.cwr *= f;
  for (let i = 0; i < p.asfr.length; i++) p.asfr[i] = p.asfr[i]! * f;
}

export function scaleMigration(c: CompiledSpec, p: CompiledSpec['periods'][number], k: number): void {
  const a = c.method === 'ipss' ? p.migrationRate : p.migrants;
  for (let i = 0; i < a.length; i++) a[i] = a[i]! * k;
}

export function scaleMortality(p: CompiledSpec['periods'][number], q: number): void {
  for (let i = 0; i < p.survival.length; i++)
    p.survival[i] = Math.min(1, Math.max(0, 1 - (1 - p.survival[i]!) * q));
  p.birthSurvivalMale = Math.min(1, 1 - (1 - p.birthSurvivalMale) * q);
  p.birthSurvivalFemale = Math.min(1, 1 - (1 - p.birthSurvivalFemale) * q);
}

/** Writes a compiled spec back as a spec with every rate given per period (storable, re-runnable). */
export function specFromCompiled(c: CompiledSpec, extra: Partial<PopulationSpec> = {}): PopulationSpec {
  const n = c.n;
  const sexes = (a: Float64Array): BySex => ({
    male: Array.from(a.subarray(0, n)),
    female: Array.from(a.subarray(n, 2 * n)),
  });
  const per = <T>(f: (p: CompiledSpec['periods'][number]) => T) =>
    Object.fromEntries(c.periods.map((p) => [String(p.endYear), f(p)]));
  const { nLx: _n, l0: _l, netMigrants: _m, addedMigrants: _a, ...rest } = c.spec;
  const spec: PopulationSpec = {
    ...rest,
    ageGroups: c.layout.labels,
    baseYear: c.baseYear,
    years: c.years,
    population: sexes(c.base),
    method: c.method,
    survival: per((p) => sexes(p.survival)),
    ...extra,
  };
  if (c.method === 'ipss') {
    spec.netMigrationRate = per((p) => sexes(p.migrationRate));
    spec.childWomanRatio = per((p) => p.cwr);
    spec.sexRatio0to4 = per((p) => p.sexRatio0to4);
    if (c.periods.some((p) => p.migrants.some((v) => v !== 0)))
      spec.addedMigrants = per((p) => sexes(p.migrants));
  } else {
    spec.birthSurvival = per((p) => ({ male: p.birthSurvivalMale, female: p.birthSurvivalFemale }));
    spec.asfr = per((p) => Array.from(p.asfr));
    spec.srb = per((p) => p.srb);
    spec.netMigrants = per((p) => sexes(p.migrants));
    spec.migrationTiming = c.timing;
  }
  if (c.periods.every((p) => p.tfr !== undefined)) spec.tfr = per((p) => p.tfr!);
  return spec;
}

/** Applies a scenario to a spec and returns the scenario's own spec, with provenance. */
export function applyScenario(spec: unknown, s: Scenario): Result<PopulationSpec> {
  const c = compileSpec(spec);
  if (!c.ok) return c;
  const r = applyScenarioCompiled(c.value, s);
  if (!r.ok) return r;
  const base = c.value.spec.provenance?.source ?? 'base spec';
  return ok(
    specFromCompiled(r.value, {
      provenance: {
        source: `${base}; scenario ${s.name}`,
        note: s.description ?? s.provenance?.source ?? '',
      },
      ...(s.sample || c.value.spec.sample ? { sample: true } : {}),
    }),
  );
}

/**
 * The Cabinet Office worksheet's standard patterns (まち・ひと・しごと創生本部):
 * シミュレーション1 = the base (パターン1, 社人研準拠) with TFR rising linearly to
 * 2.1 by 2030 and held; シミュレーション2 = シミュレーション1 with zero net migration.
 */
export function cabinetOfficePatterns(baseTfr?: number): Scenario[] {
  const provenance: Provenance = {
    source: 'まち・ひと・しごと創生本部「地方人口ビジョン」ワークシートの標準パターン',
    note: 'TFR reaches the replacement level 2.1 by 2030 (linear from the base year), then constant',
  };
  const tfrPath = { ...(baseTfr !== undefined ? { baseTfr } : {}), points: { '2030': 2.1 } };
  return [
    { name: 'シミュレーション1 (TFR 2.1 by 2030)', provenance, tfrPath },
    {
      name: 'シミュレーション2 (TFR 2.1 by 2030, zero net migration)',
      provenance,
      tfrPath,
      migrationMultiplier: 0,
    },
  ];
}
