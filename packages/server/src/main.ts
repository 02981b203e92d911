/**
 * The server's own command line (`mirai-server`, `npm start`, `mirai serve`): the options
 * --port, --host, --data-dir, --database-url, --workers, and the environment variables PORT,
 * HOST, MIRAI_DATA_DIR, DATABASE_URL, MIRAI_WORKERS. With more than one worker this process is
 * only the primary of several server processes on one port (workers.ts, decision 0144), so the
 * application is loaded only where it runs.
 */
import { parseArgs } from 'node:util';
import { productionReact } from './production-react';
import type { ServeOptions } from './run-server';
import { runPrimary, runsAsPrimary, workerCount } from './workers';

const usage = `mirai-server [--port <port>] [--host <host>] [--data-dir <dir>] [--database-url <url>] [--workers <n>] [--trust-proxy] [--public-origin <url>]
  サーバーを起動する / start the web application and API`;

export interface ServeProgramOptions extends ServeOptions {
  /** Server processes behind the one port (default MIRAI_WORKERS, else 1; more needs PostgreSQL). */
  workers?: number;
}

export function serveOptionsFromArgs(argv: string[]): ServeProgramOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      workers: { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'public-origin': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const opts: ServeProgramOptions = {
    port: Number(values.port ?? process.env.PORT ?? 3000),
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
  };
  if (values['data-dir']) opts.dataDir = values['data-dir'];
  if (values['database-url']) opts.databaseUrl = values['database-url'];
  if (values.workers !== undefined) opts.workers = workerCount(values.workers);
  if (values['trust-proxy']) opts.trustProxy = true;
  if (values['public-origin']) opts.publicOrigin = values['public-origin'];
  return opts;
}

/** MIRAI_SHUTDOWN_GRACE_MS (default 10 s): how long answers under way may take at shutdown. */
export function shutdownGraceMs(): number {
  const v = Number(process.env.MIRAI_SHUTDOWN_GRACE_MS ?? 10_000);
  return Number.isFinite(v) && v >= 0 ? v : 10_000;
}

/** Runs the server, or with several workers the primary in front of them. */
export async function serve(opts: ServeProgramOptions): Promise<void> {
  const { workers: w, ...serverOptions } = opts;
  const workers = workerCount(w !== undefined ? String(w) : process.env.MIRAI_WORKERS);
  if (runsAsPrimary(workers)) {
    const databaseUrl = opts.databaseUrl ?? (process.env.DATABASE_URL || undefined);
    await runPrimary(workers, { ...(databaseUrl ? { databaseUrl } : {}), graceMs: shutdownGraceMs() });
    return;
  }
  await productionReact();
  const { runServer } = await import('./run-server');
  await runServer(serverOptions);
}

export async function serveFromArgs(argv: string[]): Promise<void> {
  let opts: ServeProgramOptions | 'help';
  try {
    opts = serveOptionsFromArgs(argv);
  } catch (error) {
    console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
    process.exitCode = 2;
    return;
  }
  if (opts === 'help') {
    console.log(usage);
    return;
  }
  await serve(opts);
}
