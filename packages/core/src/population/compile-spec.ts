/**
 * Validates a spec (version 1) and compiles it to typed arrays per period.
 * Every problem is reported at once, each naming its field, period and index.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { parseAgeGroups } from './age-groups';
import type { CompiledPeriod, CompiledSpec } from './compiled';
import { populationProblems as P } from './population-problems';
import type { PopulationSpec } from './types';

type Check = 'count' | 'survival' | 'rate' | 'nonneg';

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isBySexShape = (v: unknown): boolean => isRecord(v) && ('male' in v || 'female' in v);

class Compiler {
  problems: Problem[] = [];
  constructor(
    readonly n: number,
    readonly years: number[],
  ) {}

  /** Checks one array of n numbers; returns it as a Float64Array (or undefined when unusable). */
  array(field: string, v: unknown, check: Check, path?: string): Float64Array | undefined {
    const where = (index?: number) => ({
      field,
      ...(path ? { path } : {}),
      ...(index !== undefined ? { index } : {}),
    });
    if (!Array.isArray(v)) {
      this.problems.push(P.fieldType.create({ field, expected: `array of ${this.n} numbers` }, where()));
      return undefined;
    }
    if (v.length !== this.n) {
      this.problems.push(P.arrayLength.create({ field, expected: this.n, actual: v.length }, where()));
      return undefined;
    }
    const out = new Float64Array(this.n);
    let good = true;
    v.forEach((x, i) => {
      if (typeof x !== 'number' || !Number.isFinite(x)) {
        this.problems.push(P.notFinite.create({ field }, where(i)));
        good = false;
        return;
      }
      if (check !== 'rate' && x < 0) {
        this.problems.push(P.negative.create({ field, value: x }, where(i)));
        good = false;
      }
      if (check === 'survival' && x > 1) {
        this.problems.push(P.survivalAboveOne.create({ field, value: x }, where(i)));
        good = false;
      }
      out[i] = x;
    });
    return good ? out : undefined;
  }

  bySex(field: string, v: unknown, check: Check, path?: string): Float64Array | undefined {
    if (!isRecord(v)) {
      this.problems.push(
        P.fieldType.create({ field, expected: '{ male: [...], female: [...] }' }, { field }),
      );
      return undefined;
    }
    const m = this.array(`${field}.male`, v.male, check, path);
    const f = this.array(`${field}.female`, v.female, check, path);
    if (!m || !f) return undefined;
    const out = new Float64Array(2 * this.n);
    out.set(m, 0);
    out.set(f, this.n);
    return out;
  }

  scalar(field: string, v: unknown, min: number, path?: string): number | undefined {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      this.problems.push(
        P.fieldType.create({ field, expected: 'number' }, { field, ...(path ? { path } : {}) }),
      );
      return undefined;
    }
    if (v < min) {
      this.problems.push(
        P.valueOutOfRange.create(
          { field, value: v, range: `≥ ${min}` },
          { field, ...(path ? { path } : {}) },
        ),
      );
      return undefined;
    }
    return v;
  }

  /** Resolves a constant-or-per-period value into one value per period. */
  perPeriod<T>(
    field: string,
    raw: unknown,
    isConstant: (v: unknown) => boolean,
    read: (v: unknown, path?: string) => T | undefined,
  ): (T | undefined)[] {
    if (isConstant(raw)) {
      const value = read(raw);
      return this.years.map(() => value);
    }
    if (!isRecord(raw)) {
      this.problems.push(
        P.fieldType.create({ field, expected: 'a value or an object keyed by end year' }, { field }),
      );
      return this.years.map(() => undefined);
    }
    for (const key of Object.keys(raw)) {
      if (!this.years.includes(Number(key)))
        this.problems.push(P.periodUnknown.create({ field, key }, { field, path: key }));
    }
    return this.years.map((year) => {
      const v = raw[String(year)];
      if (v === undefined) {
        this.problems.push(P.periodMissing.create({ field, year }, { field, path: String(year) }));
        return undefined;
      }
      return read(v, String(year));
    });
  }
}

const zeros = (len: number) => new Float64Array(len);

