/** The options every data command takes, and opening the app from them. */
import {
  type AppConfig,
  type AppContext,
  listMunicipalities,
  openApp,
  staffReads,
  withMunicipality,
} from '@mirai/app';
import { defineProblem, ProblemError } from '@mirai/core';
import { appConfig } from './data-options';

export { appConfig, withDataOptions } from './data-options';

export const cliTenancyProblems = {
  unknownMunicipality: defineProblem<{ code: string; known: string }>(
    'cli/unknown-municipality',
    'invalid',
    (p) => ({
      ja: `市区町村 ${p.code} は登録されていません（登録済み: ${p.known || 'なし'}）`,
      en: `Municipality ${p.code} is not registered (registered: ${p.known || 'none'})`,
    }),
  ),
};

/**
 * Opens the app, runs the body (bound to `--municipality`, or MIRAI_MUNICIPALITY, when given;
 * otherwise the only municipality), and always closes the database.
 */
export async function withApp<T>(
  opts: { dataDir?: string; databaseUrl?: string; municipality?: string },
  body: (ctx: AppContext) => Promise<T>,
  extra: Pick<AppConfig, 'noSeed'> = {},
) {
  const ctx = await openApp({ ...appConfig(opts), ...extra });
  try {
    // The command line is a staff tool: it reads the current plan version, a draft included.
    const run = () => body(staffReads(ctx, { memo: false }));
    const code = opts.municipality ?? process.env.MIRAI_MUNICIPALITY;
    if (!code) return await run();
    const known = (await listMunicipalities(ctx.database.db)).map((m) => m.code);
    if (!known.includes(code))
      throw new ProblemError([
        cliTenancyProblems.unknownMunicipality.create({ code, known: known.join(', ') }),
      ]);
    return await withMunicipality(code, run);
  } finally {
    await ctx.close();
  }
}
