/** Sign-in, sign-out, who am I, and changing one's own password. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  authProblems,
  authSettings,
  changeOwnPassword,
  getAccount,
  login,
  logout,
  publicUser,
} from '@mirai/app';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';
import { clientAddress, errors, json, jsonBody, publicUserSchema, userActorOf } from './route-helpers';
import { clearSessionCookie, writeSessionCookie } from './session-cookie';

const signedInSchema = z
  .object({ user: publicUserSchema, csrfToken: z.string(), expiresAt: z.string() })
  .openapi('SignedIn');

const loginRoute = withPolicy(
  'public',
  createRoute({
    method: 'post',
    path: '/api/v1/auth/login',
    tags: ['auth'],
    summary: 'Sign in with login and password (sets the session cookie)',
    request: {
      body: jsonBody(
        z.object({ login: z.string().min(1).max(100), password: z.string().min(1).max(1000) }).strict(),
      ),
    },
    responses: {
      200: json(signedInSchema, 'Signed in'),
      ...errors,
      429: json(errorSchema, 'Too many attempts (auth/rate-limited)'),
    },
  }),
);

const logoutRoute = withPolicy(
  'account:update-self',
  createRoute({
    method: 'post',
    path: '/api/v1/auth/logout',
    tags: ['auth'],
    summary: 'Sign out (ends this session)',
    responses: { 204: { description: 'Signed out' }, ...errors },
  }),
);

const meRoute = withPolicy(
  'account:read-self',
  createRoute({
    method: 'get',
    path: '/api/v1/auth/me',
    tags: ['auth'],
    summary: 'The signed-in user, and the CSRF token for this session',
    responses: {
      200: json(
        z.object({
          user: publicUserSchema,
          via: z.enum(['session', 'token', 'cli']),
          csrfToken: z.string().nullable(),
        }),
        'Who is signed in',
      ),
      ...errors,
    },
  }),
);

const passwordRoute = withPolicy(
  'account:update-self',
  createRoute({
    method: 'post',
    path: '/api/v1/auth/password',
    tags: ['auth'],
    summary: 'Change your own password (other sessions end)',
    request: {
      body: jsonBody(
        z
          .object({ currentPassword: z.string().min(1).max(1000), newPassword: z.string().min(1).max(1000) })
          .strict(),
      ),
    },
    responses: { 200: json(z.object({ user: publicUserSchema }), 'Changed'), ...errors },
  }),
);

export function registerSessionRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(loginRoute, async (c) => {
    const { options } = c.get('auth');
    const wait = await options.limiter.hit(c.get('ctx'), clientAddress(c));
    if (wait > 0) {
      c.header('Retry-After', String(wait));
      return problemResponse(c, [authProblems.rateLimited.create({ retryAfterSeconds: wait })]) as never;
    }
    const body = c.req.valid('json');
    const r = await login(
      c.get('ctx'),
      { login: body.login, password: body.password, client: clientAddress(c) },
      options.settings,
    );
    if (!r.ok) return problemResponse(c, r.problems) as never;
    const hours = authSettings(options.settings).sessionAbsoluteHours;
    writeSessionCookie(c, options.secureCookies, r.value.token, hours * 3600);
    return c.json(
      { user: r.value.user, csrfToken: r.value.csrfToken, expiresAt: r.value.expiresAt.toISOString() },
      200,
    );
  });

  app.openapi(logoutRoute, async (c) => {
    const { session, options } = c.get('auth');
    if (session) await logout(c.get('ctx'), session.tokenHash, userActorOf(c));
    clearSessionCookie(c, options.secureCookies);
    return c.body(null, 204);
  });

  app.openapi(meRoute, async (c) => {
    const actor = userActorOf(c);
    const { session } = c.get('auth');
    const user = session ? publicUser(session.user) : await getAccount(c.get('ctx'), actor.userId);
    if (!user) return problemResponse(c, [authProblems.unauthenticated.create({})]) as never;
    return c.json({ user, via: actor.via, csrfToken: session?.csrfToken ?? null }, 200);
  });

  app.openapi(passwordRoute, async (c) => {
    const actor = userActorOf(c);
    const { session, options } = c.get('auth');
    if (!session)
      return problemResponse(c, [
        authProblems.forbidden.create({ action: 'account:update-self', role: 'token' }),
      ]) as never;
    const body = c.req.valid('json');
    const r = await changeOwnPassword(
      c.get('ctx'),
      session.user,
      { current: body.currentPassword, next: body.newPassword, keepSession: session.tokenHash },
      { actor: `user:${actor.login}`, settings: options.settings },
    );
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json({ user: r.value }, 200);
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const sessionRoutes = [loginRoute, logoutRoute, meRoute, passwordRoute] as const;
