/**
 * Importing a survey wave as a background job (decisions 0098, 0099): the
 * route checks the wave's description at once and stores the uploaded files
 * with the job; the job reads the tables (in a worker), checks every answer
 * and stores the wave all or nothing, one import at a time per municipality.
 * Its result is the import's summary; its problems are the catalogued ones
 * (a wave that exists is a conflict), with file, row and column.
 */
import { fail, ok, type Result } from '@mirai/core';
import { type Actor, actorLabel } from '../auth/actor';
import type { AppContext } from '../context';
import { readTableBytes, type Table } from '../io/read-table-file';
import { enqueueImport } from '../jobs/import-group';
import { type JobFile, packJobFiles, unpackJobFiles } from '../jobs/job-files';
import { jobProblems } from '../jobs/job-problems';
import type { JobKind } from '../jobs/job-queue';
import { type ImportWaveResult, importSurveyWave } from './import-survey-wave';
import type { WaveDescription } from './wave-description';

export const importSurveyWaveJobKind = 'import.survey-wave';

export interface ImportSurveyWavePayload {
  description: WaveDescription;
  dryRun: boolean;
  actor: string;
}

export function importSurveyWaveJob(ctx: AppContext): JobKind<ImportSurveyWavePayload, ImportWaveResult> {
  return {
    kind: importSurveyWaveJobKind,
    serial: true,
    handler: async (p, job) => {
      const input = await job.input();
      if (!input) return fail(jobProblems.inputMissing.create({}));
      const files = unpackJobFiles(input);
      if (!files.ok) return files;
      await job.progress(0.1, 'ファイルを読んでいます / reading the files');
      const tables = new Map<string, Table>();
      for (const f of files.value) {
        const table = await readTableBytes(f.bytes, f.name, { kind: 'survey-wave', offThread: true });
        if (!table.ok) return table;
        tables.set(f.role, table.value);
      }
      const responses = tables.get('responses');
      if (!responses) return fail(jobProblems.inputMissing.create({}));
      const population = tables.get('population');
      await job.progress(0.5, '回答を確認して保存しています / checking and storing the answers');
      const r = await importSurveyWave(
        ctx,
        { ...p.description, responses, ...(population ? { populationTable: population } : {}) },
        { actor: p.actor, dryRun: p.dryRun },
      );
      if (!r.ok) return r;
      await job.progress(1, '完了 / done');
      return ok(r.value);
    },
  };
}

/** Starts a wave import: answers the job to follow (GET /api/v1/jobs/{id}). */
export async function startSurveyWaveImport(
  ctx: AppContext,
  actor: Actor,
  req: {
    description: WaveDescription;
    responses: Omit<JobFile, 'role'>;
    population?: Omit<JobFile, 'role'>;
    dryRun: boolean;
  },
): Promise<Result<{ jobId: string }>> {
  const files: JobFile[] = [{ role: 'responses', ...req.responses }];
  if (req.population) files.push({ role: 'population', ...req.population });
  const payload: ImportSurveyWavePayload = {
    description: req.description,
    dryRun: req.dryRun,
    actor: actorLabel(actor),
  };
  return ok({
    jobId: await enqueueImport(ctx, importSurveyWaveJobKind, payload, actor, packJobFiles(files)),
  });
}
