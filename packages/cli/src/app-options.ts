/** The options every data command takes, and opening the app from them. */
import { type AppConfig, type AppContext, openApp, staffReads } from '@mirai/app';
import { appConfig } from './data-options';

export { appConfig, withDataOptions } from './data-options';

/** Opens the app, runs the body, and always closes the database. */
export async function withApp<T>(
  opts: { dataDir?: string; databaseUrl?: string },
  body: (ctx: AppContext) => Promise<T>,
  extra: Pick<AppConfig, 'noSeed'> = {},
) {
  const ctx = await openApp({ ...appConfig(opts), ...extra });
  try {
    // The command line is a staff tool: it reads the current plan version, a draft included.
    return await body(staffReads(ctx, { memo: false }));
  } finally {
    await ctx.close();
  }
}
