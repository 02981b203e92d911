/**
 * The read model of the district pages: each of the plan's districts with a
 * projection from the illustrative district census sample (sample: true),
 * rates shrunk toward the city's and raked to the city total.
 */
import { type DistrictProjection, ok, projectDistricts, type Result, type Text } from '@mirai/core';
import type { AppContext } from '../context';
import { getCurrentPlan } from '../plan';
import { sampleDistrictSet } from './city-spec';
import { loadPopulationSources } from './population-sources';

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
  method: string;
  districts: DistrictSummary[];
}

let cached: DistrictProjection | undefined;

async function projection(): Promise<Result<DistrictProjection>> {
  if (cached) return ok(cached);
  const src = await loadPopulationSources();
  if (!src.ok) return src;
  const set = sampleDistrictSet(src.value);
  if (!set.ok) return set;
  const p = projectDistricts(set.value);
  if (!p.ok) return p;
  cached = p.value;
  return ok(p.value);
}

export async function getDistrictsView(ctx: AppContext): Promise<Result<DistrictsView>> {
  const plan = await getCurrentPlan(ctx);
  if (!plan.ok) return plan;
  const p = await projection();
  if (!p.ok) return p;
  const areas = plan.value.document.areas.filter((a) => a.layer === 'district');
  const districts = areas.map((a): DistrictSummary => {
    const d = p.value.districts.find((x) => x.name === a.name.ja);
    const years = d?.years ?? [];
    return {
      code: a.code,
      name: a.name,
      sample: Boolean(d?.sample ?? p.value.sample ?? a.sample),
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
    method:
      '地区別の2010年・2015年の人口（説明用サンプル）から地区ごとのコーホート変化率と子ども女性比を求め、市全体の率へ縮小推定し、市の推計に合わせて調整（レイキング）しています。',
    districts,
  });
}
