/**
 * Mirai side of the survey benchmark: the same estimates as bench.R, from
 * columns in memory (design construction, calibration and SEs are timed).
 */
import { readFileSync } from 'node:fs';
import {
  createDesign,
  crossFactors,
  factorize,
  postStratify,
  rake,
  surveyMean,
  surveyQuantile,
  surveyTotal,
  unwrap,
} from '@mirai/core';
import { AGES, DISTRICTS, type Population, SEXES, type Synthetic } from './generate';

export type Results = Record<string, { estimate: number; se: number }>;

export interface ApiData {
  srs: Record<string, string[]>;
  strat: Record<string, string[]>;
  clus: Record<string, string[]>;
}

const num = (xs: string[] | undefined) => Float64Array.from(xs ?? [], Number);
const pick = (e: { estimate: number; se: number }) => ({ estimate: e.estimate, se: e.se });

export function runApi(a: ApiData): Results {
  const d1 = unwrap(createDesign({ n: a.srs.api00!.length, fpc: num(a.srs.fpc) }));
  const d2 = unwrap(
    createDesign({
      n: a.strat.api00!.length,
      strata: a.strat.stype!,
      weights: num(a.strat.pw),
      fpc: num(a.strat.fpc),
    }),
  );
  const d3 = unwrap(
    createDesign({
      n: a.clus.api00!.length,
      cluster: a.clus.dnum!,
      weights: num(a.clus.pw),
      fpc: num(a.clus.fpc),
    }),
  );
  const rk = unwrap(
    rake(d3, [
      { factor: factorize(a.clus.stype!, ['E', 'H', 'M']), population: [4421, 755, 1018] },
      { factor: factorize(a.clus['sch.wide']!, ['No', 'Yes']), population: [1072, 5122] },
    ]),
  ).design;
  const q = surveyQuantile(d2, num(a.strat.api00), 0.5);
  return {
    srs_mean: pick(surveyMean(d1, num(a.srs.api00))),
    strat_mean: pick(surveyMean(d2, num(a.strat.api00))),
    strat_total: pick(surveyTotal(d2, num(a.strat.enroll))),
    clus_mean: pick(surveyMean(d3, num(a.clus.api00))),
    clus_raked_mean: pick(surveyMean(rk, num(a.clus.api00))),
    strat_median: { estimate: q.estimate, se: q.se },
  };
}

export function runRake(d: Synthetic, pop: Population): Results {
  const design = unwrap(createDesign({ n: d.n }));
  const r = unwrap(
    rake(design, [
      { factor: factorize(d.age, AGES), population: pop.age },
      { factor: factorize(d.sex, SEXES), population: pop.sex },
      { factor: factorize(d.district, DISTRICTS), population: pop.district },
    ]),
  );
  return { raked_mean: pick(surveyMean(r.design, d.happiness)) };
}

export function runPostStratify(d: Synthetic, pop: Population): Results {
  const design = unwrap(createDesign({ n: d.n }));
  const cell = crossFactors([factorize(d.age, AGES), factorize(d.sex, SEXES)]);
  // Population per crossed level, by label "age × sex".
  const byLabel = new Map<string, number>();
  pop.cells.forEach((c, k) => byLabel.set(`${AGES[Math.floor(k / 2)]} × ${SEXES[k % 2]}`, c));
  const ps = unwrap(
    postStratify(design, { factor: cell, population: cell.levels.map((l) => byLabel.get(l) ?? 0) }),
  );
  return { poststratified_mean: pick(surveyMean(ps, d.happiness)) };
}

export function timeMedian<T>(reps: number, f: () => T): { result: T; ms: number; timesMs: number[] } {
  const times: number[] = [];
  let result = f(); // warm-up (JIT), not counted
  for (let r = 0; r < reps; r++) {
    const t0 = performance.now();
    result = f();
    times.push(performance.now() - t0);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const mid = sorted.length / 2;
  const ms =
    sorted.length % 2
      ? (sorted[Math.floor(mid)] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return { result, ms, timesMs: times };
}

/** Peak resident set size of this process (Linux VmHWM), in MB. */
export function peakRssMb(): number {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const m = /VmHWM:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : process.memoryUsage().rss / 2 ** 20;
  } catch {
    return process.memoryUsage().rss / 2 ** 20;
  }
}
