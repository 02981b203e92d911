/**
 * Acknowledged means durable on the embedded database. PGlite (0.5) starts
 * PostgreSQL with `-F` (fsync off), its Emscripten `fdatasync` is a no-op and
 * its Node filesystem (NODEFS) has no `fsync` operation, so nothing ever
 * reached stable storage. Here PostgreSQL runs with fsync on and
 * `wal_sync_method=fsync`, and NODEFS gets an `fsync` that calls the real
 * fsync(2) on the file's descriptor: a commit returns after its WAL is on
 * disk, and a checkpoint after its data files are (decision 0091).
 */
import { fsyncSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

/** Emscripten's errno for EIO: PostgreSQL treats a failed fsync as fatal, as it should. */
const EIO = 29;

interface EmscriptenModule {
  NODEFS: { stream_ops: Record<string, unknown> };
  FS: { ErrnoError: new (errno: number) => Error };
}

export class DurableNodeFS extends NodeFS {
  override async init(pg: PGlite, opts: Parameters<NodeFS['init']>[1]) {
    const { emscriptenOpts } = await super.init(pg, opts);
    const preRun = [
      ...((emscriptenOpts.preRun as unknown[]) ?? []),
      (mod: EmscriptenModule) => {
        mod.NODEFS.stream_ops.fsync = (stream: { nfd: number }) => {
          try {
            fsyncSync(stream.nfd);
          } catch {
            throw new mod.FS.ErrnoError(EIO);
          }
          return 0;
        };
      },
    ];
    return { emscriptenOpts: { ...emscriptenOpts, preRun } as typeof emscriptenOpts };
  }
}

/** PGlite's start parameters with fsync on and the WAL synced with fsync(2) (the one call NODEFS can do). */
export const durableStartParams = (): string[] => [
  ...PGlite.defaultStartParams.filter((p) => p !== '-F'),
  '-c',
  'fsync=on',
  '-c',
  'wal_sync_method=fsync',
  '-c',
  'synchronous_commit=on',
];
