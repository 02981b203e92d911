/**
 * A small in-memory limiter for sign-in attempts per client address (fixed
 * windows). Account lockout in the database is the second line; this one
 * stops one address from trying many accounts. Per process by design.
 */
export interface RateLimiter {
  /** Counts an attempt; returns the seconds to wait when over the limit, else 0. */
  hit(key: string, now?: number): number;
}

export function createRateLimiter(opts: { max: number; windowSeconds: number }): RateLimiter {
  const windows = new Map<string, { start: number; count: number }>();
  return {
    hit(key, now = Date.now()) {
      const w = windows.get(key);
      if (!w || now - w.start >= opts.windowSeconds * 1000) {
        if (windows.size > 10_000) {
          for (const [k, v] of windows) if (now - v.start >= opts.windowSeconds * 1000) windows.delete(k);
        }
        windows.set(key, { start: now, count: 1 });
        return 0;
      }
      w.count += 1;
      return w.count > opts.max ? Math.ceil((w.start + opts.windowSeconds * 1000 - now) / 1000) : 0;
    },
  };
}
