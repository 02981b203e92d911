/** Helpers every route file uses: OpenAPI response/body descriptions and Result → response. */
import { z } from '@hono/zod-openapi';
import type { Problem, Result } from '@mirai/core';
import type { Context, TypedResponse } from 'hono';
import type { JSONParsed } from 'hono/utils/types';
import { problemResponse } from './error-mapper';

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
});

/** A JSON answer typed with its body and status: the route's declared schema must accept the body (compile time). */
export type JsonAnswer<T, S extends 200 | 201 | 202> = Response & TypedResponse<JSONParsed<T>, S, 'json'>;

/**
 * The one Result → response: the value (with its warnings, when any, beside an
 * object value) at `status`, or the problems through the one error mapper.
 * Typed with the value: a handler returning it must declare a schema that the
 * value's JSON form satisfies (the problems' statuses are the route's declared errors).
 */
export function respond<T>(c: Context, result: Result<T>): JsonAnswer<T, 200>;
export function respond<T, S extends 200 | 201 | 202>(
  c: Context,
  result: Result<T>,
  status: S,
): JsonAnswer<T, S>;
export function respond<T>(
  c: Context,
  result: Result<T>,
  status: 200 | 201 | 202 = 200,
): JsonAnswer<T, 200 | 201 | 202> {
  if (!result.ok) return problemResponse(c, result.problems) as never;
  const body =
    result.warnings && result.warnings.length > 0 && !Array.isArray(result.value)
      ? { ...(result.value as object), warnings: result.warnings }
      : result.value;
  return c.json(body as never, status) as never;
}

/** The problems of a failed result as the error answer (for a handler that stops early). */
export function respondProblems(c: Context, failed: { problems: readonly Problem[] }): never {
  return problemResponse(c, failed.problems) as never;
}

/** A file answer: its bytes under each media type it may have (OpenAPI `format: binary`). */
export const file = (description: string, ...mediaTypes: string[]) => ({
  description,
  content: Object.fromEntries(
    mediaTypes.map((m) => [m, { schema: z.string().openapi({ format: 'binary' }) }]),
  ) as Record<string, { schema: z.ZodString }>,
});
