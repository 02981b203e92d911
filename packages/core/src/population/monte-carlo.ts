/**
 * Monte Carlo around a scenario, in the manner of bayesPop: each trajectory
 * perturbs fertility, migration and survival, runs the projection of the city
 * and its districts (districts raked to the city at every step), and the
 * totals are summarised as median and 80% and 95% intervals. Seeded and
 * reproducible: trajectory t draws from the stream (seed, t).
 *
 * Distributions (per trajectory; k = period):
 * - fertility: log f_k = log f_{k−1} + N(0, σ_f²), f_0 = 1; CWR or ASFR × f_k;
 * - migration: multiplier 1 + u + e_k, u ~ N(0, σ_u²) per trajectory, e_k ~ N(0, σ_e²);
 *   each district adds its own N(0, σ_d²) per period;
 * - mortality: log q_k = log q_{k−1} + N(0, σ_q²), q_0 = 1; survival 1 − (1 − S)·q_k, kept in [0, 1].
 */
import { fail, ok, type Result } from '../errors';
import { normalsInto, Xoshiro128 } from '../random/rng';
import { LANES, type LaneBuffers, type LaneShocks, laneBuffers, laneShocks, runLanes } from './batch-ipss';
import { compileSpec } from './compile-spec';
import type { CompiledPeriod } from './compiled';
import { type CompiledDistrictSet, compileDistrictSet, isDistrictSet, rakeToCity } from './districts';
import { type FlatIpss, flattenIpss } from './flat-ipss';
import { stepCcmpp, stepIpss } from './kernel';
import { type WasmLanes, wasmLanes } from './lanes-wasm';
import { populationProblems as P } from './population-problems';
import { quantilesInPlace } from './quantiles';

export interface MonteCarloSigmas {
  fertility: number;
  migrationLevel: number;
  migrationPeriod: number;
  migrationDistrict: number;
  mortality: number;
}

export const DEFAULT_SIGMAS: MonteCarloSigmas = {
  fertility: 0.06,
  migrationLevel: 0.3,
  migrationPeriod: 0.3,
  migrationDistrict: 0.3,
  mortality: 0.08,
};

export interface MonteCarloOptions {
  trajectories: number;
  seed: number;
  sigmas?: Partial<MonteCarloSigmas>;
  /**
   * 'auto' uses the batched ipss kernel when every area uses ipss (in WebAssembly SIMD where
   * available); 'lanes-ts' the same batched kernel in TypeScript only; 'generic' always steps
   * one trajectory at a time. 'auto' and 'lanes-ts' give the same totals, bit for bit.
   */
  kernel?: 'auto' | 'lanes-ts' | 'generic';
}

/** Totals by area, year and trajectory: index (area · years + year) · trajectories + trajectory. */
export interface MonteCarloTotals {
  areas: string[];
  years: number[];
  trajectories: number;
  totals: Float64Array;
  /** Trajectories in which at least one cell was guarded from going negative. */
  guarded: number;
}

export interface Quantiles {
  median: number;
  lower80: number;
  upper80: number;
  lower95: number;
  upper95: number;
}

export interface MonteCarloResult {
  trajectories: number;
  seed: number;
  sigmas: MonteCarloSigmas;
  years: number[];
  sample?: boolean;
  areas: { name: string; total: Record<string, Quantiles> }[];
  guardedTrajectories: number;
}

/** Compiles a spec or a district set for simulation (a single spec is a set without districts). */
export function compileForSimulation(input: unknown): Result<CompiledDistrictSet> {
  if (isDistrictSet(input)) return compileDistrictSet(input);
  const c = compileSpec(input);
  if (!c.ok) return c;
  return ok({
    city: c.value,
    districts: [],
    names: [],
    codes: [],
    sample: c.value.spec.sample === true,
    anchors: [],
  });
}

/**
 * Runs trajectories [from, to) of `total` and writes their totals into `out`
 * (length areas × years × total). Workers can each run a slice into a shared buffer.
 */
