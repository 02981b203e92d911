/**
 * The data directory's lock and closed snapshot, apart from the package's index: a read-only
 * command that answers from the snapshot imports this and loads no database code (decision 0130;
 * through the index the CLI bundle put them in one chunk with the database driver).
 */

export { readClosedSnapshot, snapshotFileName, writeClosedSnapshot } from './closed-snapshot';
export { acquireDataDirLock } from './data-dir-lock';
