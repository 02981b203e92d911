/** `mirai serve`: the web application and API on one port. */
import { bootstrapFirstAdmin, openApp } from '@mirai/app';
import type { Command } from 'commander';
import { appConfig, withDataOptions } from '../app-options';
import { startServer } from '../server/start-server';

export function registerServe(program: Command) {
  withDataOptions(
    program
      .command('serve')
      .description('サーバーを起動する / start the web application and API')
      .option('--port <port>', 'port (env PORT)', process.env.PORT ?? '3000')
      .option('--host <host>', 'address to listen on (env HOST)', process.env.HOST ?? '127.0.0.1'),
  ).action(async (opts: { port: string; host: string; dataDir?: string; databaseUrl?: string }) => {
    const started = performance.now();
    const ctx = await openApp(appConfig(opts));
    const admin = ctx.database.dialect === 'pglite' ? await bootstrapFirstAdmin(ctx) : undefined;
    if (admin)
      console.log(
        `最初の管理者 / first administrator: ${admin.login} / 一時パスワード / one-time password: ${admin.oneTimePassword} (変更が必要 / must be changed at first sign-in)`,
      );
    const { url, close } = await startServer(ctx, Number(opts.port), opts.host);
    console.log(
      `Mirai: ${url} (${ctx.database.dialect}, ready in ${Math.round(performance.now() - started)} ms)`,
    );
    const stop = async () => {
      await close();
      await ctx.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    await new Promise(() => {});
  });
}
