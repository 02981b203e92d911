/**
 * The application context: an open, migrated database with the plan loaded.
 * A new embedded data directory (or an empty server database) is seeded with
 * the default plan and data sets named by data/default.json on first use.
 */
import { unwrap } from '@mirai/core';
import { createDatabase, type DatabaseTarget, type MiraiDatabase, migrateToLatest } from '@mirai/db';
import { seedSamplePartners } from './cocreation/partner-use-cases';
import { type AppConfig, resolveTarget } from './data-target';
import { createJobQueue } from './jobs/create-job-queue';
import { registerJobKinds } from './jobs/job-kinds';
import type { JobQueue } from './jobs/job-queue';
import { defaultFrom, type MailConfig, mailConfigFromEnv } from './mail/mail-config';
import { MailDelivery } from './mail/mail-delivery';
import { log } from './ops/logger';
import { seedDefaultPlan } from './plan/seed-default-plan';
import type { ReadScope } from './read-scope';

/** The embedded data directory's owner lock file (see @mirai/db data-dir-lock). */
export { lockFileName } from '@mirai/db';
export type { AppConfig } from './data-target';
export { defaultDataDir, repoRoot, resolveTarget, templateRoot } from './data-target';

export interface AppContext {
  database: MiraiDatabase;
  /** Delivers queued e-mail after commit (SMTP), or holds it in the outbox (no SMTP). */
  mail: MailDelivery;
  /** Background jobs (imports, reports): started by the server, stopped by `close()`. */
  jobs: JobQueue;
  /** Stops the jobs and mail, closes the database (`whileHeld`: see MiraiDatabase.close). */
  close(whileHeld?: (dataDir: string) => void): Promise<void>;
  /** The process's state: `draining` from a shutdown signal until exit (GET /readyz answers 503). */
  lifecycle: { draining: boolean };
  /** Who reads through this context (per request; see read-scope.ts). Absent: the public. */
  reads?: ReadScope;
}

/** A server database's target with its lost-connection warning (kept here: the logger is not loaded by data-target). */
function withConnectionLog(target: DatabaseTarget): DatabaseTarget {
  if (target.kind !== 'postgres') return target;
  return {
    ...target,
    onConnectionError: (error) =>
      log().warn({ reason: error.message }, 'データベース接続が切れました / a database connection was lost'),
  };
}

export async function openApp(config: AppConfig = {}): Promise<AppContext> {
  const database = await createDatabase(withConnectionLog(resolveTarget(config)));
  await migrateToLatest(database.db, database.schema);
  const seeded = !config.noSeed && (await seedDefaultPlan(database.db));
  const ctx = withServices(database, config.mail ?? unwrap(mailConfigFromEnv()));
  if (!config.noSeed) await seedSamplePartners(ctx);
  // Sample records go in once, with a newly loaded plan.
  if (seeded) await (await import('./datasets/seed-samples')).seedSampleRecords(ctx);
  return ctx;
}

/** Wraps an already open database (tests) in an app context; mail is held in the outbox unless `mail` says otherwise. */
export function contextFor(database: MiraiDatabase, opts: { mail?: MailConfig } = {}): AppContext {
  return withServices(
    database,
    opts.mail ?? { from: defaultFrom, publicUrl: 'http://127.0.0.1:3000', publicUrlIsDefault: true },
  );
}

function withServices(database: MiraiDatabase, config: MailConfig): AppContext {
  const mail = new MailDelivery(database.db, config);
  const jobs = createJobQueue(database);
  const ctx: AppContext = {
    database,
    mail,
    jobs,
    lifecycle: { draining: false },
    close: async (whileHeld) => {
      await jobs.stop();
      await mail.close();
      await database.close(whileHeld);
    },
  };
  registerJobKinds(ctx);
  return ctx;
}
