/** The signed-in account's in-app notifications (workflow events addressed to its role and department). */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { listMyNotifications, markMyNotificationRead } from '@mirai/app';
import type { ApiEnv } from '../api-env';
import { userActorOf } from '../auth/route-helpers';
import { json, respond } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';

const notificationSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    entity: z.object({ type: z.string(), id: z.string() }),
    message: z.object({ ja: z.string(), en: z.string() }),
    link: z.string().nullable(),
    actor: z.string(),
    createdAt: z.string(),
    read: z.boolean(),
  })
  .openapi('Notification');

/** One in-app notification as the API shows it. */
export type NotificationAnswer = z.infer<typeof notificationSchema>;

const denied = { 401: json(errorSchema, 'Sign-in required'), 403: json(errorSchema, 'Not allowed') };

const listRoute = withPolicy(
  'account:read-self',
  createRoute({
    method: 'get',
    path: '/api/v1/staff/notifications',
    tags: ['account'],
    summary: 'My notifications, newest first',
    responses: { 200: json(z.array(notificationSchema), 'Notifications'), ...denied },
  }),
);

const readRoute = withPolicy(
  'account:update-self',
  createRoute({
    method: 'post',
    path: '/api/v1/staff/notifications/{id}/read',
    tags: ['account'],
    summary: 'Mark a notification read',
    request: { params: z.object({ id: z.string().regex(/^[1-9][0-9]{0,17}$/) }) },
    responses: {
      200: json(z.object({ id: z.string() }), 'Marked'),
      ...denied,
      404: json(errorSchema, 'No such notification'),
    },
  }),
);

export function registerNotifications(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listRoute, async (c) => respond(c, await listMyNotifications(c.get('ctx'), userActorOf(c))));
  app.openapi(readRoute, async (c) =>
    respond(c, await markMyNotificationRead(c.get('ctx'), userActorOf(c), c.req.valid('param').id)),
  );
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const notificationRoutes = [listRoute, readRoute] as const;
