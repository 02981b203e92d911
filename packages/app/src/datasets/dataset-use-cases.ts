/**
 * Statistical data sets in the database: store one (checked columns, the next
 * version, audited, in one transaction), seed the default data named by the
 * manifest at first start, and read the data sets of the municipality the
 * plan names (once per read scope). The open-data catalogue publishes each of them.
 */
import { defineProblem, fail, ok, type Result, unwrap } from '@mirai/core';
import {
  audit,
  countDatasets,
  type Database,
  type DatasetRecord,
  findCurrentPlan,
  inPlanMunicipality,
  listDatasets,
  readHostDirectory,
  type StoredDataset,
  saveDataset,
  savePlanVersion,
} from '@mirai/db';
import type { Kysely, Transaction } from 'kysely';
import type { AppContext } from '../context';
import { readTableFile, type Table, type TableRow } from '../io';
import { loadPlanText } from '../plan/load-plan';
import { readPlan } from '../plan/plan-use-cases';
import { memoRead } from '../read-scope';
import { datasetKinds, isDatasetKind } from './dataset-kinds';
import { readDataManifest } from './default-data';

export const datasetProblems = {
  unknownKind: defineProblem<{ kind: string }>('dataset/unknown-kind', 'invalid', ({ kind }) => ({
    ja: `データの種類「${kind}」は扱えません（${Object.keys(datasetKinds).join('、')}）`,
    en: `Unknown data set kind "${kind}" (${Object.keys(datasetKinds).join(', ')})`,
  })),
  missingColumn: defineProblem<{ column: string }>('dataset/missing-column', 'invalid', ({ column }) => ({
    ja: `必要な列「${column}」がありません`,
    en: `Required column "${column}" is missing`,
  })),
  empty: defineProblem('dataset/empty', 'invalid', () => ({
    ja: 'データ行がありません',
    en: 'The table has no data rows',
  })),
};

/** A stored data set's rows as table rows (header = row 1), for the core's readers. */
export function datasetRows(d: Pick<StoredDataset, 'columns' | 'rows'>): TableRow[] {
  return d.rows.map((cells, i) => ({
    row: i + 2,
    cells: Object.fromEntries(d.columns.map((c, j) => [c, cells[j] ?? ''])),
  }));
}

/** Checks a table against its kind and makes the record to store. */
export function datasetFromTable(
  table: Pick<Table, 'headers' | 'rows' | 'file'>,
  meta: Omit<DatasetRecord, 'columns' | 'rows' | 'fileName'> & { fileName?: string },
): Result<DatasetRecord> {
  if (!isDatasetKind(meta.kind)) return fail(datasetProblems.unknownKind.create({ kind: meta.kind }));
  const missing = datasetKinds[meta.kind].filter((c) => !table.headers.includes(c));
  if (missing.length > 0)
    return fail(
      missing.map((column) => datasetProblems.missingColumn.create({ column }, { file: table.file, row: 1 })),
    );
  if (table.rows.length === 0) return fail(datasetProblems.empty.create({}, { file: table.file }));
  return ok({
    ...meta,
    fileName: meta.fileName ?? table.file,
    columns: table.headers,
    rows: table.rows.map((r) => table.headers.map((h) => r.cells[h] ?? '')),
  });
}

/** Stores data sets (each the next version of its code), audited, all or nothing. */
export async function storeDatasets(
  db: Kysely<Database> | Transaction<Database>,
  records: DatasetRecord[],
  actor: string,
): Promise<{ code: string; version: number }[]> {
  const run = async (tx: Transaction<Database>) => {
    const out: { code: string; version: number }[] = [];
    for (const d of records) {
      const version = await saveDataset(tx, d, actor);
      await audit(tx, {
        actor,
        action: 'dataset.import',
        entityType: 'statistical-dataset',
        entityId: `${d.municipalityCode}/${d.code}`,
        after: { version, kind: d.kind, rows: d.rows.length, file: d.fileName },
      });
      out.push({ code: d.code, version });
    }
    return out;
  };
  return 'isTransaction' in db && db.isTransaction
    ? run(db as Transaction<Database>)
    : (db as Kysely<Database>).transaction().execute(run);
}

/**
 * Loads the manifest's plan into a database that has no plan yet, and its data
 * sets when none are stored (also into an older database that has the plan).
 * Returns whether the plan was loaded.
 */
export async function seedDefaultData(db: Kysely<Database>): Promise<boolean> {
  // Several municipalities (or one other than the bundled plan's): nothing to seed (tenancy, decision 0135).
  const { codes } = await readHostDirectory(db);
  if (codes.length > 1) return false;
  const existing = await findCurrentPlan(db);
  const needsData = (await countDatasets(db)) === 0;
  if (existing && !needsData) return false;
  const manifest = await readDataManifest();
  const doc = unwrap(loadPlanText(await readTextFile(manifest.plan), 'plan.yaml'));
  if (existing && existing.document.municipality.code !== doc.municipality.code) return false;
  if (codes.length === 1 && codes[0] !== doc.municipality.code) return false;
  const records: DatasetRecord[] = [];
  for (const d of manifest.datasets) {
    const table = unwrap(await readTableFile(d.file));
    records.push(
      unwrap(
        datasetFromTable(table, {
          municipalityCode: doc.municipality.code,
          code: d.code,
          kind: d.kind,
          title: d.title,
          source: d.source,
          ...(d.note ? { note: d.note } : {}),
          sample: d.sample ?? false,
          meta: d.meta ?? {},
        }),
      ),
    );
  }
  await inPlanMunicipality(db, doc.municipality, () =>
    db.transaction().execute(async (tx) => {
      if (!existing) await savePlanVersion(tx, doc, { actor: 'system:seed', note: 'bundled plan' });
      await storeDatasets(tx, records, 'system:seed');
    }),
  );
  return !existing;
}

async function readTextFile(path: string): Promise<string> {
  const { readFile } = await import('node:fs/promises');
  return readFile(path, 'utf8');
}

export interface MunicipalityData {
  municipality: { code: string; name: { ja: string; en?: string } };
  datasets: StoredDataset[];
}

/** The data sets of the municipality the readable plan names, once per read scope. */
export function readMunicipalityData(ctx: AppContext): Promise<Result<MunicipalityData>> {
  return memoRead(ctx, 'municipality-data', async () => {
    const plan = await readPlan(ctx);
    if (!plan.ok) return plan;
    const municipality = plan.value.document.municipality;
    return ok({
      municipality: { code: municipality.code, name: municipality.name },
      datasets: await listDatasets(ctx.database.db, municipality.code),
    });
  });
}

export interface DatasetSummary {
  code: string;
  kind: string;
  title: { ja: string; en?: string };
  source: string;
  sample: boolean;
  fileName: string;
  version: number;
  rows: number;
  createdAt: string;
}

/** What the municipality has stored, for the staff page (newest version of each, without rows). */
export async function listDatasetSummaries(ctx: AppContext): Promise<Result<DatasetSummary[]>> {
  const data = await readMunicipalityData(ctx);
  if (!data.ok) return data;
  return ok(
    data.value.datasets.map((d) => ({
      code: d.code,
      kind: d.kind,
      title: d.title,
      source: d.source,
      sample: d.sample,
      fileName: d.fileName,
      version: d.version,
      rows: d.rows.length,
      createdAt: new Date(d.createdAt).toISOString(),
    })),
  );
}
