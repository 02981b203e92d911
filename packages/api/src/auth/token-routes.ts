/** API tokens: list and create one's own; revoke one's own (administrators: any). */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import { actorLabel, createApiToken, listApiTokens, revokeApiToken, roleMay } from '@mirai/app';
import type { ApiEnv } from '../api-env';
import { problemResponse } from '../error-mapper';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';
import { errors, idParam, json, jsonBody, userActorOf } from './route-helpers';

const tokenSchema = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    name: z.string(),
    scopes: z.array(z.string()),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .openapi('ApiToken');

/** An API token as the API shows it (never its secret). */
export type ApiToken = z.infer<typeof tokenSchema>;

type Token = Awaited<ReturnType<typeof listApiTokens>>[number];
const shown = (t: Token) => ({
  ...t,
  createdAt: t.createdAt.toISOString(),
  expiresAt: t.expiresAt?.toISOString() ?? null,
  revokedAt: t.revokedAt?.toISOString() ?? null,
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

const listRoute = withPolicy(
  'tokens:read-own',
  createRoute({
    method: 'get',
    path: '/api/v1/tokens',
    tags: ['accounts'],
    summary: 'Your API tokens (never their secrets)',
    responses: { 200: json(z.array(tokenSchema), 'Tokens'), ...errors },
  }),
);

const createTokenRoute = withPolicy(
  'tokens:manage-own',
  createRoute({
    method: 'post',
    path: '/api/v1/tokens',
    tags: ['accounts'],
    summary: 'Create an API token; its secret is returned once',
    request: {
      body: jsonBody(
        z
          .object({
            name: z.string().min(1).max(200),
            scopes: z.array(z.string().min(1).max(100)).min(1).max(100),
            expiresInDays: z.number().int().min(1).max(3650).optional(),
          })
          .strict(),
      ),
    },
    responses: { 201: json(z.object({ token: tokenSchema, secret: z.string() }), 'Created'), ...errors },
  }),
);

const revokeRoute = withPolicy(
  'tokens:manage-own',
  createRoute({
    method: 'delete',
    path: '/api/v1/tokens/{id}',
    tags: ['accounts'],
    summary: 'Revoke an API token',
    request: { params: idParam },
    responses: { 200: json(tokenSchema, 'Revoked'), ...errors, 404: json(errorSchema, 'No such token') },
  }),
);

export function registerTokenRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listRoute, async (c) => {
    const tokens = await listApiTokens(c.get('ctx'), userActorOf(c).userId);
    return c.json(tokens.map(shown), 200);
  });

  app.openapi(createTokenRoute, async (c) => {
    const actor = userActorOf(c);
    const body = c.req.valid('json');
    const r = await createApiToken(
      c.get('ctx'),
      actor,
      {
        name: body.name,
        scopes: body.scopes,
        ...(body.expiresInDays ? { expiresInDays: body.expiresInDays } : {}),
      },
      { actor: actorLabel(actor) },
    );
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json({ token: shown(r.value.token), secret: r.value.secret }, 201);
  });

  app.openapi(revokeRoute, async (c) => {
    const actor = userActorOf(c);
    const r = await revokeApiToken(c.get('ctx'), actor, Number(c.req.valid('param').id), {
      asAdmin: roleMay(actor.role, 'tokens:manage-all'),
    });
    if (!r.ok) return problemResponse(c, r.problems) as never;
    return c.json(shown(r.value), 200);
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const tokenRoutes = [listRoute, createTokenRoute, revokeRoute] as const;
