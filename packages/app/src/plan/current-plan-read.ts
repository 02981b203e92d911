/**
 * The current plan version (a draft included) for a read-only command, from the database or,
 * on an embedded data directory unchanged since the last such read, from its closed snapshot
 * (decision 0130). Loads no database code unless it has to open the database.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PlanDocument } from '@mirai/core';
import { unwrap } from '@mirai/core';
import {
  acquireDataDirLock,
  readClosedSnapshot,
  snapshotFileName,
  writeClosedSnapshot,
} from '@mirai/db/data-dir';
import { type AppConfig, resolveTarget } from '../data-target';

export interface CurrentPlanRead {
  version: number;
  status: string;
  document: PlanDocument;
  /** Where it was read: the database, or the snapshot of the database as it still is. */
  from: 'database' | 'snapshot';
}

type Snapshot = Omit<CurrentPlanRead, 'from'>;

/**
 * `codeKey` names the code that reads (the built command line's build): a snapshot written by
 * other code is not used. Without it the database is always read and no snapshot is written.
 */
export async function readCurrentPlan(config: AppConfig, codeKey?: string): Promise<CurrentPlanRead> {
  const target = resolveTarget(config);
  const dataDir = target.kind === 'pglite' && codeKey ? target.dataDir : undefined;
  const key = `current-plan@${codeKey}`;
  if (dataDir && existsSync(join(dataDir, snapshotFileName))) {
    // Like any opener: refused while a server or another command holds the directory.
    const lock = acquireDataDirLock(dataDir);
    try {
      const hit = readClosedSnapshot<Snapshot>(dataDir, key);
      if (hit) return { ...hit, from: 'snapshot' };
    } finally {
      lock.release();
    }
  }
  const { openApp } = await import('../context');
  const { getCurrentPlan } = await import('./plan-use-cases');
  const ctx = await openApp(config);
  let read: Snapshot;
  try {
    const plan = unwrap(await getCurrentPlan(ctx));
    read = { version: plan.version, status: plan.status, document: plan.document };
  } catch (error) {
    await ctx.close();
    throw error;
  }
  await ctx.close(
    dataDir
      ? (dir) => {
          try {
            writeClosedSnapshot(dir, key, read);
          } catch {
            // No snapshot (e.g. a read-only directory): the next run reads the database again.
          }
        }
      : undefined,
  );
  return { ...read, from: 'database' };
}
