/** The open-data files: each declared public like a page, served from the database or the data folder. */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type ApiEnv, declarePage } from '@mirai/api';
import { type AppContext, exportPlan, getPlanTree, repoRoot } from '@mirai/app';
import type { Hono } from 'hono';
import { openDataFiles } from './open-data-files';
import { sendPage } from './send-page';

export function registerOpenDataFiles(app: Hono<ApiEnv>, ctx: AppContext) {
  for (const f of openDataFiles) {
    declarePage(f.href, 'public');
    app.get(f.href, async (c) => {
      const disposition = `attachment; filename="${f.href.split('/').pop()}"`;
      if (f.path) {
        // A static file describes one municipality: offered only beside that municipality's plan.
        const tree = await getPlanTree(ctx);
        if (!tree.ok || tree.value.municipality.code !== f.municipalityCode)
          return sendPage(c, ctx, { page: 'not-found', path: c.req.path }, '404', 404);
        const body = await readFile(resolve(repoRoot, f.path));
        return c.body(body, 200, { 'Content-Type': f.contentType, 'Content-Disposition': disposition });
      }
      const text = await exportPlan(ctx, f.href.endsWith('.yaml') ? 'yaml' : 'json');
      if (!text.ok) return c.text(text.problems[0]?.message.ja ?? 'error', 404);
      return c.body(text.value, 200, { 'Content-Type': f.contentType, 'Content-Disposition': disposition });
    });
  }
}
