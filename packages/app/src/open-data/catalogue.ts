/**
 * The open-data catalogue: every registered dataset (registry.ts) read through
 * the caller's read scope, with its licence (the dataset's own, else the
 * plan's, else CC BY 4.0), the municipality that publishes it, its newest
 * change in Japan time and its CSV and JSON distributions. Read once per scope.
 */
import { defineProblem, fail, japanTime, ok, type Result } from '@mirai/core';
import type { AppContext } from '../context';
import { readPlan } from '../plan/plan-use-cases';
import { memoRead } from '../read-scope';
import {
  type Bilingual,
  bilingual,
  type DatasetDefinition,
  type DatasetTable,
  type Licence,
  newest,
} from './dataset-definition';
import { openDatasets } from './registry';

export const catalogueProblems = {
  unknownDataset: defineProblem<{ id: string }>('open-data/unknown-dataset', 'not-found', ({ id }) => ({
    ja: `データセット「${id}」はありません`,
    en: `No dataset "${id}"`,
  })),
};

export const ccBy4: Licence = {
  id: 'CC-BY-4.0',
  title: {
    ja: 'クリエイティブ・コモンズ 表示 4.0 国際',
    en: 'Creative Commons Attribution 4.0 International',
  },
  url: 'https://creativecommons.org/licenses/by/4.0/',
};

export const datasetsPath = '/open-data/datasets/';

export interface Distribution {
  format: 'CSV' | 'JSON';
  mediaType: string;
  /** Site-relative URL. */
  url: string;
}

export interface CatalogueEntry {
  id: string;
  title: Bilingual;
  description: Bilingual;
  keywords: string[];
  licence: Licence;
  source: Bilingual;
  sample: boolean;
  /** Japan time, `…+09:00`; null when nothing is stored yet. */
  modified: string | null;
  rows: number;
  columns: DatasetTable['columns'];
  distributions: Distribution[];
}

export interface Catalogue {
  title: Bilingual;
  publisher: { code: string; name: Bilingual; url?: string; email?: string };
  licence: Licence;
  modified: string | null;
  datasets: CatalogueEntry[];
}

interface ReadDataset {
  entry: CatalogueEntry;
  table: DatasetTable;
}

/** Every registered dataset (families expanded), in registration order; ids are unique. */
async function definitions(ctx: AppContext): Promise<Result<DatasetDefinition[]>> {
  const out: DatasetDefinition[] = [];
  for (const r of openDatasets) {
    if ('family' in r) {
      const expanded = await r.expand(ctx);
      if (!expanded.ok) return expanded;
      out.push(...expanded.value);
    } else out.push(r);
  }
  return ok(out.filter((d, i) => out.findIndex((x) => x.id === d.id) === i));
}

function readAll(
  ctx: AppContext,
): Promise<Result<{ catalogue: Catalogue; tables: Map<string, ReadDataset> }>> {
  return memoRead(ctx, 'open-data-catalogue', async () => {
    const plan = await readPlan(ctx);
    if (!plan.ok) return plan;
    const doc = plan.value.document;
    const declared = doc.openData?.license;
    const licence: Licence = declared
      ? { id: declared.id, title: bilingual(declared.title), url: declared.url }
      : ccBy4;
    const defs = await definitions(ctx);
    if (!defs.ok) return defs;
    const tables = new Map<string, ReadDataset>();
    for (const d of defs.value) {
      const table = await d.read(ctx);
      if (!table.ok) return table;
      const t = table.value;
      const entry: CatalogueEntry = {
        id: d.id,
        title: d.title,
        description: d.description,
        keywords: d.keywords ?? [],
        licence: t.licence ?? licence,
        source: t.source,
        sample: t.sample ?? false,
        modified: t.modified ? japanTime(t.modified) : null,
        rows: t.rows.length,
        columns: t.columns,
        distributions: [
          { format: 'CSV', mediaType: 'text/csv', url: `${datasetsPath}${d.id}.csv` },
          { format: 'JSON', mediaType: 'application/json', url: `${datasetsPath}${d.id}.json` },
        ],
      };
      tables.set(d.id, { entry, table: t });
    }
    const entries = [...tables.values()].map((x) => x.entry);
    const contact = doc.municipality.contact;
    const publisher: Catalogue['publisher'] = {
      code: doc.municipality.code,
      name: bilingual(doc.municipality.name),
      ...(contact?.url ? { url: contact.url } : {}),
      ...(contact?.email ? { email: contact.email } : {}),
    };
    const modified = newest([...tables.values()].map((x) => x.table.modified));
    return ok({
      catalogue: {
        title: {
          ja: `${publisher.name.ja}「${doc.plan.title.ja}」オープンデータ`,
          en: `${publisher.name.en}: ${doc.plan.title.en ?? doc.plan.title.ja}, open data`,
        },
        publisher,
        licence,
        modified: modified ? japanTime(modified) : null,
        datasets: entries,
      },
      tables,
    });
  });
}

/** The catalogue of the datasets this context may read. */
export async function readCatalogue(ctx: AppContext): Promise<Result<Catalogue>> {
  const all = await readAll(ctx);
  return all.ok ? ok(all.value.catalogue) : all;
}

/** One dataset's catalogue entry and table, or not-found. */
export async function readDatasetTable(ctx: AppContext, id: string): Promise<Result<ReadDataset>> {
  const all = await readAll(ctx);
  if (!all.ok) return all;
  const found = all.value.tables.get(id);
  return found ? ok(found) : fail(catalogueProblems.unknownDataset.create({ id }, { field: 'id' }));
}
