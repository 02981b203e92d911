/**
 * Residents' voices and followers: public reads; posting with a signed form
 * token (honeypot, time check, limits per address and client), confirmation
 * and unfollow links; staff moderation (hide with a reason, show, answer).
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  answerVoice,
  confirmFollow,
  confirmResident,
  issueVoiceForm,
  listVoices,
  moderateVoice,
  requestFollow,
  submitVoice,
  unfollow,
} from '@mirai/app';
import type { ApiEnv } from '../api-env';
import { clientAddress, errors, userActorOf } from '../auth/route-helpers';
import { json, jsonBody, respond } from '../openapi-helpers';
import { withPolicy } from '../route-table';
import { errorSchema } from '../schemas';

const voiceSchema = z
  .object({
    id: z.string(),
    targetKind: z.enum(['measure', 'indicator']),
    targetCode: z.string(),
    kind: z.enum(['comment', 'proposal']),
    author: z.string(),
    body: z.string().nullable(),
    status: z.enum(['visible', 'hidden', 'awaiting-confirmation']),
    hiddenReason: z.string().nullable(),
    answer: z.string().nullable(),
    linkedMeasure: z.string().nullable(),
    createdAt: z.string(),
    version: z.number().int(),
  })
  .passthrough()
  .openapi('ResidentVoice');
const id = z.string().regex(/^[1-9][0-9]{0,17}$/);
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/);
const token = z.object({ token: z.string().min(3).max(500) });
const limited = { 422: json(errorSchema, 'Invalid'), 429: json(errorSchema, 'Too many') };

const listRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/voices',
    tags: ['voices'],
    summary: "Residents' comments and proposals (hidden ones show their reason, not their text)",
    request: {
      query: z.object({
        targetKind: z.enum(['measure', 'indicator']).optional(),
        targetCode: code.optional(),
      }),
    },
    responses: { 200: json(z.array(voiceSchema), 'Posts') },
  }),
);
const formRoute = withPolicy(
  'public',
  createRoute({
    method: 'get',
    path: '/api/v1/voices/form',
    tags: ['voices'],
    summary: 'A signed form token (the time the form was shown)',
    responses: { 200: json(z.object({ formToken: z.string() }), 'Token') },
  }),
);
const postRoute = withPolicy(
  'public',
  createRoute({
    method: 'post',
    path: '/api/v1/voices',
    tags: ['voices'],
    summary:
      'Post a comment or proposal (a first post from an address is shown once the mailed link is opened)',
    request: {
      body: jsonBody(
        z.object({
          targetKind: z.string().max(20),
          targetCode: z.string().max(64),
          kind: z.string().max(20),
          body: z.string().max(4000),
          email: z.string().max(254),
          name: z.string().max(100).optional(),
          website: z.string().max(500).optional(),
          formToken: z.string().max(500),
        }),
      ),
    },
    responses: { 200: json(z.object({ id: z.string(), status: z.string() }), 'Posted'), ...limited },
  }),
);
const confirmRoute = withPolicy(
  'public',
  createRoute({
    method: 'post',
    path: '/api/v1/voices/confirm',
    tags: ['voices'],
    summary: "Confirm a resident's address (the mailed link); their waiting posts show",
    request: { body: jsonBody(token) },
    responses: {
      200: json(z.object({ published: z.number().int() }), 'Confirmed'),
      404: json(errorSchema, 'Bad link'),
    },
  }),
);
const followRoute = withPolicy(
  'public',
  createRoute({
    method: 'post',
    path: '/api/v1/follows',
    tags: ['voices'],
    summary: 'Follow a measure, an indicator or a partner by e-mail (a confirmation link is mailed)',
    request: {
      body: jsonBody(
        z.object({
          email: z.string().max(254),
          targetKind: z.string().max(20),
          targetCode: z.string().max(64),
        }),
      ),
    },
    responses: { 200: json(z.object({ status: z.string() }), 'Requested'), ...limited },
  }),
);
const followConfirmRoute = withPolicy(
  'public',
  createRoute({
    method: 'post',
    path: '/api/v1/follows/confirm',
    tags: ['voices'],
    summary: 'Confirm following (the mailed link)',
    request: { body: jsonBody(token) },
    responses: {
      200: json(z.object({ targetKind: z.string(), targetCode: z.string() }), 'Following'),
      404: json(errorSchema, 'Bad link'),
    },
  }),
);
const unfollowRoute = withPolicy(
  'public',
  createRoute({
    method: 'post',
    path: '/api/v1/follows/unfollow',
    tags: ['voices'],
    summary: 'Unfollow (the signed link in every notice)',
    request: { body: jsonBody(token) },
    responses: {
      200: json(z.object({ targetKind: z.string(), targetCode: z.string() }), 'Unfollowed'),
      404: json(errorSchema, 'Bad link'),
    },
  }),
);
const staffListRoute = withPolicy(
  'cocreation:read-internal',
  createRoute({
    method: 'get',
    path: '/api/v1/staff/voices',
    tags: ['voices'],
    summary: 'Every post with its address and text (moderation)',
    request: {
      query: z.object({ status: z.enum(['visible', 'hidden', 'awaiting-confirmation']).optional() }),
    },
    responses: { 200: json(z.array(voiceSchema), 'Posts'), ...errors },
  }),
);
const moderateRoute = withPolicy(
  'cocreation:moderate',
  createRoute({
    method: 'post',
    path: '/api/v1/staff/voices/{id}/moderate',
    tags: ['voices'],
    summary: 'Hide a post with a reason (kept and shown), or show it again',
    request: {
      params: z.object({ id }),
      body: jsonBody(
        z.object({
          action: z.enum(['hide', 'show']),
          reason: z.string().max(500).optional(),
          expectedVersion: z.number().int().min(1),
        }),
      ),
    },
    responses: {
      200: json(voiceSchema, 'Moderated'),
      ...errors,
      404: json(errorSchema, 'Not found'),
      409: json(errorSchema, 'Conflict'),
    },
  }),
);
const answerRoute = withPolicy(
  'cocreation:moderate',
  createRoute({
    method: 'post',
    path: '/api/v1/staff/voices/{id}/answer',
    tags: ['voices'],
    summary: 'Answer a proposal, optionally linking it to a measure',
    request: {
      params: z.object({ id }),
      body: jsonBody(
        z.object({
          answer: z.string().max(4000),
          linkedMeasure: z.string().max(64).optional(),
          expectedVersion: z.number().int().min(1),
        }),
      ),
    },
    responses: {
      200: json(voiceSchema, 'Answered'),
      ...errors,
      404: json(errorSchema, 'Not found'),
      409: json(errorSchema, 'Conflict'),
    },
  }),
);

export function registerVoiceRoutes(app: OpenAPIHono<ApiEnv>) {
  app.openapi(listRoute, async (c) => {
    const q = c.req.valid('query');
    return respond(
      c,
      await listVoices(
        c.get('ctx'),
        { kind: 'anonymous', role: 'public' },
        {
          ...(q.targetKind ? { targetKind: q.targetKind } : {}),
          ...(q.targetCode ? { targetCode: q.targetCode } : {}),
        },
      ),
    );
  });
  app.openapi(formRoute, async (c) => c.json({ formToken: await issueVoiceForm(c.get('ctx')) }, 200));
  app.openapi(postRoute, async (c) => {
    const b = c.req.valid('json');
    return respond(c, await submitVoice(c.get('ctx'), b as never, { client: clientAddress(c) }));
  });
  app.openapi(confirmRoute, async (c) =>
    respond(c, await confirmResident(c.get('ctx'), c.req.valid('json').token)),
  );
  app.openapi(followRoute, async (c) => respond(c, await requestFollow(c.get('ctx'), c.req.valid('json'))));
  app.openapi(followConfirmRoute, async (c) =>
    respond(c, await confirmFollow(c.get('ctx'), c.req.valid('json').token)),
  );
  app.openapi(unfollowRoute, async (c) =>
    respond(c, await unfollow(c.get('ctx'), c.req.valid('json').token)),
  );
  app.openapi(staffListRoute, async (c) => {
    const q = c.req.valid('query');
    return respond(c, await listVoices(c.get('ctx'), userActorOf(c), q.status ? { status: q.status } : {}));
  });
  app.openapi(moderateRoute, async (c) => {
    const b = c.req.valid('json');
    return respond(
      c,
      await moderateVoice(c.get('ctx'), userActorOf(c), c.req.valid('param').id, {
        action: b.action,
        expectedVersion: b.expectedVersion,
        ...(b.reason !== undefined ? { reason: b.reason } : {}),
      }),
    );
  });
  app.openapi(answerRoute, async (c) => {
    const b = c.req.valid('json');
    return respond(
      c,
      await answerVoice(c.get('ctx'), userActorOf(c), c.req.valid('param').id, {
        answer: b.answer,
        expectedVersion: b.expectedVersion,
        ...(b.linkedMeasure ? { linkedMeasure: b.linkedMeasure } : {}),
      }),
    );
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const voiceRoutes = [
  listRoute,
  formRoute,
  postRoute,
  confirmRoute,
  followRoute,
  followConfirmRoute,
  unfollowRoute,
  staffListRoute,
  moderateRoute,
  answerRoute,
] as const;