/** Validates and compiles a spec; the result carries every problem found. */
export function compileSpec(input: unknown): Result<CompiledSpec> {
  if (!isRecord(input))
    return fail(P.fieldType.create({ field: '(spec)', expected: 'object' }, { field: '(spec)' }));
  const spec = input as unknown as PopulationSpec;
  const problems: Problem[] = [];
  if (input.specVersion !== 1) {
    problems.push(P.specVersion.create({ got: String(input.specVersion) }, { field: 'specVersion' }));
  }
  const { layout, problems: ageProblems } = parseAgeGroups(input.ageGroups);
  problems.push(...ageProblems);
  const baseYear = input.baseYear;
  if (typeof baseYear !== 'number' || !Number.isInteger(baseYear)) {
    problems.push(P.fieldType.create({ field: 'baseYear', expected: 'integer year' }, { field: 'baseYear' }));
  }
  const years: number[] = [];
  if (!Array.isArray(input.years) || input.years.length === 0) {
    problems.push(
      P.fieldType.create({ field: 'years', expected: 'non-empty array of years' }, { field: 'years' }),
    );
  } else if (typeof baseYear === 'number') {
    input.years.forEach((y, i) => {
      if (typeof y !== 'number' || !Number.isInteger(y) || (y - baseYear) % 5 !== 0 || y <= baseYear) {
        problems.push(P.yearOffGrid.create({ year: Number(y), baseYear }, { field: 'years', index: i }));
      } else if (y !== baseYear + 5 * (i + 1)) {
        problems.push(
          P.yearsNotConsecutive.create(
            { year: y, expected: baseYear + 5 * (i + 1) },
            { field: 'years', index: i },
          ),
        );
      }
      years.push(Number(y));
    });
  }
  const method = input.method;
  if (method !== 'ipss' && method !== 'ccmpp') {
    problems.push(
      P.fieldType.create({ field: 'method', expected: '"ipss" or "ccmpp"' }, { field: 'method' }),
    );
  }
  if (!layout) return fail(problems);
  if (layout.openStart < 65) {
    // The three age groups (…, 65+) and the women 15-49 need the open group to start at 65 or later.
    const last = layout.labels.length - 1;
    problems.push(
      P.ageGroups.create(
        { label: layout.labels[last] ?? '', expected: 'an open group of 65+ or later' },
        { field: 'ageGroups', index: last },
      ),
    );
  }
  const n = layout.labels.length;
  const c = new Compiler(n, years);
  const base = c.bySex('population', input.population, 'count');
  // The rates need good years and a known method; report the base population's problems with them.
  if (problems.length > 0) return fail([...problems, ...c.problems]);

  const need = (field: string) => {
    if (input[field] === undefined)
      c.problems.push(P.fieldMissing.create({ field, method: String(method) }, { field }));
    return input[field] !== undefined;
  };
  const sexArrays = (field: string, check: Check, optional = false) =>
    !optional || input[field] !== undefined
      ? c.perPeriod(field, input[field], isBySexShape, (v, path) => c.bySex(field, v, check, path))
      : years.map(() => zeros(2 * n));
  const num = (field: string, min: number) =>
    c.perPeriod(
      field,
      input[field],
      (v) => typeof v === 'number',
      (v, path) => c.scalar(field, v, min, path),
    );
  const added = sexArrays('addedMigrants', 'rate', true);
  const tfr = input.tfr === undefined ? years.map(() => undefined) : num('tfr', 0);

  let periods: Partial<CompiledPeriod>[] = [];
  if (method === 'ipss') {
    const ok1 = [need('survival'), need('childWomanRatio'), need('sexRatio0to4')].every(Boolean);
    if (ok1) {
      const surv = sexArrays('survival', 'survival');
      const mig = sexArrays('netMigrationRate', 'rate', true);
      const cwr = num('childWomanRatio', 0);
      const sr = num('sexRatio0to4', 0);
      periods = years.map((endYear, k) => ({
        endYear,
        survival: surv[k],
        migrationRate: mig[k],
        migrants: added[k],
        cwr: cwr[k],
        sexRatio0to4: sr[k],
        asfr: zeros(n),
        srb: 1.05,
        birthSurvivalMale: 1,
        birthSurvivalFemale: 1,
        tfr: tfr[k],
      }));
    }
  } else {
    const hasL = input.nLx !== undefined;
    const ok1 = [
      need('asfr'),
      need('srb'),
      hasL ? need('l0') : need('survival'),
      hasL || need('birthSurvival'),
    ].every(Boolean);
    if (ok1) {
      const l0 = hasL ? c.scalar('l0', input.l0, Number.MIN_VALUE) : undefined;
      const surv = hasL
        ? sexArrays('nLx', 'nonneg').map((L, k) =>
            L && l0 ? survivalFromNLx(L, n, l0, c, years[k] ?? 0) : undefined,
          )
        : sexArrays('survival', 'survival');
      const s0 = hasL
        ? surv.map((s) => (s ? { male: s[2 * n] ?? 0, female: s[2 * n + 1] ?? 0 } : undefined))
        : c.perPeriod('birthSurvival', input.birthSurvival, isBySexShape, (v, path) => {
            const r = v as Record<string, unknown>;
            const m = c.scalar('birthSurvival.male', r.male, 0, path);
            const f = c.scalar('birthSurvival.female', r.female, 0, path);
            return m === undefined || f === undefined ? undefined : { male: m, female: f };
          });
      const asfr = c.perPeriod('asfr', input.asfr, Array.isArray, (v, path) =>
        c.array('asfr', v, 'nonneg', path),
      );
      const srb = num('srb', Number.MIN_VALUE);
      const mig = sexArrays('netMigrants', 'rate', true);
      periods = years.map((endYear, k) => {
        const m = mig[k];
        const a = added[k];
        const migrants = m && a ? m.map((x, i) => x + (a[i] ?? 0)) : undefined;
        return {
          endYear,
          survival: surv[k]?.subarray(0, 2 * n),
          migrationRate: zeros(2 * n),
          migrants,
          cwr: 0,
          sexRatio0to4: 1,
          asfr: asfr[k],
          srb: srb[k],
          birthSurvivalMale: s0[k]?.male,
          birthSurvivalFemale: s0[k]?.female,
          tfr: tfr[k],
        };
      });
    }
  }
  problems.push(...c.problems);
  if (problems.length > 0 || !base) return fail(problems);
  const timing = input.migrationTiming === 'end' ? 'end' : 'even';
  if (
    input.migrationTiming !== undefined &&
    input.migrationTiming !== 'end' &&
    input.migrationTiming !== 'even'
  ) {
    return fail(
      P.fieldType.create(
        { field: 'migrationTiming', expected: '"even" or "end"' },
        { field: 'migrationTiming' },
      ),
    );
  }
  return ok({
    spec,
    area: typeof input.area === 'string' ? input.area : 'area',
    method: method as 'ipss' | 'ccmpp',
    timing,
    layout,
    n,
    baseYear: baseYear as number,
    years,
    base,
    periods: periods as CompiledPeriod[],
  });
}

