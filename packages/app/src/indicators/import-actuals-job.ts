/**
 * Importing a file of actual values as a background job (decision 0098): the
 * upload is stored with the job and answered at once; the job reads the table
 * (an xlsx in a worker with a memory ceiling, upload-limits.ts), checks every
 * row and stores all or nothing, one import at a time per municipality. Its
 * result is the import's summary; its problems are the catalogued ones, with
 * file, row and column.
 */
import { fail, ok, type Result } from '@mirai/core';
import { type Actor, actorLabel } from '../auth/actor';
import type { AppContext } from '../context';
import { readTableBytes } from '../io/read-table-file';
import { checkUploadShape } from '../io/upload-shape';
import { enqueueImport } from '../jobs/import-group';
import { jobProblems } from '../jobs/job-problems';
import type { JobKind } from '../jobs/job-queue';
import { maxStoredProblems } from '../jobs/run-job';
import { type ImportActualsResult, importIndicatorActuals } from './record-actuals';

export const importActualsJobKind = 'import.actuals';

export interface ImportActualsPayload {
  file: string;
  sheet?: string;
  dryRun: boolean;
  allowCorrections: boolean;
  /** A department editor's department: every row must be one of its indicators. */
  department?: string;
  actor: string;
}

export type ImportActualsSummary = Omit<ImportActualsResult, 'accepted'>;

export function importActualsJob(ctx: AppContext): JobKind<ImportActualsPayload, ImportActualsSummary> {
  return {
    kind: importActualsJobKind,
    serial: true,
    handler: async (p, job) => {
      const bytes = await job.input();
      if (!bytes) return fail(jobProblems.inputMissing.create({}));
      await job.progress(0.1, 'ファイルを読んでいます / reading the file');
      // Split in a worker, folded and checked in slices, staged in short statements (decision 0099).
      const table = await readTableBytes(bytes, p.file, {
        kind: 'actuals',
        offThread: true,
        ...(p.sheet ? { sheet: p.sheet } : {}),
      });
      if (!table.ok) return table;
      await job.progress(0.4, `${table.value.rows.length} 行を確認しています / checking the rows`);
      const r = await importIndicatorActuals(ctx, table.value, {
        actor: p.actor,
        dryRun: p.dryRun,
        allowCorrections: p.allowCorrections,
        ...(p.department !== undefined ? { department: p.department } : {}),
        stagingKey: `job:${job.jobId}`,
        // The job stores at most this many with the count (run-job.ts): the rest are not kept in memory either.
        maxProblems: maxStoredProblems - 1,
        onProgress: (fraction) => job.progress(0.4 + 0.55 * fraction, '保存しています / storing'),
      });
      if (!r.ok) return r;
      const { accepted: _accepted, ...summary } = r.value;
      await job.progress(1, '完了 / done');
      return ok(summary);
    },
  };
}

/** Starts an import of actual values: answers the job to follow (GET /api/v1/jobs/{id}). */
export async function startActualsImport(
  ctx: AppContext,
  actor: Actor,
  req: Omit<ImportActualsPayload, 'actor' | 'department'> & { bytes: Uint8Array },
): Promise<Result<{ jobId: string }>> {
  const { bytes, ...rest } = req;
  // What is wrong with the file at a glance is refused at once, and nothing is queued.
  const shape = checkUploadShape(bytes, req.file);
  if (!shape.ok) return shape;
  const payload: ImportActualsPayload = {
    ...rest,
    actor: actorLabel(actor),
    // Department editors import only their department's indicators, checked row by row.
    ...(actor.kind === 'user' && actor.role === 'department-editor'
      ? { department: actor.department ?? '' }
      : {}),
  };
  return ok({ jobId: await enqueueImport(ctx, importActualsJobKind, payload, actor, bytes) });
}
