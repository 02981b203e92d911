/**
 * Who a read is for, and what it may see. The public sees the newest
 * published plan version (approved or revised, never a draft); staff reads
 * include the draft. A scope is made per request (`publicReads(ctx)`,
 * `staffReads(ctx)`) and memoises what is read through it: the plan, and the
 * read models built from it, so one request reads the plan once and every
 * part of one answer shows the same version. A context without a scope reads
 * as the public does (the safe default); the CLI reads as staff.
 */
import type { AppContext } from './context';

export type Audience = 'public' | 'staff';

export interface ReadScope {
  readonly audience: Audience;
  /** Absent: nothing is memoised (a long-lived context, e.g. one shared by all requests). */
  readonly memo?: Map<string, Promise<unknown>>;
}

const scoped = (ctx: AppContext, audience: Audience, memo: boolean): AppContext => ({
  ...ctx,
  reads: memo ? { audience, memo: new Map() } : { audience },
});

/** A fresh per-request context that reads published data only. */
export const publicReads = (ctx: AppContext): AppContext => scoped(ctx, 'public', true);

/**
 * A context for staff: reads include the draft plan version. Memoised per
 * call (one request); `{ memo: false }` for a context that outlives a request.
 */
export const staffReads = (ctx: AppContext, opts: { memo?: boolean } = {}): AppContext =>
  scoped(ctx, 'staff', opts.memo ?? true);

export const audienceOf = (ctx: AppContext): Audience => ctx.reads?.audience ?? 'public';

/** Runs `read` once per scope and key (every call without a scope runs it). */
export function memoRead<T>(ctx: AppContext, key: string, read: () => Promise<T>): Promise<T> {
  const memo = ctx.reads?.memo;
  if (!memo) return read();
  let hit = memo.get(key) as Promise<T> | undefined;
  if (!hit) {
    hit = read();
    memo.set(key, hit);
  }
  return hit;
}
