/**
 * Problems of the HTTP layer itself (bad bodies, unknown paths, too large),
 * catalogued like every other domain's, and the handler that renders
 * framework exceptions with them instead of plain-text or 500 answers.
 */
import { defineProblem, ProblemError } from '@mirai/core';
import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { onError, problemResponse } from '../error-mapper';

export const httpProblems = {
  invalidRequest: defineProblem('request/invalid', 'invalid', () => ({
    ja: 'リクエストの内容が正しくありません',
    en: 'The request is not valid',
  })),
  malformedBody: defineProblem('request/malformed-body', 'invalid', () => ({
    ja: 'リクエスト本文を読み取れません（JSON の形式を確認してください）',
    en: 'The request body cannot be read (check the JSON)',
  })),
  unsupportedMediaType: defineProblem<{ contentType: string }>(
    'request/unsupported-media-type',
    'invalid',
    (p) => ({
      ja: `この形式（${p.contentType}）のリクエスト本文は受け付けません`,
      en: `Request bodies of type ${p.contentType} are not accepted here`,
    }),
  ),
  tooLarge: defineProblem<{ maxBytes: number }>('http/too-large', 'too-large', (p) => ({
    ja: `リクエストが大きすぎます（上限 ${p.maxBytes} バイト）`,
    en: `Request body too large (limit ${p.maxBytes} bytes)`,
  })),
  notFound: defineProblem('http/not-found', 'not-found', () => ({
    ja: 'ページまたは API が見つかりません',
    en: 'No such page or endpoint',
  })),
};

/** onError: framework exceptions as catalogued problems, then the shared mapper (no stack traces). */
export function onHttpError(error: Error, c: Context) {
  if (error instanceof HTTPException && !(error instanceof ProblemError)) {
    if (error.status === 400)
      return problemResponse(c, [httpProblems.malformedBody.create({}, { path: 'body' })]);
    if (error.status === 415) {
      const contentType = c.req.header('content-type') ?? 'none';
      return problemResponse(c, [
        httpProblems.unsupportedMediaType.create({ contentType }, { path: 'body' }),
      ]);
    }
    if (error.status === 413) return problemResponse(c, [httpProblems.tooLarge.create({ maxBytes: 0 })]);
  }
  return onError(error, c);
}
