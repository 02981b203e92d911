/**
 * Area boundaries per municipality (migration 0046): each import is stored
 * whole as the next version with its source and licence; the newest is current.
 */
import type { Generated, JSONColumnType, Kysely, Transaction } from 'kysely';
import type { Database } from '../schema';

/** One area's outline: a GeoJSON Polygon or MultiPolygon geometry in longitude/latitude. */
export interface BoundaryFeature {
  area: string;
  geometry:
    | { type: 'Polygon'; coordinates: number[][][] }
    | { type: 'MultiPolygon'; coordinates: number[][][][] };
}

export interface AreaBoundaryTables {
  area_boundaries: {
    id: Generated<number>;
    municipality_code: string;
    version: number;
    source: string;
    licence: string;
    sample: boolean;
    file_name: string;
    features: JSONColumnType<BoundaryFeature[]>;
    created_by: string;
    created_at: Generated<Date>;
  };
}

type Db = Kysely<Database> | Transaction<Database>;

export interface BoundarySetRecord {
  municipalityCode: string;
  source: string;
  licence: string;
  sample: boolean;
  fileName: string;
  features: BoundaryFeature[];
}

export interface StoredBoundarySet extends BoundarySetRecord {
  version: number;
  createdBy: string;
  createdAt: Date;
}

/** The current (newest) boundaries of a municipality, or null. */
export async function currentBoundaries(db: Db, municipalityCode: string): Promise<StoredBoundarySet | null> {
  const r = await db
    .selectFrom('area_boundaries')
    .selectAll()
    .where('municipality_code', '=', municipalityCode)
    .orderBy('version', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r
    ? {
        municipalityCode: r.municipality_code,
        source: r.source,
        licence: r.licence,
        sample: r.sample,
        fileName: r.file_name,
        features: r.features,
        version: r.version,
        createdBy: r.created_by,
        createdAt: r.created_at,
      }
    : null;
}

/** Stores a municipality's boundaries as its next version (locks the newest first); returns the version. */
export async function saveBoundaries(
  tx: Transaction<Database>,
  b: BoundarySetRecord,
  actor: string,
): Promise<number> {
  const last = await tx
    .selectFrom('area_boundaries')
    .select('version')
    .where('municipality_code', '=', b.municipalityCode)
    .orderBy('version', 'desc')
    .limit(1)
    .forUpdate()
    .executeTakeFirst();
  const version = (last?.version ?? 0) + 1;
  await tx
    .insertInto('area_boundaries')
    .values({
      municipality_code: b.municipalityCode,
      version,
      source: b.source,
      licence: b.licence,
      sample: b.sample,
      file_name: b.fileName,
      features: JSON.stringify(b.features),
      created_by: actor,
    })
    .execute();
  return version;
}
