/**
 * The open-data files and the harvesting interfaces, each declared public like
 * a page (the one gate) and answered through the public answer cache: the plan
 * as JSON/YAML, each dataset's CSV (`?encoding=sjis`, `?header=en`,
 * `?codes=plain`) and JSON, the DCAT catalogue in JSON-LD, and the read part
 * of CKAN's action API. Everything is read from the database for the request
 * through its public read scope (published data only).
 */
import { type ApiEnv, declarePage } from '@mirai/api';
import {
  type AppContext,
  type CkanAction,
  catalogueJsonLd,
  ckanActions,
  ckanAnswer,
  datasetCsvFile,
  datasetJsonFile,
  publicReads,
  readCatalogue,
  readDatasetTable,
  readOpenData,
} from '@mirai/app';
import type { Context, Hono } from 'hono';
import { notFoundPage } from './send-page';

export const openDataPaths = [
  '/open-data/plan.json',
  '/open-data/plan.yaml',
  '/open-data/datasets/:file',
  '/open-data/catalog.jsonld',
  '/api/3/action/:action',
];

const origin = (c: Context) => new URL(c.req.url).origin;
const attachment = (name: string) => `attachment; filename="${encodeURIComponent(name)}"`;

export function registerOpenDataFiles(app: Hono<ApiEnv>, ctx: AppContext) {
  for (const path of openDataPaths) declarePage(path, 'public');

  for (const path of openDataPaths.slice(0, 2))
    app.get(path, async (c) => {
      const rctx = publicReads(ctx);
      const file = await readOpenData(rctx, c.req.path);
      if (!file.ok) return notFoundPage(c, rctx);
      return c.body(file.value.body, 200, {
        'Content-Type': file.value.contentType,
        'Content-Disposition': attachment(file.value.fileName),
      });
    });

  app.get('/open-data/datasets/:file', async (c) => {
    const rctx = publicReads(ctx);
    const m = /^([a-z0-9-]+)\.(csv|json)$/.exec(c.req.param('file'));
    const found = m ? await readDatasetTable(rctx, m[1] ?? '') : null;
    if (!m || !found?.ok) return notFoundPage(c, rctx);
    const { entry, table } = found.value;
    if (m[2] === 'json') {
      const cat = await readCatalogue(rctx);
      if (!cat.ok) return notFoundPage(c, rctx);
      return c.body(datasetJsonFile(entry, cat.value.publisher, table), 200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Disposition': attachment(`${entry.id}.json`),
      });
    }
    const sjis = c.req.query('encoding') === 'sjis';
    const en = c.req.query('header') === 'en';
    const body = datasetCsvFile(table, {
      encoding: sjis ? 'sjis' : 'utf-8',
      header: en ? 'en' : 'ja',
      codes: c.req.query('codes') === 'plain' ? 'plain' : 'excel',
    });
    const name = `${entry.id}${en ? '-en' : ''}${sjis ? '-sjis' : ''}.csv`;
    return c.body(new Uint8Array(body), 200, {
      'Content-Type': `text/csv; charset=${sjis ? 'Shift_JIS' : 'utf-8'}; header=present`,
      'Content-Disposition': attachment(name),
    });
  });

  app.get('/open-data/catalog.jsonld', async (c) => {
    const rctx = publicReads(ctx);
    const cat = await readCatalogue(rctx);
    if (!cat.ok) return notFoundPage(c, rctx);
    return c.body(JSON.stringify(catalogueJsonLd(cat.value, origin(c)), null, 1), 200, {
      'Content-Type': 'application/ld+json; charset=utf-8',
    });
  });

  app.get('/api/3/action/:action', async (c) => {
    const action = c.req.param('action');
    if (!(ckanActions as readonly string[]).includes(action)) {
      const help = `${origin(c)}/api/3/action/help_show?name=${encodeURIComponent(action)}`;
      return c.json(
        { help, success: false, error: { __type: 'Not Found Error', message: 'Action name not known' } },
        400,
      );
    }
    const cat = await readCatalogue(publicReads(ctx));
    if (!cat.ok)
      return c.json({ success: false, error: { __type: 'Internal Error', message: 'No plan' } }, 500);
    const answer = ckanAnswer(cat.value, action as CkanAction, (n) => c.req.query(n), origin(c));
    return c.json(answer.body, answer.status);
  });
}
