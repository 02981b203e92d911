/**
 * Makes `shiojiri-districts-sample.csv`: an ILLUSTRATIVE SAMPLE of Shiojiri's
 * 2010 and 2015 census split into its 10 districts. There is no district-by-age
 * data for Shiojiri in the project's material, so this file only exercises the
 * district engine; every row says sample=true. Method:
 * - 2010: each sex × age cell of the city split by the district's 2010
 *   household count × an age tilt exp(t·(age − 42)/25) (t > 0: older district);
 * - 2015: each cohort keeps its district shares from 2010, times a young-adult
 *   migration factor exp(μ·y(age)) with y = 1 at 20-34 and 0.3 elsewhere
 *   (μ < 0: the district loses young adults); 0-4 follows the district's women 20-39;
 * - the age-unknown persons are split by households; integer cells by largest
 *   remainder, so the districts sum exactly to the city in every cell.
 * Run: node --import tsx data/population/make-districts-sample.ts
 */
import { writeFileSync } from 'node:fs';
import { readTableFile } from '@mirai/app';

const districts = [
  // name, 2010 households (d3 example cited in the research note), age tilt t, young-adult migration μ
  ['01', '大門', 4042, 0.1, 0],
  ['02', '塩尻東', 2599, 0.2, -0.05],
  ['03', '片丘', 1257, 0.2, -0.1],
  ['04', '高出', 3081, -0.1, 0.05],
  ['05', '広丘', 5452, -0.35, 0.08],
  ['06', '吉田', 4081, -0.3, 0.08],
  ['07', '洗馬', 1590, 0.35, -0.1],
  ['08', '宗賀', 2022, 0.3, -0.1],
  ['09', '北小野', 706, 0.45, -0.2],
  ['10', '楢川', 1016, 0.7, -0.25],
] as const;

const here = new URL('.', import.meta.url).pathname;
const table = await readTableFile(`${here}shiojiri_census_1980_2015_sex_age5.csv`);
if (!table.ok) throw new Error(JSON.stringify(table.problems));
const ages = [...Array.from({ length: 18 }, (_, i) => `${5 * i}-${5 * i + 4}`), '90+'];
const city = new Map<string, number>();
for (const r of table.value.rows)
  city.set(`${r.cells.year}|${r.cells.sex}|${r.cells.age_group}`, Number(r.cells.population));
const get = (y: number, s: string, a: string) => city.get(`${y}|${s}|${a}`) ?? 0;

/** Splits an integer total by weights with the largest-remainder rule. */
function split(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const raw = weights.map((w) => (total * w) / sum);
  const out = raw.map(Math.floor);
  let left = total - out.reduce((a, b) => a + b, 0);
  const order = raw.map((v, i) => [v - Math.floor(v), i] as const).sort((a, b) => b[0] - a[0]);
  for (const [, i] of order) {
    if (left-- <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

const lines = ['district_code,district,year,sex,age_group,population,sample'];
const cells2010 = new Map<string, number[]>();
for (const sex of ['male', 'female']) {
  ages.forEach((a, i) => {
    const w = districts.map(([, , h, t]) => h * Math.exp((t * (5 * i + 2.5 - 42)) / 25));
    cells2010.set(`${sex}|${i}`, split(get(2010, sex, a), w));
  });
}
const cells2015 = new Map<string, number[]>();
const young = (i: number) => (i >= 4 && i <= 6 ? 1 : 0.3);
for (const sex of ['male', 'female']) {
  ages.forEach((a, i) => {
    let w: number[];
    if (i === 0) {
      w = districts.map((_, d) =>
        [4, 5, 6, 7].reduce((s, j) => s + (cells2010.get(`female|${j}`)?.[d] ?? 0), 0),
      );
    } else {
      const prev = cells2010.get(`${sex}|${i - 1}`)!;
      const open = i === ages.length - 1 ? cells2010.get(`${sex}|${i}`)! : prev.map(() => 0);
      w = districts.map(
        ([, , , , mu], d) => ((prev[d] ?? 0) + (open[d] ?? 0) + 0.5) * Math.exp(mu * young(i)),
      );
    }
    cells2015.set(`${sex}|${i}`, split(get(2015, sex, a), w));
  });
}
for (const [year, cells] of [
  [2010, cells2010],
  [2015, cells2015],
] as const) {
  for (const sex of ['male', 'female']) {
    const unknown = split(
      get(year, sex, 'unknown'),
      districts.map(([, , h]) => h),
    );
    districts.forEach(([code, name], d) => {
      ages.forEach((a, i) =>
        lines.push(`${code},${name},${year},${sex},${a},${cells.get(`${sex}|${i}`)![d]},true`),
      );
      lines.push(`${code},${name},${year},${sex},unknown,${unknown[d]},true`);
    });
  }
}
writeFileSync(`${here}shiojiri-districts-sample.csv`, `${lines.join('\n')}\n`);
console.log(`wrote ${lines.length - 1} rows`);
