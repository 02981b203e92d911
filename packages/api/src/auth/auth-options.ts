/** How the API authenticates: settings, cookie security, proxies, sign-in limits. */
import { type AuthSettings, databaseRateLimiter, type RateLimiter, type StoredUser } from '@mirai/app';
import type { Problem } from '@mirai/core';

export interface ApiAuthOptions {
  settings?: Partial<AuthSettings>;
  /** Secure cookies (__Host- prefix) and HSTS; default: NODE_ENV=production. */
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
  secureCookies: boolean;
  trustProxy: boolean;
  publicOrigin?: string;
  limiter: RateLimiter;
}

/** Per request: the session behind the cookie (if any) and why authentication failed (if it did). */
export interface AuthState {
  options: ResolvedAuthOptions;
  session?: { tokenHash: string; csrfToken: string; user: StoredUser };
  problem?: Problem;
}

export function resolveAuthOptions(o: ApiAuthOptions = {}): ResolvedAuthOptions {
  return {
    settings: o.settings ?? {},
    // Served over HTTPS (an https public origin, or production): __Host- cookies and HSTS.
    secureCookies:
      o.secureCookies ?? (o.publicOrigin?.startsWith('https://') || process.env.NODE_ENV === 'production'),
    trustProxy: o.trustProxy ?? false,
    ...(o.publicOrigin ? { publicOrigin: o.publicOrigin } : {}),
    limiter: databaseRateLimiter('login', o.loginRateLimit ?? { max: 20, windowSeconds: 600 }),
  };
}
