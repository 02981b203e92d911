/** Administration of accounts: list, create, change (role, department, links, disable), reset a password. */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { accountRoles, actorLabel, createUser, listAccounts, resetPassword, updateAccount } from '@mirai/app';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';
import { errors, idParam, json, jsonBody, publicUserSchema, userActorOf } from './route-helpers';

const withPassword = z.object({ user: publicUserSchema, oneTimePassword: z.string().optional() });
const code = z.string().min(1).max(100);

const listRoute = withPolicy(
  'users:read',
  createRoute({
    method: 'get',
    path: '/api/v1/users',
    tags: ['accounts'],
    summary: 'Every account',
    responses: { 200: json(z.array(publicUserSchema), 'Accounts'), ...errors },
  }),
);

const createUserRoute = withPolicy(
  'users:manage',
  createRoute({
    method: 'post',
    path: '/api/v1/users',
    tags: ['accounts'],
    summary: 'Create an account (without a password: a one-time password is returned once)',
    request: {
      body: jsonBody(
        z
          .object({
            login: z.string().min(1).max(100),
            displayName: z.string().min(1).max(200).optional(),
            role: z.enum(accountRoles),
            department: code.nullable().optional(),
            email: z.string().max(254).nullable().optional(),
            links: z.array(code).max(1000).optional(),
            password: z.string().min(1).max(1000).optional(),
          })
          .strict(),
      ),
    },
    responses: { 201: json(withPassword, 'Created'), ...errors, 409: json(errorSchema, 'Login taken') },
  }),
);

const updateRoute = withPolicy(
  'users:manage',
  createRoute({
    method: 'patch',
    path: '/api/v1/users/{id}',
    tags: ['accounts'],
    summary: 'Change an account (optimistic locking with expectedVersion)',
    request: {
      params: idParam,
      body: jsonBody(
        z
          .object({
            expectedVersion: z.number().int().positive(),
            displayName: z.string().min(1).max(200).optional(),
            role: z.enum(accountRoles).optional(),
            department: code.nullable().optional(),
            email: z.string().max(254).nullable().optional(),
            links: z.array(code).max(1000).optional(),
            disabled: z.boolean().optional(),
          })
          .strict(),
      ),
    },
    responses: { 200: json(publicUserSchema, 'Changed'), ...errors, 404: json(errorSchema, 'No such user') },
  }),
);

const resetRoute = withPolicy(
  'users:manage',
  createRoute({
    method: 'post',
    path: '/api/v1/users/{id}/password-reset',
    tags: ['accounts'],
    summary: 'Reset a password: returns a one-time password, ends the user’s sessions, unlocks',
    request: { params: idParam },
    responses: { 200: json(withPassword, 'Reset'), ...errors, 404: json(errorSchema, 'No such user') },
  }),
);

export function registerAccountRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listRoute, async (c) => c.json(await listAccounts(c.get('ctx')), 200));

  app.openapi(createUserRoute, async (c) => {
    const { settings } = c.get('auth').options;
    const body = c.req.valid('json');
    const r = await createUser(
      c.get('ctx'),
      {
        login: body.login,
        role: body.role,
        ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
        ...(body.department !== undefined ? { department: body.department } : {}),
        ...(body.email !== undefined ? { email: body.email } : {}),
        ...(body.links !== undefined ? { links: body.links } : {}),
        ...(body.password !== undefined ? { password: body.password } : {}),
      },
      { actor: actorLabel(userActorOf(c)), settings },
    );
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value, 201);
  });

  app.openapi(updateRoute, async (c) => {
    const { expectedVersion, ...changes } = c.req.valid('json');
    const r = await updateAccount(c.get('ctx'), Number(c.req.valid('param').id), changes, {
      actor: actorLabel(userActorOf(c)),
      expectedVersion,
    });
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value, 200);
  });

  app.openapi(resetRoute, async (c) => {
    const r = await resetPassword(c.get('ctx'), Number(c.req.valid('param').id), {
      actor: actorLabel(userActorOf(c)),
      settings: c.get('auth').options.settings,
    });
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(r.value, 200);
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const accountRoutes = [listRoute, createUserRoute, updateRoute, resetRoute] as const;
