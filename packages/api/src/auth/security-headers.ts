/**
 * Security headers on every answer: a strict Content-Security-Policy (this
 * origin only, nothing inline except <style> blocks the server itself sent,
 * allowed by their SHA-256), no framing, no sniffing, no referrer, HSTS
 * when served over HTTPS, and no caching of anything behind a sign-in.
 */
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import type { ApiEnv } from '../api-env';

const baseCsp = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'frame-ancestors': "'none'",
  'form-action': "'self'",
};

export function contentSecurityPolicy(styleHashes: readonly string[] = []): string {
  const csp = { ...baseCsp };
  if (styleHashes.length > 0)
    csp['style-src'] = `'self' ${styleHashes.map((h) => `'sha256-${h}'`).join(' ')}`;
  return Object.entries(csp)
    .map(([k, v]) => `${k} ${v}`)
    .join('; ');
}

/** SHA-256 (base64) of each inline <style> block of a page. */
export function inlineStyleHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const m of html.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)) {
    hashes.add(
      createHash('sha256')
        .update(m[1] ?? '')
        .digest('base64'),
    );
  }
  return [...hashes];
}

export function securityHeaders(opts: {
  hsts: boolean | ((c: Context<ApiEnv>) => boolean);
}): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    await next();
    let hashes: string[] = [];
    if ((c.res.headers.get('content-type') ?? '').startsWith('text/html') && c.res.body) {
      hashes = inlineStyleHashes(await c.res.clone().text());
    }
    // Read the headers only now: cloning @hono/node-server's lightweight Response replaces the
    // headers object, and headers set on the one read before would be lost (HTML went out bare).
    const h = c.res.headers;
    h.set('Content-Security-Policy', contentSecurityPolicy(hashes));
    h.set('X-Content-Type-Options', 'nosniff');
    h.set('X-Frame-Options', 'DENY');
    h.set('Referrer-Policy', 'no-referrer');
    h.set('Cross-Origin-Opener-Policy', 'same-origin');
    h.set('Cross-Origin-Resource-Policy', 'same-origin');
    h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=()');
    if (typeof opts.hsts === 'function' ? opts.hsts(c) : opts.hsts)
      h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
    if (c.get('actor')?.kind === 'user') h.set('Cache-Control', 'no-store');
    h.delete('X-Powered-By');
  };
}
