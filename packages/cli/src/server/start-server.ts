/**
 * The server's composition root: the API, the server-rendered web pages and
 * the built web assets (compressed, cached by their hashed names), on one
 * port. Nothing is fetched from elsewhere.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApi } from '@mirai/api';
import type { AppContext } from '@mirai/app';
import { compress } from 'hono/compress';
import { registerPublicPages, sendPage } from './public-pages';
import { webDist } from './web-assets';

export function buildServer(ctx: AppContext) {
  const app = createApi(ctx);
  app.use('*', compress());
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
  registerPublicPages(app, ctx);
  // Pages that do not exist get a page, the API keeps its JSON 404.
  app.notFound((c) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/'))
      return c.json(
        {
          error: {
            code: 'http/not-found',
            message: { ja: 'ページまたは API が見つかりません', en: 'No such page or endpoint' },
            details: { path: c.req.path },
          },
        },
        404,
      );
    return sendPage(c, ctx, { page: 'not-found', path: c.req.path }, '404', 404);
  });
  return app;
}

export async function startServer(ctx: AppContext, port: number, hostname = '127.0.0.1') {
  const app = buildServer(ctx);
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
