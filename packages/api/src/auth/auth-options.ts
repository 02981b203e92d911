/** How the API authenticates: settings, cookie security, proxies, sign-in limits. */
import {
  type AuthSettings,
  databaseRateLimiter,
  type PublicAddress,
  type RateLimiter,
  type StoredUser,
} from '@mirai/app';
import type { Problem } from '@mirai/core';

export interface ApiAuthOptions {
  settings?: Partial<AuthSettings>;
  /** Secure cookies (__Host- prefix) and HSTS; default: an https public address, or NODE_ENV=production. */
  secureCookies?: boolean;
  /** Take the client address from X-Forwarded-For (behind a reverse proxy). */
  trustProxy?: boolean;
  /** The public origin when behind a proxy (for the Origin check), e.g. https://mirai.city.example.jp. */
  publicOrigin?: string;
  /** Sign-in attempts per client address and window (default 20 per 10 minutes), counted in the database. */
  loginRateLimit?: { max: number; windowSeconds: number };
}

export interface ResolvedAuthOptions {
  settings: Partial<AuthSettings>;
  /** For this request: its municipality's address decides (see forAddress). */
  secureCookies: boolean;
  trustProxy: boolean;
  /** For this request: the origin unsafe requests must come from (else the request's own). */
  publicOrigin?: string;
  /** For this request: the scheme of the request's own origin when it is not told by a trusted proxy. */
  originScheme?: 'http' | 'https';
  /** As configured (the deployment's): explicit Secure setting and public origin. */
  configured: { secureCookies?: boolean; publicOrigin?: string };
  limiter: RateLimiter;
}

/** Per request: the session behind the cookie (if any) and why authentication failed (if it did). */
export interface AuthState {
  options: ResolvedAuthOptions;
  session?: { tokenHash: string; csrfToken: string; user: StoredUser };
  problem?: Problem;
}

const production = () => process.env.NODE_ENV === 'production';

export function resolveAuthOptions(o: ApiAuthOptions = {}): ResolvedAuthOptions {
  return {
    settings: o.settings ?? {},
    // Served over HTTPS (an https public origin, or production): __Host- cookies and HSTS.
    secureCookies: o.secureCookies ?? (o.publicOrigin?.startsWith('https://') || production()),
    trustProxy: o.trustProxy ?? false,
    ...(o.publicOrigin ? { publicOrigin: o.publicOrigin } : {}),
    configured: {
      ...(o.secureCookies !== undefined ? { secureCookies: o.secureCookies } : {}),
      ...(o.publicOrigin ? { publicOrigin: o.publicOrigin } : {}),
    },
    limiter: databaseRateLimiter('login', o.loginRateLimit ?? { max: 20, windowSeconds: 600 }),
  };
}

/**
 * The options of one request, from its municipality's public address (decision 0154). A
 * municipality with a public URL in the registry: unsafe requests must come from its origin, and
 * its scheme decides Secure cookies and HSTS. With several municipalities and none registered, the
 * request's own host (one of the municipality's, or it would not be bound to it) with the configured
 * scheme. Otherwise (one municipality) the deployment's settings, as before.
 */
export function forAddress(o: ResolvedAuthOptions, a: PublicAddress): ResolvedAuthOptions {
  if (a.source !== 'registry' && !(a.several && a.source === 'host')) return o;
  const https = a.url.startsWith('https://');
  const secureCookies = o.configured.secureCookies ?? (https || production());
  if (a.source === 'registry') {
    const { originScheme: _, ...rest } = o;
    return { ...rest, secureCookies, publicOrigin: new URL(a.url).origin };
  }
  const { publicOrigin: _, ...rest } = o;
  return { ...rest, secureCookies, originScheme: https ? 'https' : 'http' };
}