export function simulateInto(
  set: CompiledDistrictSet,
  o: MonteCarloOptions,
  from: number,
  to: number,
  out: Float64Array,
): number {
  const sg = { ...DEFAULT_SIGMAS, ...o.sigmas };
  const fast = o.kernel === 'generic' ? undefined : flatFor(set);
  if (fast) return simulateFlat(fast, o, sg, from, to, out, o.kernel === 'lanes-ts' ? undefined : fast.wasm);
  const areas = [set.city, ...set.districts];
  const A = areas.length;
  const D = A - 1;
  const K = set.city.periods.length;
  const Y = K + 1;
  const T = o.trajectories;
  const n = set.city.n;
  const len = 2 * n;
  const cur = areas.map(() => new Float64Array(len));
  const nxt = areas.map(() => new Float64Array(len));
  const start = new Float64Array(len);
  const scratch = areas.map((a) => a.periods.map((p) => clonePeriod(p)));
  const fert = new Float64Array(K);
  const mort = new Float64Array(K);
  const mig = new Float64Array(K * A);
  const rng = new Xoshiro128(o.seed);
  let guarded = 0;
  for (let t = from; t < to; t++) {
    rng.reseed(o.seed, t);
    let lf = 0;
    let lq = 0;
    const u = rng.normal() * sg.migrationLevel;
    for (let k = 0; k < K; k++) {
      lf += rng.normal() * sg.fertility;
      lq += rng.normal() * sg.mortality;
      fert[k] = Math.exp(lf);
      mort[k] = Math.exp(lq);
      const km = 1 + u + rng.normal() * sg.migrationPeriod;
      mig[k * A] = km;
      for (let d = 1; d <= D; d++) mig[k * A + d] = km + rng.normal() * sg.migrationDistrict;
    }
    let neg = false;
    for (let a = 0; a < A; a++) cur[a]!.set(areas[a]!.base);
    if (D > 0) rakeToCity(cur[0]!, cur.slice(1));
    for (let a = 0; a < A; a++) out[a * Y * T + t] = sumArray(cur[a]!);
    for (let k = 0; k < K; k++) {
      for (let a = 0; a < A; a++) {
        const area = areas[a]!;
        const p = area.periods[k]!;
        const f = fert[k]!;
        const q = mort[k]!;
        const km = mig[k * A + a]!;
        const s = shockPeriod(area.method === 'ipss', p, scratch[a]![k]!, f, km, q);
        const sink = () => {
          neg = true;
        };
        if (area.method === 'ipss') stepIpss(cur[a]!, s, n, nxt[a]!, sink);
        else stepCcmpp(cur[a]!, s, n, area.timing === 'even', start, nxt[a]!, sink);
      }
      if (D > 0) rakeToCity(nxt[0]!, nxt.slice(1));
      for (let a = 0; a < A; a++) {
        const tmp = cur[a]!;
        cur[a] = nxt[a]!;
        nxt[a] = tmp;
        out[(a * Y + k + 1) * T + t] = sumArray(cur[a]!);
      }
    }
    if (neg) guarded++;
  }
  return guarded;
}

interface FastPath {
  F: FlatIpss;
  /** The shocks of a group: the WebAssembly kernel's memory when there is one. */
  sh: LaneShocks;
  z: Float64Array;
  buf: LaneBuffers;
  wasm: WasmLanes | undefined;
}

/**
 * The flat form of a compiled set and the fast path's scratch arrays, made
 * once per set (a set is not changed after compiling), so that callers may
 * run many small slices (workers taking chunks) at no set-up cost.
 */
const fastPaths = new WeakMap<CompiledDistrictSet, FastPath | null>();

function flatFor(set: CompiledDistrictSet): FastPath | undefined {
  let fast = fastPaths.get(set);
  if (fast === undefined) {
    const F = flattenIpss(set);
    const wasm = F && wasmLanes(F);
    fast = F
      ? {
          F,
          sh: wasm ? wasm.sh : laneShocks(F),
          z: new Float64Array(1 + F.periods * (F.areas + 2)),
          buf: laneBuffers(F),
          wasm,
        }
      : null;
    fastPaths.set(set, fast);
  }
  return fast ?? undefined;
}

