/**
 * Mounts declared pages on the server: each entry's policy goes into the
 * route table (checked by the API's enforce-policy middleware before the
 * loader runs), the loader builds the model, and the page is rendered.
 * Refusals: no account → the sign-in page (303, back here afterwards); a
 * one-time password → the change form; a role the policy refuses → a 403 page. Staff pages are never cached (no-store),
 * and say so when what they show comes from an unpublished draft.
 */
import { type ApiEnv, declarePage, type PageRefusal } from '@mirai/api';
import { type AppContext, authorize, getCurrentPlan, roleNames } from '@mirai/app';
import { ProblemError } from '@mirai/core';
import type { PageEnvelope, StaffSession } from '@mirai/web';
import type { Context, Hono } from 'hono';
import { type PageEntry, type PageRequest, signInPath } from './page-table';
import { notFoundPage, problemPage, sendPage } from './send-page';

function sessionOf(c: Context<ApiEnv>): StaffSession | null {
  const actor = c.get('actor');
  if (actor.kind !== 'user' || actor.via === 'token') return null;
  const session = c.get('auth').session;
  return {
    user: {
      login: actor.login,
      displayName: session?.user.displayName ?? actor.login,
      role: actor.role,
      roleName: roleNames[actor.role],
      mustChangePassword: actor.mustChangePassword,
    },
    csrfToken: session?.csrfToken ?? null,
  };
}

/** The draft notice for a page that reads the current plan version, when that version is a draft. */
async function draftsOf(ctx: AppContext): Promise<Pick<PageEnvelope, 'drafts'>> {
  const plan = await getCurrentPlan(ctx);
  return plan.ok && plan.value.status === 'draft' ? { drafts: { version: plan.value.version } } : {};
}

export function pageRequest(c: Context<ApiEnv>, ctx: AppContext): PageRequest {
  const actor = c.get('actor');
  return {
    ctx,
    path: c.req.path,
    params: c.req.param() as Record<string, string>,
    query: (name) => c.req.query(name),
    actor,
    session: sessionOf(c),
    may: (action) => authorize(actor, action).ok,
  };
}

export function registerPages(app: Hono<ApiEnv>, ctx: AppContext, entries: readonly PageEntry[]) {
  for (const entry of entries) {
    declarePage(entry.path, entry.policy);
    app.get(entry.path, async (c) => {
      if (entry.policy !== 'public' || entry.path.startsWith('/staff')) c.header('Cache-Control', 'no-store');
      // The request's own read scope (set by the API from the page's policy): a public page
      // reads published data only, a staff page the current version; the plan is read once.
      const rctx = c.get('ctx') ?? ctx;
      let result: Awaited<ReturnType<PageEntry['load']>>;
      try {
        result = await entry.load(pageRequest(c, rctx));
      } catch (error) {
        // A use case's refusal is a page in words, never the API's JSON body.
        if (!(error instanceof ProblemError)) throw error;
        return problemPage(c, rctx, error.problems);
      }
      if (!result) return notFoundPage(c, rctx);
      if ('redirect' in result) return c.redirect(result.redirect, 303);
      const extra = entry.readsDraft ? await draftsOf(rctx) : {};
      return sendPage(c, rctx, result, entry.title(result), 200, extra);
    });
  }
}

/** How the gate's refusals of a page are answered (passed to createApi). */
export function pageRefusal(ctx: AppContext): PageRefusal {
  return (c, problems) => {
    c.header('Cache-Control', 'no-store');
    if (problems.some((p) => p.kind === 'unauthenticated')) return c.redirect(signInPath(c.req.path), 303);
    // Until a one-time password is replaced, the workspace leads to the change form.
    if (problems.some((p) => p.code === 'auth/password-change-required'))
      return c.redirect(`/staff/password?next=${encodeURIComponent(c.req.path)}`, 303);
    return sendPage(c, ctx, { page: 'forbidden', path: c.req.path }, '403', 403);
  };
}
