/**
 * The server's composition root: the API, the server-rendered web pages and
 * the built web assets, on one port. Nothing is fetched from elsewhere.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { createApi } from '@mirai/api';
import { type AppContext, getPlanTree, repoRoot } from '@mirai/app';
import { renderHomePage } from '@mirai/web';

export function buildServer(ctx: AppContext) {
  const app = createApi(ctx);
  const dist = resolve(repoRoot, 'packages/web/dist');
  if (existsSync(dist)) app.use('/assets/*', serveStatic({ root: dist.replace(`${process.cwd()}/`, '') }));
  app.get('/', async (c) => {
    const tree = await getPlanTree(ctx);
    if (!tree.ok) return c.text('計画が登録されていません / No plan is stored', 404);
    return c.html(renderHomePage(tree.value));
  });
  return app;
}

export async function startServer(ctx: AppContext, port: number, hostname = '127.0.0.1') {
  const app = buildServer(ctx);
  return new Promise<{ url: string; close: () => Promise<void> }>((resolvePromise) => {
    const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
      resolvePromise({
        url: `http://${hostname === '0.0.0.0' ? 'localhost' : hostname}:${info.port}/`,
        close: () => new Promise((r) => server.close(() => r())),
      });
    });
  });
}
