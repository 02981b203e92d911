/**
 * The server's composition root: the API, the pages (declared with their
 * policies and checked by the API's gate), the open-data files and the built
 * web assets (compressed, cached by their hashed names), on one port.
 * Nothing is fetched from elsewhere.
 */
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { relative } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import {
  type ApiOptions,
  createApi,
  databaseUnavailableResponse,
  declarePage,
  notFound,
  unknownHostKey,
} from '@mirai/api';
import {
  type AppContext,
  globally,
  HostResolver,
  isDatabaseUnavailable,
  scheduleDailyReminders,
  withMunicipality,
  withNobody,
} from '@mirai/app';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { AnswerCache, type AnswerCacheOptions, type AnswerStore } from './answer-cache';
import { serveFast } from './fast-answers';
import { createMetrics, type ServerMetrics } from './metrics';
import { areaPages } from './pages/area-pages';
import { registerOpenDataFiles } from './pages/open-data-routes';
import { publicPages } from './pages/public-pages';
import { pageRefusal, registerPages } from './pages/register-pages';
import { notFoundPage } from './pages/send-page';
import { staffPages } from './pages/staff-pages';
import { observe, observeAnswer, type RouteSeen, recordRoute, routeSeenKey } from './request-log';
import { webDist } from './web-assets';

/** Health and metrics answer at any host (load balancers ask by address). */
const OPERATIONS = /^\/(healthz|readyz|metrics|api\/v1\/(healthz|readyz))$/;

/** Every page the server answers, in the order they are matched. */
export const pageEntries = [...publicPages, ...areaPages, ...staffPages];

export interface ServerOptions extends Omit<ApiOptions, 'refusePage' | 'metrics'> {
  /** Where public answers are kept (default: one store per server). */
  answerStore?: AnswerStore;
  answerCache?: AnswerCacheOptions;
  /** Write one access-log line per answer (the server program turns it on). */
  accessLog?: boolean;
  /** Metrics of this server (default: a new registry). */
  metrics?: ServerMetrics;
  /** Enqueue the daily due-date reminder job (default true). */
  reminders?: boolean;
}

export function buildServer(ctx: AppContext, serverOptions: ServerOptions = {}) {
  return composeServer(ctx, serverOptions).app;
}

/** The application, and the node listener that answers cache hits before it (fast-answers.ts). */
function composeServer(ctx: AppContext, serverOptions: ServerOptions) {
  const { answerStore, answerCache, accessLog = false, reminders: _reminders, ...options } = serverOptions;
  const metrics = serverOptions.metrics ?? createMetrics(ctx);
  const app = createApi(ctx, { ...options, refusePage: pageRefusal(ctx), metrics: () => metrics.render() });
  const dist = webDist();
  if (existsSync(dist)) {
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.ok) c.res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use(
      '/assets/*',
      serveStatic({
        root: relative(process.cwd(), dist) || '.',
        rewriteRequestPath: (p) => p.replace(/^\/assets/, ''),
      }),
    );
  }
  registerPages(app, ctx, pageEntries);
  registerOpenDataFiles(app, ctx);
  // Any other GET is a page that does not exist; the API keeps its JSON 404.
  declarePage('/*', 'public');
  app.get('/*', (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return notFound(c);
    return notFoundPage(c, ctx);
  });
  // Compression wraps everything, so the security headers (which hash the inline
  // styles of a page) see the uncompressed body.
  const inner = new Hono();
  inner.use('*', recordRoute());
  inner.use('*', compress());
  inner.route('/', app);
  inner.notFound(notFound);
  // Public answers are kept per published state (answer-cache.ts); everything else passes through.
  const cache = new AnswerCache(ctx, answerStore, answerCache);
  const root = new Hono();
  // The municipality a request is for comes from its host name, here and nowhere else (decision 0135).
  const hosts = new HostResolver(ctx);
  root.all('*', async (c) => {
    const started = performance.now();
    const seen: RouteSeen = {};
    const env = { ...(c.env as object), [routeSeenKey]: seen };
    let res: Response;
    try {
      const answer = await hosts.resolve(c.req.header('host') ?? new URL(c.req.url).host);
      const serve = () => cache.handle(c.req.raw, async (req) => inner.fetch(req, env), seen);
      // Health, readiness and metrics are about the process and its database: global work.
      res =
        answer.kind === 'empty' || OPERATIONS.test(c.req.path)
          ? await globally(serve)
          : answer.kind === 'municipality'
            ? await withMunicipality(answer.code, serve)
            : // A host none answers at: the same application and gate, for nobody, answered 404 after the gate.
              await withNobody(() => inner.fetch(c.req.raw, { ...env, [unknownHostKey]: true }));
    } catch (error) {
      if (!isDatabaseUnavailable(error)) throw error;
      res = databaseUnavailableResponse(c.req.raw, error);
    }
    observe(
      metrics,
      { req: c.req.raw, status: res.status, seconds: (performance.now() - started) / 1000, seen },
      accessLog,
    );
    return res;
  });
  const seenFast = (method: string, url: string, status: number, seconds: number) => {
    const q = url.indexOf('?');
    observeAnswer(metrics, method, q < 0 ? url : url.slice(0, q), 'cached', status, seconds, accessLog);
  };
  /** Wraps the adapter's listener: cache hits are written here, the rest goes on. */
  const listen =
    (next: (req: IncomingMessage, res: ServerResponse) => void) =>
    (req: IncomingMessage, res: ServerResponse) => {
      if (!serveFast(cache, req, res, seenFast)) next(req, res);
    };
  return { app: root, listen };
}

/**
 * Keep-alive connections are kept for a minute between requests (Node's 5 s
 * default makes clients that pause reconnect); headers may take a little longer.
 */
function tuned<S extends { keepAliveTimeout: number; headersTimeout: number }>(server: S): S {
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  return server;
}

export interface RunningServer {
  url: string;
  port: number;
  /** Stops taking connections, waits for answers under way (at most `graceMs`, default 10 s), stops the jobs. */
  close: (graceMs?: number) => Promise<void>;
}

export async function startServer(
  ctx: AppContext,
  port: number,
  hostname = '127.0.0.1',
  options: ServerOptions = {},
) {
  const { app, listen } = composeServer(ctx, options);
  // Background jobs (imports, reports) run while the server serves; ctx.close() stops them.
  await ctx.jobs.start();
  // Due-date reminders: the job is enqueued once a day (and a minute after start); each reminder goes out once.
  const stopReminders = options.reminders === false ? () => {} : scheduleDailyReminders(ctx);
  return new Promise<RunningServer>((resolvePromise) => {
    const server = serve(
      {
        fetch: app.fetch,
        port,
        hostname,
        // Cache hits are answered before the adapter (fast-answers.ts).
        createServer: ((opts: object, next: (req: IncomingMessage, res: ServerResponse) => void) =>
          tuned(createServer(opts, listen(next)))) as unknown as typeof createServer,
      },
      (info) => {
        resolvePromise({
          url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}/`,
          port: info.port,
          close: (graceMs = 10_000) =>
            new Promise((r) => {
              stopReminders();
              // No new connections; idle keep-alive ones close now, answers under way may finish.
              ctx.lifecycle.draining = true;
              server.close(() => {
                // The jobs this server started stop with it (after the answers under way).
                void ctx.jobs.stop().then(() => r());
              });
              const http = server as { closeIdleConnections?: () => void; closeAllConnections?: () => void };
              http.closeIdleConnections?.();
              setTimeout(() => http.closeAllConnections?.(), graceMs).unref();
            }),
        });
      },
    );
  });
}
