/**
 * Who is calling: a bearer API token, else the session cookie, else the
 * public. A bad credential does not fail here; the policy check answers 401
 * for routes that need an account, so public pages stay readable.
 */
import { anonymous, publicAddress, resolveApiToken, resolveSession } from '@mirai/app';
import type { MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../api-env';
import { forAddress, type ResolvedAuthOptions } from './auth-options';
import { clearSessionCookie, readSessionCookie } from './session-cookie';

export function authenticate(configured: ResolvedAuthOptions): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const ctx = c.get('ctx');
    // The request's municipality decides its CSRF origin and Secure cookies (decision 0154).
    // Unknown while the database cannot be read (nothing read yet): the deployment's settings.
    const address = await publicAddress(ctx).catch(() => undefined);
    const options = address ? forAddress(configured, address) : configured;
    c.set('actor', anonymous);
    c.set('auth', { options });
    const header = c.req.header('authorization');
    if (header !== undefined) {
      const m = /^Bearer\s+(\S+)$/i.exec(header);
      const r = await resolveApiToken(ctx, m?.[1] ?? '');
      if (r.ok) c.set('actor', r.value);
      else c.set('auth', { options, problem: r.problems[0]! });
      return next();
    }
    const cookie = readSessionCookie(c, options.secureCookies);
    if (cookie !== undefined) {
      const r = await resolveSession(ctx, cookie, options.settings);
      if (r.ok) {
        c.set('actor', r.value.actor);
        c.set('auth', {
          options,
          session: { tokenHash: r.value.tokenHash, csrfToken: r.value.csrfToken, user: r.value.user },
        });
      } else {
        clearSessionCookie(c, options.secureCookies);
        c.set('auth', { options, problem: r.problems[0]! });
      }
    }
    return next();
  };
}
