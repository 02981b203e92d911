/**
 * The population tables shipped in data/population, read once per process:
 * the 1980–2015 census, IPSS 2018 (Shiojiri, by sex and age), IPSS 2023
 * (Nagano, three groups), the named baselines and the illustrative district
 * sample. Every series keeps its provenance for the pages that show it.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import {
  type CensusTable,
  censusFromRows,
  ok,
  type PopulationSeries,
  type Result,
  type TableRow,
} from '@mirai/core';
import { repoRoot } from '../context';
import { readTableFile } from '../io';

export const SHIOJIRI_CODE = '20215';
const dir = () => resolve(repoRoot, 'data/population');

export interface PopulationSources {
  census: CensusTable;
  ipss2018: CensusTable;
  nagano2023Rows: TableRow[];
  districtRows: TableRow[];
  baselines: PopulationSeries[];
}

let cached: Promise<Result<PopulationSources>> | undefined;

/** Reads the tables (cached: they ship with the code and do not change while it runs). */
export function loadPopulationSources(): Promise<Result<PopulationSources>> {
  cached ??= read();
  return cached;
}

async function rowsOf(name: string): Promise<Result<TableRow[]>> {
  const t = await readTableFile(resolve(dir(), name));
  return t.ok ? ok(t.value.rows) : t;
}

async function read(): Promise<Result<PopulationSources>> {
  const [censusRows, ipssRows, nagano, districts] = await Promise.all([
    rowsOf('shiojiri_census_1980_2015_sex_age5.csv'),
    rowsOf('shiojiri_ipss2018_projection_2015_2045_sex_age5.csv'),
    rowsOf('nagano_ipss2023_projection_2020_2050_age3.csv'),
    rowsOf('shiojiri-districts-sample.csv'),
  ]);
  for (const r of [censusRows, ipssRows, nagano, districts]) if (!r.ok) return r;
  if (!censusRows.ok || !ipssRows.ok || !nagano.ok || !districts.ok) throw new Error('unreachable');
  const census = censusFromRows(censusRows.value, SHIOJIRI_CODE, 'shiojiri_census_1980_2015_sex_age5.csv');
  if (!census.ok) return census;
  const ipss = censusFromRows(
    ipssRows.value,
    SHIOJIRI_CODE,
    'shiojiri_ipss2018_projection_2015_2045_sex_age5.csv',
  );
  if (!ipss.ok) return ipss;
  const baselinesJson = JSON.parse(await readFile(resolve(dir(), 'shiojiri-baselines.json'), 'utf8')) as {
    series: PopulationSeries[];
  };
  return ok({
    census: census.value,
    ipss2018: ipss.value,
    nagano2023Rows: nagano.value,
    districtRows: districts.value,
    baselines: baselinesJson.series,
  });
}
