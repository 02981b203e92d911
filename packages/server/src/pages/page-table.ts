/**
 * Pages are declared like API routes: each entry has its path, its policy
 * (`public` or an action of the policy table) and its loader. Registering an
 * entry puts its policy in the API's route table (`declarePage`), so the same
 * `enforce-policy` middleware checks every page before its loader runs; page
 * code holds no role checks of its own.
 */
import type { RoutePolicy } from '@mirai/api';
import { type Action, type Actor, type AppContext, authorize } from '@mirai/app';
import type { PageModel, StaffSession } from '@mirai/web';

/** What a loader gets: the request's parameters and who is asking. */
export interface PageRequest {
  ctx: AppContext;
  path: string;
  params: Record<string, string>;
  query: (name: string) => string | undefined;
  actor: Actor;
  /** The browser session of a signed-in account (null for the public and for API tokens). */
  session: StaffSession | null;
  /** Whether this request's account may perform an action (the policy table, items aside). */
  may: (action: Action) => boolean;
}

/** A loader answers a page model, a redirect, or null for "no such thing" (the 404 page). */
export type PageResult = PageModel | { redirect: string } | null;

export interface PageEntry {
  /** Hono path, e.g. `/staff/sheets/:id`. */
  path: string;
  policy: RoutePolicy;
  /** The content comes from the current plan version, which may be an unpublished draft: say so on screen. */
  readsDraft?: boolean;
  load: (req: PageRequest) => Promise<PageResult>;
  /** The page's title (before the site name); empty for the site name alone. */
  title: (model: PageModel) => string;
}

export const definePage = (entry: PageEntry): PageEntry => entry;

/** A staff page: needs a browser session (an API token is sent to the sign-in page). */
export function staffPage(
  entry: Omit<PageEntry, 'load'> & {
    load: (req: PageRequest & { session: StaffSession }) => Promise<PageResult>;
  },
): PageEntry {
  return {
    ...entry,
    load: (req) =>
      req.session
        ? entry.load({ ...req, session: req.session })
        : Promise.resolve({ redirect: signInPath(req.path) }),
  };
}

export const signInPath = (next: string) => `/staff/login?next=${encodeURIComponent(next)}`;

/** Whether an actor may open a page (its policy; public pages are open to all). */
export function mayOpen(actor: Actor, entry: Pick<PageEntry, 'policy'>): boolean {
  return entry.policy === 'public' || authorize(actor, entry.policy).ok;
}