/**
 * Survival ratios from nLx (last entry T of the open group): S(i) = L(i+1)/L(i);
 * the last closed group and the open group share T(A)/(L(A-5)+T(A)) (Preston's
 * convention for an open group given only its T). Appends s0 (5L0 / 5·l0) for
 * each sex after the 2n ratios.
 */
function survivalFromNLx(
  L: Float64Array,
  n: number,
  l0: number,
  c: Compiler,
  year: number,
): Float64Array | undefined {
  const out = new Float64Array(2 * n + 2);
  for (let s = 0; s < 2; s++) {
    const o = s * n;
    for (let i = 0; i < n; i++) {
      if ((L[o + i] ?? 0) <= 0) {
        c.problems.push(
          P.valueOutOfRange.create(
            { field: `nLx.${s ? 'female' : 'male'}`, value: L[o + i] ?? 0, range: '> 0' },
            { field: `nLx.${s ? 'female' : 'male'}`, path: String(year), index: i },
          ),
        );
        return undefined;
      }
    }
    for (let i = 0; i < n - 2; i++) out[o + i] = (L[o + i + 1] ?? 0) / (L[o + i] ?? 1);
    const open = (L[o + n - 1] ?? 0) / ((L[o + n - 2] ?? 0) + (L[o + n - 1] ?? 0));
    out[o + n - 2] = open;
    out[o + n - 1] = open;
    out[2 * n + s] = (L[o] ?? 0) / (5 * l0);
  }
  return out;
}
