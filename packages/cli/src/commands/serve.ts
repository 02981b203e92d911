/**
 * `mirai serve`: the web application and API on one port. The server is its
 * own package (@mirai/server, the composition root); the CLI loads its entry
 * by name only when this command runs (decision 0080), so no other command
 * pays for it and the CLI links only the app and the core.
 */
import type { Command } from 'commander';
import { appConfig, withDataOptions } from '../data-options';

export function registerServe(program: Command) {
  withDataOptions(
    program
      .command('serve')
      .description('サーバーを起動する / start the web application and API')
      .option('--port <port>', 'port (env PORT)', process.env.PORT ?? '3000')
      .option('--host <host>', 'address to listen on (env HOST)', process.env.HOST ?? '127.0.0.1')
      .option('--workers <n>', 'server processes on the one port, PostgreSQL only (env MIRAI_WORKERS)')
      .option(
        '--trust-proxy',
        'behind a reverse proxy: client address and origin from X-Forwarded-* (env MIRAI_TRUST_PROXY=1)',
      )
      .option(
        '--public-origin <url>',
        'the public origin, e.g. https://mirai.city.example.jp (env MIRAI_PUBLIC_ORIGIN)',
      ),
  ).action(
    async (opts: {
      port: string;
      host: string;
      dataDir?: string;
      databaseUrl?: string;
      trustProxy?: boolean;
      publicOrigin?: string;
      workers?: string;
    }) => {
      const { serve } = await import('@mirai/server/start');
      await serve({
        port: Number(opts.port),
        host: opts.host,
        ...appConfig(opts),
        ...(opts.trustProxy ? { trustProxy: true } : {}),
        ...(opts.publicOrigin ? { publicOrigin: opts.publicOrigin } : {}),
        ...(opts.workers ? { workers: Number(opts.workers) } : {}),
      });
    },
  );
}
