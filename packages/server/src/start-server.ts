/**
 * The server's composition root: the API, the pages (declared with their
 * policies and checked by the API's gate), the open-data files and the built
 * web assets (compressed, cached by their hashed names), on one port.
 * Nothing is fetched from elsewhere.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { type ApiOptions, createApi, declarePage, notFound } from '@mirai/api';
import type { AppContext } from '@mirai/app';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { AnswerCache, type AnswerCacheOptions, type AnswerStore } from './answer-cache';
import { areaPages } from './pages/area-pages';
import { registerOpenDataFiles } from './pages/open-data-routes';
import { publicPages } from './pages/public-pages';
import { pageRefusal, registerPages } from './pages/register-pages';
import { notFoundPage } from './pages/send-page';
import { staffPages } from './pages/staff-pages';
import { webDist } from './web-assets';

/** Every page the server answers, in the order they are matched. */
export const pageEntries = [...publicPages, ...areaPages, ...staffPages];

export interface ServerOptions extends Omit<ApiOptions, 'refusePage'> {
  /** Where public answers are kept (default: one store per server). */
  answerStore?: AnswerStore;
  answerCache?: AnswerCacheOptions;
}

export function buildServer(ctx: AppContext, serverOptions: ServerOptions = {}) {
  const { answerStore, answerCache, ...options } = serverOptions;
  const app = createApi(ctx, { ...options, refusePage: pageRefusal(ctx) });
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
  inner.use('*', compress());
  inner.route('/', app);
  inner.notFound(notFound);
  // Public answers are kept per published state (answer-cache.ts); everything else passes through.
  const cache = new AnswerCache(ctx, answerStore, answerCache);
  const root = new Hono();
  root.all('*', (c) => cache.handle(c.req.raw, async (req) => inner.fetch(req, c.env)));
  return root;
}

export async function startServer(
  ctx: AppContext,
  port: number,
  hostname = '127.0.0.1',
  options: ServerOptions = {},
) {
  const app = buildServer(ctx, options);
  // Background jobs (imports, reports) run while the server serves; ctx.close() stops them.
  await ctx.jobs.start();
  return new Promise<{ url: string; port: number; close: () => Promise<void> }>((resolvePromise) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
      resolvePromise({
        url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}/`,
        port: info.port,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
