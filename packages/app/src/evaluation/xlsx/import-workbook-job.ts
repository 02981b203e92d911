/**
 * Importing a filled evaluation workbook as a background job (decisions 0098,
 * 0099): the upload is stored with the job and answered at once; the job
 * checks the workbook (ids, seals, every cell) and stores its sheets all or
 * nothing, one import at a time per municipality. Its result is what changed;
 * its problems are the catalogued ones with their cells (a sheet edited
 * meanwhile is a conflict, another department's sheet is refused).
 */
import { type Actor as EvaluationActor, fail, ok, type Result } from '@mirai/core';
import type { Actor } from '../../auth/actor';
import type { AppContext } from '../../context';
import { checkUploadShape } from '../../io/upload-shape';
import { enqueueImport } from '../../jobs/import-group';
import { jobProblems } from '../../jobs/job-problems';
import type { JobKind } from '../../jobs/job-queue';
import { type ImportWorkbookResult, importEvaluationWorkbook } from './import-workbook';

export const importWorkbookJobKind = 'import.evaluation-workbook';

export interface ImportWorkbookPayload {
  file: string;
  /** The acting evaluator (role and department), as when the upload was made. */
  evaluator: EvaluationActor;
  dryRun: boolean;
  fiscalYear?: number;
  departmentCode?: string;
}

export function importWorkbookJob(ctx: AppContext): JobKind<ImportWorkbookPayload, ImportWorkbookResult> {
  return {
    kind: importWorkbookJobKind,
    serial: true,
    handler: async (p, job) => {
      const bytes = await job.input();
      if (!bytes) return fail(jobProblems.inputMissing.create({}));
      await job.progress(0.1, '様式を確認しています / checking the workbook');
      const r = await importEvaluationWorkbook(ctx, {
        file: p.file,
        bytes,
        actor: p.evaluator,
        dryRun: p.dryRun,
        ...(p.fiscalYear !== undefined ? { fiscalYear: p.fiscalYear } : {}),
        ...(p.departmentCode !== undefined ? { departmentCode: p.departmentCode } : {}),
      });
      if (!r.ok) return r;
      await job.progress(1, '完了 / done');
      return ok(r.value);
    },
  };
}

/** Starts a workbook import as the acting evaluator: answers the job to follow (GET /api/v1/jobs/{id}). */
export async function startWorkbookImport(
  ctx: AppContext,
  account: Actor,
  evaluator: EvaluationActor,
  req: Omit<ImportWorkbookPayload, 'evaluator'> & { bytes: Uint8Array },
): Promise<Result<{ jobId: string }>> {
  const { bytes, ...rest } = req;
  // What is wrong with the file at a glance is refused at once, and nothing is queued.
  const shape = checkUploadShape(bytes, req.file, 'xlsx');
  if (!shape.ok) return shape;
  const payload: ImportWorkbookPayload = { ...rest, evaluator };
  return ok({ jobId: await enqueueImport(ctx, importWorkbookJobKind, payload, account, bytes) });
}
