/**
 * Mounts the public pages: each URL is rendered on the server (React
 * renderToString) with its data embedded for hydration. The language comes
 * from `?lang=` (then remembered in a cookie) or the cookie; Japanese by default.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { type AppContext, exportPlan, getPlanTree, repoRoot } from '@mirai/app';
import {
  defaultSite,
  LANG_COOKIE,
  negotiateLang,
  type PageModel,
  parseLang,
  renderPage,
  type SiteInfo,
} from '@mirai/web';
import type { Context, Hono } from 'hono';
import { openDataFiles } from './open-data-files';
import { loaders } from './page-models';
import { webAssets } from './web-assets';

function langOf(c: Context) {
  const q = c.req.query('lang');
  const lang = negotiateLang(q, c.req.header('cookie'));
  if (parseLang(q)) c.header('Set-Cookie', `${LANG_COOKIE}=${lang}; Path=/; Max-Age=31536000; SameSite=Lax`);
  return lang;
}

export async function sendPage(
  c: Context,
  ctx: AppContext,
  model: PageModel,
  title: string,
  status: 200 | 404 = 200,
) {
  const lang = langOf(c);
  const tree = await getPlanTree(ctx);
  const site: SiteInfo = tree.ok
    ? {
        title: tree.value.plan.title,
        municipality: tree.value.municipality.name,
        levelNames: tree.value.levelNames,
      }
    : defaultSite;
  const siteTitle = tree.ok ? `${site.title.ja}｜${site.municipality.ja}` : 'Mirai';
  const bundle = model.page.startsWith('staff-') ? 'staff' : 'public';
  const html = renderPage(
    { lang, path: c.req.path, model, site },
    title ? `${title}｜${siteTitle}` : siteTitle,
    webAssets(bundle),
  );
  return c.html(html, status);
}

// biome-ignore lint/suspicious/noExplicitAny: Hono apps of any environment
export function registerPublicPages(app: Hono<any>, ctx: AppContext) {
  for (const route of loaders) {
    app.get(route.path, async (c) => {
      const model = await route.load(ctx, c.req.param() as Record<string, string>);
      if (!model) return sendPage(c, ctx, { page: 'not-found', path: c.req.path }, '404', 404);
      return sendPage(c, ctx, model, route.title(model));
    });
  }
  for (const f of openDataFiles) {
    app.get(f.href, async (c) => {
      const disposition = `attachment; filename="${f.href.split('/').pop()}"`;
      if (f.path) {
        const body = await readFile(resolve(repoRoot, f.path));
        return c.body(body, 200, { 'Content-Type': f.contentType, 'Content-Disposition': disposition });
      }
      const text = await exportPlan(ctx, f.href.endsWith('.yaml') ? 'yaml' : 'json');
      if (!text.ok) return c.text(text.problems[0]?.message.ja ?? 'error', 404);
      return c.body(text.value, 200, { 'Content-Type': f.contentType, 'Content-Disposition': disposition });
    });
  }
}
