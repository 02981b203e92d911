/**
 * The session cookie: HttpOnly, SameSite=Lax, Path=/, and in production
 * Secure with the __Host- prefix (bound to this host, never a parent domain).
 */
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

export const cookieName = (secure: boolean) => (secure ? '__Host-mirai_session' : 'mirai_session');

export function readSessionCookie(c: Context, secure: boolean): string | undefined {
  return getCookie(c, cookieName(secure));
}

export function writeSessionCookie(c: Context, secure: boolean, token: string, maxAgeSeconds: number) {
  setCookie(c, cookieName(secure), token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(c: Context, secure: boolean) {
  deleteCookie(c, cookieName(secure), { path: '/', secure, httpOnly: true, sameSite: 'Lax' });
}
