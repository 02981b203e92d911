/** The mail outbox for administrators: what was sent, and what is held when no SMTP server is configured. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { readMailOutbox } from '@mirai/app';
import type { ApiEnv } from '../api-env';
import { json, respond } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';

const statuses = ['pending', 'sending', 'sent', 'held', 'failed', 'unknown'] as const;

const outboxSchema = z
  .object({
    mode: z.enum(['smtp', 'outbox']),
    smtp: z.string().nullable(),
    from: z.string(),
    counts: z.record(z.string(), z.number().int()),
    messages: z.array(
      z.object({
        id: z.string(),
        kind: z.string(),
        to: z.string(),
        subject: z.string(),
        text: z.string(),
        status: z.enum(statuses),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        createdAt: z.string(),
        sentAt: z.string().nullable(),
      }),
    ),
  })
  .openapi('MailOutbox');

const outboxRoute = withPolicy(
  'mail:read-outbox',
  createRoute({
    method: 'get',
    path: '/api/v1/staff/mail/outbox',
    tags: ['mail'],
    summary: 'E-mail sent or held (newest first)',
    request: {
      query: z.object({
        status: z.enum(statuses).optional(),
        limit: z.coerce.number().int().min(1).max(500).optional(),
      }),
    },
    responses: {
      200: json(outboxSchema, 'The outbox'),
      401: json(errorSchema, 'Sign-in required'),
      403: json(errorSchema, 'Not allowed'),
    },
  }),
);

export function registerMailOutbox(app: OpenAPIHono<ApiEnv>) {
  app.openapi(outboxRoute, async (c) => {
    const q = c.req.valid('query');
    return respond(
      c,
      await readMailOutbox(c.get('ctx'), c.get('actor'), {
        ...(q.status ? { status: q.status } : {}),
        ...(q.limit ? { limit: q.limit } : {}),
      }),
    );
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const mailOutboxRoutes = [outboxRoute] as const;
