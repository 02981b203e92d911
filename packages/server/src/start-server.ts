/**
 * The server's composition root: the API, the server-rendered web pages and
 * the built web assets (compressed, cached by their hashed names), on one
 * port. Nothing is fetched from elsewhere.
 */
import { existsSync } from 'node:fs';
import { relative } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApi, notFound } from '@mirai/api';
import type { AppContext } from '@mirai/app';
import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { registerPublicPages, sendPage } from './public-pages';
import { registerStaffPages } from './staff-pages';
import { webDist } from './web-assets';

export function buildServer(ctx: AppContext) {
  const app = createApi(ctx);
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
  registerStaffPages(app, ctx);
  // Any other GET is a page that does not exist; the API keeps its JSON 404.
  app.get('*', (c) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/assets/')) return notFound(c);
    return sendPage(c, ctx, { page: 'not-found', path: c.req.path }, '404', 404);
  });
  // Compression wraps everything, so the security headers (which hash the inline
  // styles of a page) see the uncompressed body.
  const root = new Hono();
  root.use('*', compress());
  root.route('/', app);
  root.notFound(notFound);
  return root;
}

export async function startServer(ctx: AppContext, port: number, hostname = '127.0.0.1') {
  const app = buildServer(ctx);
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
