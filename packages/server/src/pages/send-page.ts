/**
 * Renders a page model to HTML on the server (React renderToString) with its
 * data embedded for hydration. The language comes from `?lang=` (then
 * remembered in a cookie) or the cookie; Japanese by default.
 */

import { problemStatus } from '@mirai/api';
import { type AppContext, getPlanTree } from '@mirai/app';
import type { Problem } from '@mirai/core';
import {
  defaultSite,
  LANG_COOKIE,
  negotiateLang,
  type PageEnvelope,
  type PageModel,
  parseLang,
  renderPage,
  type SiteInfo,
} from '@mirai/web';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { webAssets } from '../web-assets';

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
  status: ContentfulStatusCode = 200,
  extra: Pick<PageEnvelope, 'drafts'> = {},
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
    { lang, path: c.req.path, model, site, ...extra },
    title ? `${title}｜${siteTitle}` : siteTitle,
    webAssets(bundle),
  );
  return c.html(html, status);
}

export const notFoundPage = (c: Context, ctx: AppContext) =>
  sendPage(c, ctx, { page: 'not-found', path: c.req.path }, '404', 404);

/** A loader's catalogued refusal as a page, with the status the API would answer. */
export const problemPage = (c: Context, ctx: AppContext, problems: readonly Problem[]) => {
  const status = problemStatus(problems);
  const shown = problems.slice(0, 20).map((p) => ({ code: p.code, message: p.message }));
  return sendPage(c, ctx, { page: 'problem', path: c.req.path, problems: shown }, String(status), status);
};