/**
 * Which kernel `simulateInto` runs for a set under 'auto' ('wasm': the WebAssembly lanes,
 * 'ts': the same lanes in TypeScript, 'generic': one trajectory at a time), and how many
 * groups of lanes the WebAssembly kernel has given back to the TypeScript one so far.
 */
export function laneKernelOf(set: CompiledDistrictSet): {
  kernel: 'wasm' | 'ts' | 'generic';
  declined: number;
} {
  const fast = flatFor(set);
  if (!fast) return { kernel: 'generic', declined: 0 };
  return fast.wasm ? { kernel: 'wasm', declined: fast.wasm.declined } : { kernel: 'ts', declined: 0 };
}

/**
 * The ipss fast path: each trajectory's normals drawn in one go from its stream, then LANES
 * trajectories at a time through the flat kernel (WebAssembly when `wasm` is given; TypeScript
 * for a group whose raking it cannot do).
 */
function simulateFlat(
  fast: FastPath,
  o: MonteCarloOptions,
  sg: MonteCarloSigmas,
  from: number,
  to: number,
  out: Float64Array,
  wasm: WasmLanes | undefined,
): number {
  const { F, sh, z, buf } = fast;
  const A = F.areas;
  const K = F.periods;
  let guarded = 0;
  // The WebAssembly kernel stages its totals and copies them out in runs (see WasmLanes).
  let stagedFrom = from;
  let staged = 0;
  for (let t0 = from; t0 < to; t0 += LANES) {
    const count = Math.min(LANES, to - t0);
    for (let b = 0; b < count; b++) {
      // The same draws, in the same order, as the generic path.
      normalsInto(o.seed, t0 + b, z, 0, z.length);
      let i = 0;
      let lf = 0;
      let lq = 0;
      const u = z[i++]! * sg.migrationLevel;
      for (let k = 0; k < K; k++) {
        lf += z[i++]! * sg.fertility;
        lq += z[i++]! * sg.mortality;
        sh.fert[k * LANES + b] = Math.exp(lf);
        sh.mort[k * LANES + b] = Math.exp(lq);
        const km = 1 + u + z[i++]! * sg.migrationPeriod;
        sh.mig[k * A * LANES + b] = km;
        for (let d = 1; d < A; d++) sh.mig[(k * A + d) * LANES + b] = km + z[i++]! * sg.migrationDistrict;
      }
    }
    if (wasm) {
      if (staged + LANES > wasm.capacity) {
        wasm.flush(stagedFrom, staged, o.trajectories, out);
        stagedFrom = t0;
        staged = 0;
      }
      const g = wasm.run(count, staged);
      if (g >= 0) {
        guarded += g;
        staged += count;
        continue;
      }
      wasm.flush(stagedFrom, staged, o.trajectories, out);
      stagedFrom = t0 + count;
      staged = 0;
    }
    guarded += runLanes(F, sh, buf, count, t0, o.trajectories, out);
  }
  if (wasm && staged > 0) wasm.flush(stagedFrom, staged, o.trajectories, out);
  return guarded;
}

function clonePeriod(p: CompiledPeriod): CompiledPeriod {
  return {
    ...p,
    survival: p.survival.slice(),
    migrationRate: p.migrationRate.slice(),
    migrants: p.migrants.slice(),
    asfr: p.asfr.slice(),
  };
}

