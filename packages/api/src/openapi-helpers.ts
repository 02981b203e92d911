/** Helpers every route file uses: OpenAPI response/body descriptions and Result → response. */
import type { z } from '@hono/zod-openapi';
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

/** 200 with the value, or the problems through the one error mapper. */
export function respond<T>(c: Context, result: Result<T>) {
  if (!result.ok) return problemResponse(c, result.problems) as never;
  return c.json(result.value as never, 200);
}
