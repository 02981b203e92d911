/**
 * Fixed-window rate limits counted in the database (migration 0080), so that
 * several application processes behind one port share one count. The key is
 * stored as a digest. One statement counts the hit and opens a new window
 * when the old one has passed; expired rows are swept now and then.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { AppContext } from '../context';

export interface RateLimit {
  max: number;
  windowSeconds: number;
}

export interface RateLimiter {
  /** Counts an attempt for `key`; returns the seconds to wait when over the limit, else 0. */
  hit(ctx: AppContext, key: string): Promise<number>;
}

export function databaseRateLimiter(scope: string, limit: RateLimit): RateLimiter {
  let sinceSweep = 0;
  return {
    async hit(ctx, key) {
      const digest = createHash('sha256').update(`${scope}\u0000${key}`).digest('base64url');
      const windowSql = sql.lit(`${Math.max(1, Math.floor(limit.windowSeconds))} seconds`);
      const r = await sql<{ hits: number; wait: number }>`
        INSERT INTO rate_limits AS r (key, window_start, hits) VALUES (${digest}, now(), 1)
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN r.window_start <= now() - interval ${windowSql} THEN 1 ELSE r.hits + 1 END,
          window_start = CASE WHEN r.window_start <= now() - interval ${windowSql} THEN now() ELSE r.window_start END
        RETURNING hits,
          ceil(extract(epoch FROM (window_start + interval ${windowSql} - now())))::int AS wait`.execute(
        ctx.database.db,
      );
      sinceSweep += 1;
      if (sinceSweep >= 500) {
        sinceSweep = 0;
        await sql`DELETE FROM rate_limits WHERE window_start < now() - interval '1 day'`.execute(
          ctx.database.db,
        );
      }
      const row = r.rows[0];
      return row && row.hits > limit.max ? Math.max(1, row.wait) : 0;
    },
  };
}
