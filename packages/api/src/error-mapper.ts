/**
 * The one place where problems become HTTP responses:
 * `{ "error": { "code", "message": { "ja", "en" }, "details" } }`.
 * Bugs become a 500 with no stack trace.
 */
import { databaseProblems, databaseRetryAfterSeconds, isDatabaseUnavailable, log } from '@mirai/app';
import { type Problem, ProblemError, type ProblemKind } from '@mirai/core';
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

const statusByKind: Record<ProblemKind, ContentfulStatusCode> = {
  invalid: 422,
  'not-found': 404,
  conflict: 409,
  forbidden: 403,
  unauthenticated: 401,
  'too-large': 413,
  'rate-limited': 429,
  unavailable: 503,
};

export interface ErrorBody {
  error: { code: string; message: { ja: string; en: string }; details?: unknown };
}

export function problemStatus(problems: readonly Problem[]): ContentfulStatusCode {
  const first = problems[0];
  return first ? statusByKind[first.kind] : 500;
}

export function errorBody(problems: readonly Problem[]): ErrorBody {
  const [first, ...rest] = problems;
  if (!first) return internalError();
  const details: Record<string, unknown> = {};
  if (first.where) details.where = first.where;
  if (first.details) Object.assign(details, first.details);
  if (rest.length > 0) details.problems = problems;
  return {
    error: { code: first.code, message: first.message, ...(Object.keys(details).length ? { details } : {}) },
  };
}

export function problemResponse(c: Context, problems: readonly Problem[]) {
  return c.json(errorBody(problems), problemStatus(problems));
}

export function internalError(): ErrorBody {
  return {
    error: {
      code: 'internal/unexpected',
      message: { ja: 'サーバー内部でエラーが発生しました', en: 'An unexpected error occurred' },
    },
  };
}

/** Hono's onError: problems thrown by use cases, everything else as 500. */
export function onError(error: Error, c: Context) {
  if (error instanceof ProblemError) return problemResponse(c, error.problems);
  const status = (error as { status?: number }).status;
  if (status === 413) {
    return c.json(
      {
        error: {
          code: 'http/too-large',
          message: { ja: 'リクエストが大きすぎます', en: 'Request body too large' },
        },
      },
      413,
    );
  }
  if (isDatabaseUnavailable(error)) return databaseUnavailableResponse(c.req.raw, error);
  log().error(
    { route: c.req.routePath, method: c.req.method },
    redactedError(error, `${c.req.method} ${c.req.routePath}`),
  );
  return c.json(internalError(), 500);
}

export function notFound(c: Context) {
  return c.json(
    {
      error: {
        code: 'http/not-found',
        message: { ja: 'ページまたは API が見つかりません', en: 'No such page or endpoint' },
        details: { path: c.req.path },
      },
    },
    404,
  );
}

/**
 * An unexpected error as one log line without what it carried: database
 * errors hold the query's parameters (a password hash, a token digest), so
 * only the name, message, SQLSTATE and the stack's frames are written.
 */
export function redactedError(error: Error, where: string): string {
  const code = (error as { code?: unknown }).code;
  const frames = (error.stack ?? '')
    .split('\n')
    .filter((l) => l.trimStart().startsWith('at '))
    .slice(0, 8)
    .join('\n');
  const message = error.message.replace(/scrypt\$[^\s'"]+/g, 'scrypt$[redacted]').slice(0, 500);
  return `unexpected error in ${where}: ${error.name}: ${message}${typeof code === 'string' ? ` (${code})` : ''}\n${frames}`;
}

/**
 * The database cannot be reached (decision 0141): 503 with Retry-After and the catalogued
 * `database/unavailable`, as JSON for the API and as a short bilingual page for a browser.
 * Also used by the server's outer layer (the public answer cache reads the database too).
 */
export function databaseUnavailableResponse(req: Request, error: unknown): Response {
  const url = new URL(req.url);
  log().warn(
    { path: url.pathname, method: req.method, reason: String((error as Error)?.message).slice(0, 200) },
    'データベースに接続できません / database unavailable',
  );
  const problem = databaseProblems.unavailable.create({ retryAfterSeconds: databaseRetryAfterSeconds });
  const headers = { 'Retry-After': String(databaseRetryAfterSeconds), 'Cache-Control': 'no-store' };
  const wantsPage =
    !url.pathname.startsWith('/api/') && (req.headers.get('accept') ?? '').includes('text/html');
  if (!wantsPage) return Response.json(errorBody([problem]), { status: 503, headers });
  const page = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>一時的に表示できません / Temporarily unavailable</title></head><body><main><h1>一時的に表示できません</h1><p>${problem.message.ja}</p><p lang="en">${problem.message.en}</p><p><small>${problem.code}</small></p></main></body></html>`;
  return new Response(page, {
    status: 503,
    headers: { ...headers, 'Content-Type': 'text/html; charset=UTF-8' },
  });
}
