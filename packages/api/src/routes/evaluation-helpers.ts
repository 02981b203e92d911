/** Shared bits of the evaluation routes: the acting evaluator, JSON helpers, result to response. */
import { authProblems, evaluationActorOf } from '@mirai/app';
import { type Actor, fail, type Result } from '@mirai/core';
import type { Context } from 'hono';
import type { ApiEnv } from '../api-env';
import { userActorOf } from '../auth/route-helpers';
import { type JsonAnswer, json, respond } from '../openapi-helpers';
import { errorSchema } from '../schemas';

export { json, jsonBody } from '../openapi-helpers';

export const errors = {
  401: json(errorSchema, 'Sign-in required'),
  403: json(errorSchema, 'Not allowed (role, or another department’s sheet)'),
  404: json(errorSchema, 'No such round or sheet'),
  409: json(errorSchema, 'Conflict: stale version, round closed or locked'),
  422: json(errorSchema, 'Invalid input: every problem with where it was found'),
};

/** The evaluation actor of the signed-in account; null for accounts outside the cycle (partners). */
export function evaluatorOf(c: Context<ApiEnv>): Actor | null {
  return evaluationActorOf(userActorOf(c));
}

/** Runs a use case as the acting evaluator (403 for accounts outside the cycle) and answers with `respond`. */
export async function respondAsEvaluator<T>(
  c: Context<ApiEnv>,
  run: (actor: Actor) => Promise<Result<T>>,
): Promise<JsonAnswer<T, 200>>;
export async function respondAsEvaluator<T, S extends 200 | 201 | 202>(
  c: Context<ApiEnv>,
  run: (actor: Actor) => Promise<Result<T>>,
  status: S,
): Promise<JsonAnswer<T, S>>;
export async function respondAsEvaluator<T, S extends 200 | 201 | 202>(
  c: Context<ApiEnv>,
  run: (actor: Actor) => Promise<Result<T>>,
  status?: S,
): Promise<JsonAnswer<T, S>> {
  const actor = evaluatorOf(c);
  const result: Result<T> = actor
    ? await run(actor)
    : fail(authProblems.forbidden.create({ action: 'evaluation', role: c.get('actor').role }));
  return respond(c, result, (status ?? 200) as S);
}
