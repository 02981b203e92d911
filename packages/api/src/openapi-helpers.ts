/** Helpers every route file uses: OpenAPI response/body descriptions and Result → response. */
import { z } from '@hono/zod-openapi';
import type { Result } from '@mirai/core';
import type { Context } from 'hono';
import { problemResponse } from './error-mapper';

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/**
 * The one Result → response: the value (with its warnings, when any, beside an
 * object value) at `status`, or the problems through the one error mapper.
 */
export function respond<T>(c: Context, result: Result<T>, status: 200 | 201 = 200): never {
  if (!result.ok) return problemResponse(c, result.problems) as never;
  const body =
    result.warnings && result.warnings.length > 0 && !Array.isArray(result.value)
      ? { ...(result.value as object), warnings: result.warnings }
      : result.value;
  return c.json(body as never, status) as never;
}

/** A file answer: its bytes under each media type it may have (OpenAPI `format: binary`). */
export const file = (description: string, ...mediaTypes: string[]) => ({
  description,
  content: Object.fromEntries(
    mediaTypes.map((m) => [m, { schema: z.string().openapi({ format: 'binary' }) }]),
  ) as Record<string, { schema: z.ZodString }>,
});
