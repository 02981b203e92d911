/**
 * The read model of the district pages: each of the plan's districts with a
 * projection from the stored district table (the shipped one is an illustrative sample),
 * rates shrunk toward the city's and raked to the city total.
 */
import { type DistrictProjection, ok, projectDistricts, type Result, type Text } from '@mirai/core';
import type { AppContext } from '../context';
import { readPlan } from '../plan';
import { broadCensus, districtSet, tableYears } from './city-spec';
import { loadPopulationSources, type PopulationSources } from './population-sources';
import { populationIndicator } from './population-view';

export interface DistrictSummary {
  code: string;
  name: Text;
  /** True: figures come from the illustrative sample, not real district data. */
  sample: boolean;
  years: number[];
  totals: (number | null)[];
  shares65: (number | null)[];
  young: (number | null)[];
}
export interface DistrictsView {
  /** Said on the page when there is no district data. */
  missing?: { ja: string; en: string };
  method: string;
  /**
   * Figure keys (core figureKey): the subject, and per year of the district run the series the
   * districts sum to (`census` in a census year, else the city's projection).
   */
  figures: { subject: string; years: number[]; citySeries: string[] };
  districts: DistrictSummary[];
}

const cache = new Map<string, DistrictProjection | null>();

/** The districts' projection from the stored data sets (null when there is no district table). */
async function projection(ctx: AppContext): Promise<Result<DistrictProjection | null>> {
  const src = await loadPopulationSources(ctx);
  if (!src.ok) return src;
  const hit = cache.get(src.value.key);
  if (hit !== undefined) return ok(hit);
  const set = districtSet(src.value);
  let value: DistrictProjection | null = null;
  if (set) {
    if (!set.ok) return set;
    const p = projectDistricts(set.value);
    if (!p.ok) return p;
    value = p.value;
  }
  if (cache.size > 20) cache.clear();
  cache.set(src.value.key, value);
  return ok(value);
}

/** How the district figures are made, naming the city run they are reconciled with. */
function methodText(src: PopulationSources | undefined, proj: DistrictProjection | null): string {
  const d = src?.districts?.dataset;
  const years = d ? `${d.meta.from ?? ''}年・${d.meta.to ?? ''}年` : '';
  const base = src?.projection?.dataset;
  const baseName = (base?.meta as { label?: { ja: string } } | undefined)?.label?.ja ?? base?.title.ja;
  const census = src ? broadCensus(src).map((c) => `${c.year}年`) : [];
  return [
    `地区別の${years}の人口${d?.sample ? '（説明用サンプル）' : ''}から地区ごとのコーホート変化率と子ども女性比を求め、市全体の率へ縮小推定しています。`,
    proj && baseName
      ? `各期の地区の値は、市の推計（${baseName}、人口のページと同じ計算）に男女・5歳階級ごとに合わせて調整（レイキング）しており、地区の合計は市の値と一致します。`
      : '',
    proj && census.length
      ? `国勢調査の年（${census.join('・')}）は、国勢調査の年齢3区分別人口に合わせています。`
      : '',
  ].join('');
}

function figuresOf(
  src: PopulationSources | undefined,
  proj: DistrictProjection | null,
): DistrictsView['figures'] {
  const years = proj?.city.years ?? [];
  const census = new Set([
    ...(src?.census ? tableYears(src.census.table) : []),
    ...(src ? broadCensus(src).map((c) => c.year) : []),
  ]);
  const base = src?.projection?.dataset.code ?? 'projection';
  return {
    subject: populationIndicator,
    years,
    citySeries: years.map((y) => (census.has(y) ? 'census' : base)),
  };
}

export async function getDistrictsView(ctx: AppContext): Promise<Result<DistrictsView>> {
  const plan = await readPlan(ctx);
  if (!plan.ok) return plan;
  const src = await loadPopulationSources(ctx);
  const p = await projection(ctx);
  if (!p.ok) return p;
  const proj = p.value;
  const areas = plan.value.document.areas.filter((a) => a.layer === 'district');
  const districts = areas.map((a): DistrictSummary => {
    const d = proj?.districts.find((x) => x.name === a.name.ja);
    const years = d?.years ?? [];
    return {
      code: a.code,
      name: a.name,
      sample: Boolean(d?.sample ?? proj?.sample ?? a.sample),
      years,
      totals: years.map((y) => d?.total[String(y)] ?? null),
      young: years.map((y) => d?.ageGroups3[String(y)]?.['0-14'] ?? null),
      shares65: years.map((y) => {
        const g = d?.ageGroups3[String(y)];
        const t = d?.total[String(y)];
        return g && t ? g['65+'] / t : null;
      }),
    };
  });
  return ok({
    ...(proj
      ? {}
      : {
          missing: {
            ja: '地区別の人口データが登録されていません（mirai population data import で取り込めます）。',
            en: 'No district population data is stored (import it with mirai population data import).',
          },
        }),
    method: methodText(src.ok ? src.value : undefined, proj),
    figures: figuresOf(src.ok ? src.value : undefined, proj),
    districts,
  });
}
