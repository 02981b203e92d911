/** Small helpers shared by the account, token and audit routes. */
import { z } from '@hono/zod-openapi';
import type { UserActor } from '@mirai/app';
import type { Context } from 'hono';
import type { ApiEnv } from '../api-env';
import { errorSchema } from '../schemas';

export { json, jsonBody } from '../openapi-helpers';

import { json } from '../openapi-helpers';

export const errors = {
  401: json(errorSchema, 'Sign-in required'),
  403: json(errorSchema, 'Not allowed'),
  422: json(errorSchema, 'Invalid request'),
};

/** The signed-in actor; the policy middleware guarantees one on non-public routes. */
export function userActorOf(c: Context<ApiEnv>): UserActor {
  const actor = c.get('actor');
  if (actor.kind !== 'user') throw new Error('non-public route reached without an account');
  return actor;
}

export const idParam = z.object({
  id: z
    .string()
    .regex(/^[1-9][0-9]{0,8}$/)
    .openapi({ example: '1' }),
});

export const publicUserSchema = z
  .object({
    id: z.number().int(),
    login: z.string(),
    displayName: z.string(),
    role: z.string(),
    department: z.string().nullable(),
    email: z.string().nullable(),
    links: z.array(z.string()),
    disabled: z.boolean(),
    mustChangePassword: z.boolean(),
    locked: z.boolean(),
    version: z.number().int(),
  })
  .openapi('User');

/** The client address for rate limiting (X-Forwarded-For only behind a trusted proxy). */
export function clientAddress(c: Context<ApiEnv>): string {
  if (c.get('auth').options.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}
