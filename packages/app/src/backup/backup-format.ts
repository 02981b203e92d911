/**
 * The backup file: gzip-compressed JSON lines. Line 1 is the manifest (format,
 * the schema version as the list of applied migrations, and each table with
 * its columns and row count); then one line per row, `{"t": table, "r": row}`,
 * each row written by PostgreSQL itself (row_to_json) so that every type
 * round-trips exactly on PGlite and on a server; the last line closes the file
 * with the row counts again, so a truncated file is recognised. Decision 0105.
 * A backup of one municipality (decision 0148) is format version 2 and names
 * the municipality in its manifest, so that a Mirai that knows only version 1
 * (which restores a backup as the whole database) refuses it.
 */

export const BACKUP_FORMAT = 'mirai-backup';
/** The whole database. */
export const BACKUP_FORMAT_VERSION = 1;
/** One municipality's rows (with its registry entry). */
export const MUNICIPALITY_BACKUP_FORMAT_VERSION = 2;

export interface BackupTable {
  name: string;
  columns: string[];
  rows: number;
}

export interface BackupManifest {
  format: typeof BACKUP_FORMAT;
  formatVersion: typeof BACKUP_FORMAT_VERSION | typeof MUNICIPALITY_BACKUP_FORMAT_VERSION;
  createdAt: string;
  /** The database the backup came from: pglite or postgres. */
  dialect: string;
  /** The schema version: names of the migrations applied, in order. */
  migrations: string[];
  /** Tables in an order that satisfies their foreign keys (parents first). */
  tables: BackupTable[];
  /** Only in a backup of one municipality: which one (its rows only). */
  municipality?: { code: string; name: { ja: string; en?: string }; hosts: string[] };
}

export interface BackupEnd {
  end: true;
  rows: Record<string, number>;
}

/** Migrations a backup has that this system does not: a newer schema, refused. */
export function unknownMigrations(backup: readonly string[], known: readonly string[]): string[] {
  const have = new Set(known);
  return backup.filter((m) => !have.has(m));
}
