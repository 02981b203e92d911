/**
 * The open-data files: each declared public like a page, generated from the
 * database for each request through its public read scope (the published plan
 * version, the plan's municipality's data sets).
 */
import { type ApiEnv, declarePage } from '@mirai/api';
import { type AppContext, publicReads, readOpenData } from '@mirai/app';
import type { Hono } from 'hono';
import { notFoundPage } from './send-page';

export const openDataPaths = ['/open-data/plan.json', '/open-data/plan.yaml', '/open-data/files/:name'];

export function registerOpenDataFiles(app: Hono<ApiEnv>, ctx: AppContext) {
  for (const path of openDataPaths) {
    declarePage(path, 'public');
    app.get(path, async (c) => {
      const rctx = publicReads(ctx);
      const file = await readOpenData(rctx, c.req.path);
      if (!file.ok) return notFoundPage(c, rctx);
      return c.body(file.value.body, 200, {
        'Content-Type': file.value.contentType,
        'Content-Disposition': `attachment; filename="${encodeURIComponent(file.value.fileName)}"`,
      });
    });
  }
}
