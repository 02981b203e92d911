/**
 * A read of an embedded data directory kept beside it, valid only while the
 * database is exactly as it was when the read was made (decision 0130).
 *
 * PostgreSQL rewrites `global/pg_control` whenever it starts (state "in
 * production") and at every clean shutdown (a new shutdown checkpoint, whose
 * position only grows): no process can change the database without changing
 * that file. A snapshot records the SHA-256 of pg_control taken after a clean
 * close, while the opener still held the owner lock (decision 0085); it is
 * used only if pg_control still has those bytes, under the lock again, and
 * only for the same code (`key`: e.g. the known migrations). Anything else (a
 * write, a crash, a restore, a newer migration) falls back to the database.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const snapshotFileName = 'mirai-read-snapshot.json';

interface SnapshotFile<T> {
  format: 1;
  /** SHA-256 of global/pg_control after the clean close the data was read before. */
  control: string;
  key: string;
  data: T;
}

/** SHA-256 of the data directory's control file, or undefined when there is none (not a cluster yet). */
export function controlFileHash(dataDir: string): string | undefined {
  try {
    return createHash('sha256')
      .update(readFileSync(join(dataDir, 'global', 'pg_control')))
      .digest('hex');
  } catch {
    return undefined;
  }
}

/** The snapshot's data if the database is unchanged since it was taken and `key` matches; the caller holds the lock. */
export function readClosedSnapshot<T>(dataDir: string, key: string): T | undefined {
  let file: SnapshotFile<T>;
  try {
    file = JSON.parse(readFileSync(join(dataDir, snapshotFileName), 'utf8')) as SnapshotFile<T>;
  } catch {
    return undefined;
  }
  if (file.format !== 1 || file.key !== key) return undefined;
  const control = controlFileHash(dataDir);
  return control !== undefined && control === file.control ? file.data : undefined;
}

/**
 * Records `data` as read from the database that has just been closed cleanly; call it only
 * while holding the owner lock, after the close (see MiraiDatabase.close). Written whole or not at all.
 */
export function writeClosedSnapshot<T>(dataDir: string, key: string, data: T): void {
  const control = controlFileHash(dataDir);
  const path = join(dataDir, snapshotFileName);
  if (control === undefined) {
    rmSync(path, { force: true });
    return;
  }
  const file: SnapshotFile<T> = { format: 1, control, key, data };
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(file));
  renameSync(tmp, path);
}
