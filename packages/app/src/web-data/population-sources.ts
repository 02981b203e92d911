/**
 * The population data of the municipality the plan names, read from its
 * statistical data sets in the database (never from repository files): the
 * census by sex and five-year age, a projection by sex and five-year age
 * (IPSS), a three-group projection, the plan's named series and a district
 * table. Whatever is missing is simply absent; the pages say so. Parsed
 * tables are kept per data set version.
 */
import {
  type CensusTable,
  censusFromRows,
  ok,
  type PopulationSeries,
  type Result,
  type TableRow,
} from '@mirai/core';
import type { StoredDataset } from '@mirai/db';
import type { AppContext } from '../context';
import { datasetRows, readMunicipalityData } from '../datasets/dataset-use-cases';

export interface Bilingual {
  ja: string;
  en: string;
}

export interface NamedSeries {
  key: string;
  name: Bilingual;
  /** Its base year and method, as the data set states them. */
  basis?: Bilingual;
  series: PopulationSeries;
}

export interface PopulationSources {
  municipality: { code: string; name: Bilingual };
  /** Data set codes and versions: the key of anything computed from these sources. */
  key: string;
  census?: { table: CensusTable; dataset: StoredDataset };
  projection?: { table: CensusTable; dataset: StoredDataset };
  age3?: { rows: TableRow[]; dataset: StoredDataset };
  series: NamedSeries[];
  districts?: { rows: TableRow[]; dataset: StoredDataset };
}

const cache = new Map<string, PopulationSources>();

const text = (t: { ja: string; en?: string }): Bilingual => ({ ja: t.ja, en: t.en ?? t.ja });

function seriesOf(d: StoredDataset): NamedSeries[] {
  const byKey = new Map<string, NamedSeries>();
  for (const r of datasetRows(d)) {
    const c = r.cells;
    const key = c.series ?? '';
    let s = byKey.get(key);
    if (!s) {
      s = {
        key,
        name: { ja: c.name_ja ?? key, en: c.name_en || c.name_ja || key },
        ...(c.basis_ja ? { basis: { ja: c.basis_ja, en: c.basis_en || c.basis_ja } } : {}),
        series: {
          name: c.name_ja ?? key,
          area: d.municipalityCode,
          kind: (c.kind || 'plan') as PopulationSeries['kind'],
          ...(c.approximate === 'true' ? { approximate: true } : {}),
          ...(c.sample === 'true' || d.sample ? { sample: true } : {}),
          provenance: { source: c.source || d.source, ...(c.note ? { note: c.note } : {}) },
          total: {},
        },
      };
      byKey.set(key, s);
    }
    const total = Number(c.total);
    if (c.year && Number.isFinite(total)) s.series.total[c.year] = total;
  }
  return [...byKey.values()];
}

/** The population sources of the readable plan's municipality. */
export async function loadPopulationSources(ctx: AppContext): Promise<Result<PopulationSources>> {
  const data = await readMunicipalityData(ctx);
  if (!data.ok) return data;
  const { municipality, datasets } = data.value;
  const key = `${municipality.code}|${datasets.map((d) => `${d.code}@${d.version}`).join(',')}`;
  const hit = cache.get(key);
  if (hit) return ok(hit);
  const first = (kind: string) => datasets.find((d) => d.kind === kind);
  const table = (d: StoredDataset | undefined) => {
    if (!d) return undefined;
    const t = censusFromRows(datasetRows(d), municipality.code, d.fileName);
    return t.ok ? { table: t.value, dataset: d } : undefined;
  };
  const census = table(first('census-sex-age5'));
  const projection = table(first('projection-sex-age5'));
  const age3 = first('projection-age3');
  const districts = first('districts-sex-age5');
  const src: PopulationSources = {
    municipality: { code: municipality.code, name: text(municipality.name) },
    key,
    ...(census ? { census } : {}),
    ...(projection ? { projection } : {}),
    ...(age3 ? { age3: { rows: datasetRows(age3), dataset: age3 } } : {}),
    series: datasets.filter((d) => d.kind === 'population-series').flatMap(seriesOf),
    ...(districts ? { districts: { rows: datasetRows(districts), dataset: districts } } : {}),
  };
  if (cache.size > 20) cache.clear();
  cache.set(key, src);
  return ok(src);
}
