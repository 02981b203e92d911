/**
 * The data a new database starts with, named by the manifest `data/default.json`
 * (the plan file and its statistical data sets), never by code. Read once, at
 * first start, and stored in the database; pages read the database.
 */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';

export interface ManifestDataset {
  code: string;
  kind: string;
  file: string;
  title: { ja: string; en?: string };
  source: string;
  note?: string;
  sample?: boolean;
  meta?: Record<string, unknown>;
}

export interface ManifestBoundaries {
  file: string;
  source: string;
  licence: string;
  sample?: boolean;
}

export interface DataManifest {
  plan: string;
  datasets: ManifestDataset[];
  /** The districts' boundaries (GeoJSON) with their source and licence, imported with a new plan. */
  boundaries?: ManifestBoundaries;
  /** Illustrative sample records loaded with a new plan: actual values (CSV) and sectoral plans (YAML). */
  samples?: { actuals?: string[]; sectoralPlans?: string[] };
}

/** The repository's data folder (packages/app/src/datasets -> ../../../../data). */
export const dataRoot = resolve(new URL('.', import.meta.url).pathname, '../../../../data');

export const defaultManifestFile = resolve(dataRoot, 'default.json');

/** The manifest, with its file paths resolved against its folder. */
export async function readDataManifest(file = defaultManifestFile): Promise<DataManifest> {
  const m = JSON.parse(await readFile(file, 'utf8')) as DataManifest;
  const dir = resolve(file, '..');
  return {
    plan: resolve(dir, m.plan),
    datasets: m.datasets.map((d) => ({ ...d, file: resolve(dir, d.file) })),
    ...(m.boundaries ? { boundaries: { ...m.boundaries, file: resolve(dir, m.boundaries.file) } } : {}),
    samples: {
      actuals: (m.samples?.actuals ?? []).map((f) => resolve(dir, f)),
      sectoralPlans: (m.samples?.sectoralPlans ?? []).map((f) => resolve(dir, f)),
    },
  };
}

/** The default plan file the manifest names (for tests and benchmarks that start from it). */
export function defaultPlanFile(): string {
  const m = JSON.parse(readFileSync(defaultManifestFile, 'utf8')) as DataManifest;
  return resolve(dataRoot, m.plan);
}
