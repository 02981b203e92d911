/**
 * The API's types for its callers. Each route file lists its routes in one
 * `…Routes` tuple (`[listRoute, getRoute] as const`); `ApiOf` turns such a
 * tuple into the Hono app type those routes give (path → method → input and
 * the declared responses), which `hc` (hono/client) reads. The test in
 * route-schemas.db.test.ts checks that every registered route is listed.
 * Groups stay separate so a caller's client type (and tsc) carries only the
 * group it calls.
 */
import type { OpenAPIHono, RouteConfig, z } from '@hono/zod-openapi';
import type { ApiEnv } from './api-env';

declare const anApp: OpenAPIHono<ApiEnv>;

/** The schema one route adds to the app: exactly what `app.openapi(route, …)` adds. */
type SchemaOf<R extends RouteConfig> =
  ReturnType<typeof anApp.openapi<R>> extends OpenAPIHono<ApiEnv, infer S> ? S : never;

type Intersect<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** The app type of a group of routes (a tuple of `createRoute` configs), for `hc<ApiOf<typeof xRoutes>>`. */
export type ApiOf<Routes extends readonly RouteConfig[]> = OpenAPIHono<
  ApiEnv,
  Intersect<{ [K in keyof Routes]: SchemaOf<Routes[K]> }[number]> & {}
>;

/** The JSON body a route declares for a status (default 200). */
export type ResponseOf<
  R extends RouteConfig,
  Status extends keyof R['responses'] = 200,
> = R['responses'][Status] extends {
  content: { 'application/json': { schema: infer S extends z.ZodType } };
}
  ? z.infer<S>
  : never;
