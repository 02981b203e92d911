/**
 * Evaluation sheet routes: read a sheet (indicator rows pulled, costs, theory
 * rows, comment threads, allowed actions), save its content with the version
 * read (409 when stale), review-level comments, workflow actions, threaded
 * comments. Department roles act only on their own department's sheets (the
 * use cases check the sheet's department against the account's).
 */
import { createRoute, type OpenAPIHono, z } from '@hono/zod-openapi';
import {
  addSheetComment,
  getEvaluationSheet,
  listSheetComments,
  saveEvaluationSheet,
  saveReviewComment,
  transitionEvaluationSheet,
} from '@mirai/app';
import type { SheetAction, SheetContent } from '@mirai/core';
import type { ApiEnv } from '../api-env';
import type { RoutePolicy } from '../route-table';
import { withPolicy } from '../route-table';
import {
  commentBody,
  commentThreadSchema,
  reviewCommentBody,
  saveSheetBody,
  sheetActionBody,
  sheetCommentSchema,
  sheetParam,
  sheetSchema,
  sheetTransitionSchema,
  sheetViewSchema,
} from './evaluation.schemas';
import { errors, evaluatorOf, json, jsonBody, respondAsEvaluator } from './evaluation-helpers';

const base = '/api/v1/evaluation/sheets/{id}';
const tags = ['evaluation'];

const showRoute = withPolicy(
  'evaluation:read-sheet',
  createRoute({
    method: 'get',
    path: base,
    tags,
    summary:
      'One sheet with indicator rows, costs, theory-check rows, threads and the actions allowed to you',
    request: { params: sheetParam },
    responses: { 200: json(sheetViewSchema, 'The sheet'), ...errors },
  }),
);

const saveRoute = withPolicy(
  'evaluation:edit-sheet',
  createRoute({
    method: 'put',
    path: base,
    tags,
    summary:
      'Save the content (draft or returned sheets), naming the version read; 409 when someone saved first',
    request: { params: sheetParam, body: jsonBody(saveSheetBody) },
    responses: { 200: json(sheetSchema, 'The saved sheet'), ...errors },
  }),
);

/** Each workflow action with the policy that lets its roles through (the state machine checks the rest). */
const actionPolicies: [SheetAction, RoutePolicy][] = [
  ['submit', 'evaluation:submit-sheet'],
  ['withdraw', 'evaluation:submit-sheet'],
  ['approve', 'evaluation:approve-sheet'],
  // Returned by the section head (reviewer) or the planning division.
  ['return', 'evaluation:comment'],
  ['review', 'evaluation:manage-round'],
  ['see', 'evaluation:comment'],
];

const actionRoutes = actionPolicies.map(([action, policy]) => ({
  action,
  route: withPolicy(
    policy,
    createRoute({
      method: 'post',
      path: `${base}/${action}`,
      tags,
      summary: `Workflow: ${action}`,
      request: { params: sheetParam, body: jsonBody(sheetActionBody) },
      responses: { 200: json(sheetTransitionSchema, 'The sheet, the event and who is notified'), ...errors },
    }),
  ),
}));

const levelParam = sheetParam.extend({ level: z.enum(['section-head', 'planning-division', 'committee']) });

const reviewCommentRoute = withPolicy(
  'evaluation:comment',
  createRoute({
    method: 'put',
    path: `${base}/review-comments/{level}`,
    tags,
    summary: 'A review level’s comment on the sheet, while the sheet waits on that level',
    request: { params: levelParam, body: jsonBody(reviewCommentBody) },
    responses: { 200: json(sheetSchema, 'The sheet'), ...errors },
  }),
);

const listCommentsRoute = withPolicy(
  'evaluation:read-sheet',
  createRoute({
    method: 'get',
    path: `${base}/comments`,
    tags,
    summary: 'The sheet’s comment threads',
    request: { params: sheetParam },
    responses: { 200: json(z.array(commentThreadSchema), 'Threads'), ...errors },
  }),
);

const addCommentRoute = withPolicy(
  'evaluation:comment',
  createRoute({
    method: 'post',
    path: `${base}/comments`,
    tags,
    summary: 'Add a comment or a reply (parentId)',
    request: { params: sheetParam, body: jsonBody(commentBody) },
    responses: { 201: json(sheetCommentSchema, 'The comment'), ...errors },
  }),
);

export function registerEvaluationSheets(app: OpenAPIHono<ApiEnv>) {
  app.openapi(showRoute, async (c) => {
    const actor = evaluatorOf(c);
    return respondAsEvaluator(c, () =>
      getEvaluationSheet(c.get('ctx'), c.req.valid('param').id, actor ? { actor } : {}),
    );
  });

  app.openapi(saveRoute, async (c) => {
    const body = c.req.valid('json');
    return respondAsEvaluator(c, (actor) =>
      saveEvaluationSheet(c.get('ctx'), {
        sheetId: c.req.valid('param').id,
        content: body.content as unknown as SheetContent,
        expectedVersion: body.expectedVersion,
        actor,
      }),
    );
  });

  for (const { action, route } of actionRoutes) {
    app.openapi(route, async (c) => {
      const body = c.req.valid('json');
      return respondAsEvaluator(c, (actor) =>
        transitionEvaluationSheet(c.get('ctx'), {
          sheetId: c.req.valid('param').id,
          action,
          expectedVersion: body.expectedVersion,
          actor,
          ...(body.comment !== undefined ? { comment: body.comment } : {}),
        }),
      );
    });
  }

  app.openapi(reviewCommentRoute, async (c) => {
    const { id, level } = c.req.valid('param');
    const body = c.req.valid('json');
    return respondAsEvaluator(c, (actor) =>
      saveReviewComment(c.get('ctx'), {
        sheetId: id,
        level,
        text: body.text,
        expectedVersion: body.expectedVersion,
        actor,
      }),
    );
  });

  app.openapi(listCommentsRoute, async (c) =>
    respondAsEvaluator(c, () => listSheetComments(c.get('ctx'), c.req.valid('param').id)),
  );

  app.openapi(addCommentRoute, async (c) => {
    const body = c.req.valid('json');
    return respondAsEvaluator(
      c,
      (actor) =>
        addSheetComment(c.get('ctx'), {
          sheetId: c.req.valid('param').id,
          text: body.text,
          parentId: body.parentId ?? null,
          actor,
        }),
      201,
    );
  });
}

/** This file's routes, for the typed client (`ApiOf`, route-types.ts). */
export const sheetRoutes = [
  showRoute,
  saveRoute,
  ...actionRoutes.map((a) => a.route),
  reviewCommentRoute,
  listCommentsRoute,
  addCommentRoute,
] as const;