/** The period with the shocks applied (generic path): ipss scales rates and CWR, ccmpp counts and ASFR. */
function shockPeriod(
  ipss: boolean,
  p: CompiledPeriod,
  s: CompiledPeriod,
  f: number,
  k: number,
  q: number,
): CompiledPeriod {
  for (let i = 0; i < p.survival.length; i++)
    s.survival[i] = Math.min(1, Math.max(0, 1 - (1 - p.survival[i]!) * q));
  if (ipss) {
    for (let i = 0; i < p.migrationRate.length; i++) s.migrationRate[i] = p.migrationRate[i]! * k;
    s.cwr = p.cwr * f;
  } else for (let i = 0; i < p.migrants.length; i++) s.migrants[i] = p.migrants[i]! * k;
  for (let i = 0; i < p.asfr.length; i++) s.asfr[i] = p.asfr[i]! * f;
  s.birthSurvivalMale = Math.min(1, Math.max(0, 1 - (1 - p.birthSurvivalMale) * q));
  s.birthSurvivalFemale = Math.min(1, Math.max(0, 1 - (1 - p.birthSurvivalFemale) * q));
  return s;
}

function sumArray(a: Float64Array): number {
  let t = 0;
  for (let i = 0; i < a.length; i++) t += a[i]!;
  return t;
}

export function allocateTotals(set: CompiledDistrictSet, trajectories: number): MonteCarloTotals {
  const areas = [set.city.area, ...set.names];
  const years = [set.city.baseYear, ...set.city.years];
  return {
    areas,
    years,
    trajectories,
    totals: new Float64Array(areas.length * years.length * trajectories),
    guarded: 0,
  };
}

/** The probabilities reported: 2.5%, 10%, 50%, 90%, 97.5%. */
export const QUANTILE_PROBS = [0.025, 0.1, 0.5, 0.9, 0.975] as const;

/**
 * Type-7 quantiles of series [from, to) of the totals (each series = one area
 * and year, T values); writes 5 values per series into out[series · 5 + q].
 * May reorder the totals (short series). Workers can each take a range of series.
 */
export function quantilesInto(
  totals: Float64Array,
  T: number,
  from: number,
  to: number,
  out: Float64Array,
): void {
  for (let s = from; s < to; s++)
    quantilesInPlace(totals.subarray(s * T, (s + 1) * T), QUANTILE_PROBS, out, s * 5);
}

/** Builds the result from quantiles computed by quantilesInto (all series). */
export function resultFromQuantiles(
  set: CompiledDistrictSet,
  m: Omit<MonteCarloTotals, 'totals'>,
  q: Float64Array,
  o: MonteCarloOptions,
): MonteCarloResult {
  const Y = m.years.length;
  const areas = m.areas.map((name, a) => {
    const total: Record<string, Quantiles> = {};
    m.years.forEach((y, k) => {
      const b = (a * Y + k) * 5;
      total[String(y)] = {
        lower95: q[b]!,
        lower80: q[b + 1]!,
        median: q[b + 2]!,
        upper80: q[b + 3]!,
        upper95: q[b + 4]!,
      };
    });
    return { name, total };
  });
  return {
    trajectories: m.trajectories,
    seed: o.seed,
    sigmas: { ...DEFAULT_SIGMAS, ...o.sigmas },
    years: m.years,
    ...(set.sample ? { sample: true } : {}),
    areas,
    guardedTrajectories: m.guarded,
  };
}

/** Median and 80% / 95% intervals (type-7 quantiles) of every area and year. May reorder the totals. */
export function summarise(
  set: CompiledDistrictSet,
  m: MonteCarloTotals,
  o: MonteCarloOptions,
): MonteCarloResult {
  const series = m.areas.length * m.years.length;
  const q = new Float64Array(series * 5);
  quantilesInto(m.totals, m.trajectories, 0, series, q);
  return resultFromQuantiles(set, m, q, o);
}

/** Validates and runs a whole simulation in this thread. */
export function simulate(input: unknown, o: MonteCarloOptions): Result<MonteCarloResult> {
  if (!Number.isInteger(o.trajectories) || o.trajectories < 1) {
    return fail(
      P.valueOutOfRange.create(
        { field: 'trajectories', value: o.trajectories, range: 'integer ≥ 1' },
        { field: 'trajectories' },
      ),
    );
  }
  const set = compileForSimulation(input);
  if (!set.ok) return set;
  const m = allocateTotals(set.value, o.trajectories);
  m.guarded = simulateInto(set.value, o, 0, o.trajectories, m.totals);
  return ok(summarise(set.value, m, o));
}
