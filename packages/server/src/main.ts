/**
 * The server's own command line (`mirai-server`, `npm start`): the same
 * options as `mirai serve` (--port, --host, --data-dir, --database-url, and
 * the environment variables PORT, HOST, MIRAI_DATA_DIR, DATABASE_URL).
 */
import { parseArgs } from 'node:util';
import { runServer, type ServeOptions } from './run-server';

const usage = `mirai-server [--port <port>] [--host <host>] [--data-dir <dir>] [--database-url <url>] [--trust-proxy] [--public-origin <url>]
  サーバーを起動する / start the web application and API`;

export function serveOptionsFromArgs(argv: string[]): ServeOptions | 'help' {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      'data-dir': { type: 'string' },
      'database-url': { type: 'string' },
      'trust-proxy': { type: 'boolean' },
      'public-origin': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const opts: ServeOptions = {
    port: Number(values.port ?? process.env.PORT ?? 3000),
    host: values.host ?? process.env.HOST ?? '127.0.0.1',
  };
  if (values['data-dir']) opts.dataDir = values['data-dir'];
  if (values['database-url']) opts.databaseUrl = values['database-url'];
  if (values['trust-proxy']) opts.trustProxy = true;
  if (values['public-origin']) opts.publicOrigin = values['public-origin'];
  return opts;
}

export async function serveFromArgs(argv: string[]): Promise<void> {
  let opts: ServeOptions | 'help';
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
  await runServer(opts);
}

export { runServer } from './run-server';
