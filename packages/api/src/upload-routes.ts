/**
 * Which upload kind (and so which size limit, packages/app/src/io/upload-limits.ts)
 * each request body is held to. The limit is applied while the body is read: a
 * Content-Length over it is refused at once, a chunked body as soon as the bytes
 * pass it — nothing is buffered beyond the limit (decision 0097). Any route not
 * listed is held to the `request` kind.
 */
import { type UploadKind, uploadLimits } from '@mirai/app';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ApiEnv } from './api-env';
import { httpProblems } from './auth/http-problems';
import { problemResponse } from './error-mapper';

export const uploadRoutes: readonly { method: string; path: RegExp; kind: UploadKind }[] = [
  { method: 'POST', path: /^\/api\/v1\/actuals\/import$/, kind: 'actuals' },
  { method: 'POST', path: /^\/api\/v1\/surveys\/waves$/, kind: 'survey-wave' },
  { method: 'POST', path: /^\/api\/v1\/evaluation\/workbooks$/, kind: 'evaluation-workbook' },
  { method: 'PUT', path: /^\/api\/v1\/staff\/plan$/, kind: 'plan' },
  { method: 'POST', path: /^\/api\/v1\/staff\/areas\/boundaries$/, kind: 'boundaries' },
  { method: 'POST', path: /^\/api\/v1\/staff\/population\/datasets$/, kind: 'population-data' },
  { method: 'POST', path: /^\/api\/v1\/staff\/workshops(\/[^/]+)?$/, kind: 'workshop-files' },
  { method: 'POST', path: /^\/api\/v1\/partner-reports$/, kind: 'partner-report-files' },
];

/** The upload kind of a request. */
export function uploadKindOf(method: string, path: string): UploadKind {
  return uploadRoutes.find((r) => r.method === method && r.path.test(path))?.kind ?? 'request';
}

/** One body limit per kind, picked per request. `override` (tests) replaces every limit. */
export function uploadBodyLimits(override?: number): MiddlewareHandler<ApiEnv> {
  const limiters = new Map<UploadKind, MiddlewareHandler<ApiEnv>>();
  for (const kind of Object.keys(uploadLimits) as UploadKind[]) {
    const maxBytes = override ?? uploadLimits[kind].maxBytes;
    limiters.set(
      kind,
      bodyLimit({
        maxSize: maxBytes,
        onError: (c) => problemResponse(c, [httpProblems.tooLarge.create({ maxBytes }, { field: kind })]),
      }),
    );
  }
  return (c, next) => limiters.get(uploadKindOf(c.req.method, c.req.path))!(c, next);
}
