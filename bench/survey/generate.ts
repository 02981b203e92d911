/**
 * Synthetic happiness survey for the benchmark (SAMPLE DATA, not real answers):
 * age group, sex, district and a 0–10 answer, from a seeded generator, plus
 * population margins (also illustrative) that add up to the same total.
 */
import { createRng } from '@mirai/core';

export const AGES = ['20s', '30s', '40s', '50s', '60s', '70+'];
export const SEXES = ['F', 'M'];
export const DISTRICTS = Array.from({ length: 10 }, (_, k) => `D${String(k + 1).padStart(2, '0')}`);
const AGE_P = [0.09, 0.12, 0.16, 0.18, 0.2, 0.25];
const DISTRICT_P = [0.2, 0.15, 0.12, 0.1, 0.1, 0.09, 0.08, 0.06, 0.05, 0.05];
// Population shares deliberately differ from the sample's so that calibration moves weights.
const POP_AGE_P = [0.13, 0.15, 0.17, 0.17, 0.16, 0.22];
const POP_DISTRICT_P = [0.18, 0.16, 0.12, 0.11, 0.1, 0.09, 0.08, 0.07, 0.05, 0.04];

export interface Synthetic {
  n: number;
  age: string[];
  sex: string[];
  district: string[];
  happiness: Float64Array;
}

function pick(u: number, p: readonly number[]): number {
  let c = 0;
  for (let k = 0; k < p.length; k++) {
    c += p[k] as number;
    if (u < c) return k;
  }
  return p.length - 1;
}

/** One respondent after another from the seeded stream: age, sex and district codes and the answer. */
export function* respondents(n: number, seed: number): Generator<[number, number, number, number]> {
  const rng = createRng(seed);
  for (let i = 0; i < n; i++) {
    const a = pick(rng.next(), AGE_P);
    const s = rng.next() < 0.53 ? 0 : 1;
    const d = pick(rng.next(), DISTRICT_P);
    // A rough 0–10 answer: centred near 6.8, shifted by group, with noise.
    const noise = (rng.next() + rng.next() + rng.next() - 1.5) * 4;
    const v = Math.round(6.6 + 0.08 * a - 0.15 * s + 0.05 * (d % 3) + noise);
    yield [a, s, d, Math.min(10, Math.max(0, v))];
  }
}

export function generate(n: number, seed: number): Synthetic {
  const age: string[] = new Array(n);
  const sex: string[] = new Array(n);
  const district: string[] = new Array(n);
  const happiness = new Float64Array(n);
  let i = 0;
  for (const [a, s, d, v] of respondents(n, seed)) {
    age[i] = AGES[a] as string;
    sex[i] = SEXES[s] as string;
    district[i] = DISTRICTS[d] as string;
    happiness[i++] = v;
  }
  return { n, age, sex, district, happiness };
}

/** The same respondents as `toCsv(generate(n, seed))`, written in blocks (for files of millions of rows). */
export function* csvBlocks(n: number, seed: number, block = 100_000): Generator<string> {
  let lines: string[] = ['id,age,sex,district,happiness'];
  let i = 0;
  for (const [a, s, d, v] of respondents(n, seed)) {
    lines.push(`${++i},${AGES[a]},${SEXES[s]},${DISTRICTS[d]},${v}`);
    if (lines.length >= block) {
      yield `${lines.join('\n')}\n`;
      lines = [];
    }
  }
  if (lines.length > 0) yield `${lines.join('\n')}\n`;
}

function counts(p: readonly number[], total: number): number[] {
  const c = p.map((x) => Math.round(x * total));
  c[c.length - 1] = total - c.slice(0, -1).reduce((a, b) => a + b, 0);
  return c;
}

export interface Population {
  age: number[];
  sex: number[];
  district: number[];
  /** age × sex cells, age-major (20s F, 20s M, 30s F, …). */
  cells: number[];
}

/** Illustrative population counts adding up to `total` on every margin. */
export function population(total: number): Population {
  return {
    age: counts(POP_AGE_P, total),
    sex: counts([0.51, 0.49], total),
    district: counts(POP_DISTRICT_P, total),
    cells: counts(
      POP_AGE_P.flatMap((a) => [a * 0.51, a * 0.49]),
      total,
    ),
  };
}

/** The population as files: margins for raking (one variable per row) and age × sex cells. */
export function populationFiles(pop: Population): { margins: string; cells: string } {
  const lines = ['age,sex,district,count'];
  pop.age.forEach((c, k) => lines.push(`${AGES[k]},,,${c}`));
  pop.sex.forEach((c, k) => lines.push(`,${SEXES[k]},,${c}`));
  pop.district.forEach((c, k) => lines.push(`,,${DISTRICTS[k]},${c}`));
  const cells = ['age,sex,count'];
  pop.cells.forEach((c, k) => cells.push(`${AGES[Math.floor(k / 2)]},${SEXES[k % 2]},${c}`));
  return { margins: `${lines.join('\n')}\n`, cells: `${cells.join('\n')}\n` };
}

export function toCsv(d: Synthetic): string {
  const out: string[] = ['id,age,sex,district,happiness'];
  for (let i = 0; i < d.n; i++)
    out.push(`${i + 1},${d.age[i]},${d.sex[i]},${d.district[i]},${d.happiness[i]}`);
  return `${out.join('\n')}\n`;
}
