/**
 * Statistical data sets per municipality (census, projections, baselines,
 * district samples, published tables), each stored whole as rows of text with
 * its provenance. Saving replaces a data set as its next version.
 */
import type { Generated, JSONColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

export interface DatasetTables {
  statistical_datasets: {
    id: Generated<number>;
    municipality_code: string;
    code: string;
    kind: string;
    title: JSONColumnType<{ ja: string; en?: string }>;
    source: string;
    note: string | null;
    sample: boolean;
    file_name: string;
    meta: JSONColumnType<Record<string, unknown>>;
    columns: JSONColumnType<string[]>;
    rows: JSONColumnType<string[][]>;
    version: Generated<number>;
    created_by: string;
    created_at: Generated<Date>;
  };
}

type Db = Kysely<Database> | Transaction<Database>;

export interface DatasetRecord {
  municipalityCode: string;
  code: string;
  kind: string;
  title: { ja: string; en?: string };
  source: string;
  note?: string;
  sample: boolean;
  fileName: string;
  meta: Record<string, unknown>;
  columns: string[];
  rows: string[][];
}

export interface StoredDataset extends DatasetRecord {
  version: number;
  createdAt: Date;
}

const toStored = (r: {
  municipality_code: string;
  code: string;
  kind: string;
  title: { ja: string; en?: string };
  source: string;
  note: string | null;
  sample: boolean;
  file_name: string;
  meta: Record<string, unknown>;
  columns: string[];
  rows: string[][];
  version: number;
  created_at: Date;
}): StoredDataset => ({
  municipalityCode: r.municipality_code,
  code: r.code,
  kind: r.kind,
  title: r.title,
  source: r.source,
  ...(r.note ? { note: r.note } : {}),
  sample: r.sample,
  fileName: r.file_name,
  meta: r.meta,
  columns: r.columns,
  rows: r.rows,
  version: r.version,
  createdAt: r.created_at,
});

const all = [
  'municipality_code',
  'code',
  'kind',
  'title',
  'source',
  'note',
  'sample',
  'file_name',
  'meta',
  'columns',
  'rows',
  'version',
  'created_at',
] as const;

/** Every data set of a municipality, rows included, in code order. */
export async function listDatasets(db: Db, municipalityCode: string): Promise<StoredDataset[]> {
  const rows = await db
    .selectFrom('statistical_datasets')
    .select(all)
    .where('municipality_code', '=', municipalityCode)
    .orderBy('code')
    .execute();
  return rows.map(toStored);
}

/** The data sets' codes and versions only (cheap; keys caches of what is built from them). */
export async function datasetVersions(db: Db, municipalityCode: string): Promise<string> {
  const rows = await db
    .selectFrom('statistical_datasets')
    .select(['code', 'version'])
    .where('municipality_code', '=', municipalityCode)
    .orderBy('code')
    .execute();
  return rows.map((r) => `${r.code}@${r.version}`).join(',');
}

export async function countDatasets(db: Db): Promise<number> {
  const row = await db
    .selectFrom('statistical_datasets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Whether another data set of the municipality (another code) holds this file name. */
export async function datasetFileNameTaken(
  db: Db,
  municipalityCode: string,
  fileName: string,
  code: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('statistical_datasets')
    .select('id')
    .where('municipality_code', '=', municipalityCode)
    .where('file_name', '=', fileName)
    .where('code', '<>', code)
    .executeTakeFirst();
  return row !== undefined;
}

/** Stores a data set, replacing the one with the same code as its next version; returns the version. */
export async function saveDataset(
  tx: Transaction<Database>,
  d: DatasetRecord,
  actor: string,
): Promise<number> {
  const existing = await tx
    .selectFrom('statistical_datasets')
    .select(['id', 'version'])
    .where('municipality_code', '=', d.municipalityCode)
    .where('code', '=', d.code)
    .forUpdate()
    .executeTakeFirst();
  const values = {
    municipality_code: d.municipalityCode,
    code: d.code,
    kind: d.kind,
    title: JSON.stringify(d.title),
    source: d.source,
    note: d.note ?? null,
    sample: d.sample,
    file_name: d.fileName,
    meta: JSON.stringify(d.meta),
    columns: JSON.stringify(d.columns),
    rows: JSON.stringify(d.rows),
    created_by: actor,
  };
  if (existing) {
    const version = existing.version + 1;
    await tx
      .updateTable('statistical_datasets')
      .set({ ...values, version, created_at: new Date() } as never)
      .where('id', '=', existing.id)
      .execute();
    return version;
  }
  await tx
    .insertInto('statistical_datasets')
    .values(values as never)
    .execute();
  return 1;
}
