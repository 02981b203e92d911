/**
 * Every kind of background job the application runs, registered on the
 * context's queue when it is made (so a job enqueued before a restart finds
 * its handler after it). Add a line per kind.
 */
import type { AppContext } from '../context';
import { importWorkbookJob } from '../evaluation/xlsx/import-workbook-job';
import { importActualsJob } from '../indicators/import-actuals-job';
import { reminderJob } from '../notifications/reminder-job';
import { reportJob } from '../reports/report-jobs';
import { importSurveyWaveJob } from '../survey/import-wave-job';

export function registerJobKinds(ctx: AppContext): void {
  // Kinds register here: imports (indicators, surveys, evaluation workbooks), report renders.
  ctx.jobs.register(reportJob(ctx));
  ctx.jobs.register(reminderJob(ctx));
  ctx.jobs.register(importActualsJob(ctx));
  ctx.jobs.register(importSurveyWaveJob(ctx));
  ctx.jobs.register(importWorkbookJob(ctx));
}
