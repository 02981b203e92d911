// Every API route declares the schema of what it answers (zod, in its createRoute), and is in a
// route group of api-types.ts (the typed client's types); real answers match the declarations.
// Generic over the app's route list: routes added later are checked automatically.
import { type OpenAPIHono, type RouteConfig, z } from '@hono/zod-openapi';
import { contextFor, seedDefaultPlan } from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { routeGroups } from './api-types';
import { createTestAccount, sessionHeaders, testAuthSettings } from './auth/testing';
import { createApi } from './create-api';

const openApiPath = (honoPath: string) => honoPath.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');
const key = (method: string, path: string) => `${method.toUpperCase()} ${openApiPath(path)}`;

/** A schema that says nothing about the body: unknown/any, `{}`, a record or list of them, or a plain JSON schema. */
function opaque(schema: unknown): boolean {
  if (!(schema instanceof z.ZodType)) return true;
  const def = schema.def as {
    type: string;
    valueType?: unknown;
    element?: unknown;
    innerType?: unknown;
    shape?: object;
  };
  if (def.type === 'unknown' || def.type === 'any') return true;
  if (def.type === 'object') return Object.keys(def.shape ?? {}).length === 0;
  if (def.type === 'record') return opaque(def.valueType);
  if (def.type === 'array') return opaque(def.element);
  if (def.type === 'optional' || def.type === 'nullable') return opaque(def.innerType);
  return false;
}

const howToDeclare =
  'Declare what the route answers in its createRoute, for every success status, with a zod schema of the body:\n' +
  "  responses: { 200: json(thingSchema, 'The thing'), 404: json(errorSchema, 'No such thing') }\n" +
  '(json() is in packages/api/src/openapi-helpers.ts; a body-less answer is `204: { description }`, a file is\n' +
  "`200: { description, content: { 'text/csv': { schema: z.string() } } }`), and add the route to its file's\n" +
  '`…Routes` list (e.g. `export const jobRoutes = [listRoute, getRoute] as const`), which is a group in\n' +
  'packages/api/src/api-types.ts (a new route file: add its list there). See docs/architecture.md, "Types end to end".';

/** Every problem with one route's declaration (empty when it is complete). */
function declarationProblems(route: string, config: RouteConfig | undefined, grouped: boolean): string[] {
  if (!config) return [`${route}: registered without createRoute/app.openapi, so nothing is declared`];
  const problems: string[] = [];
  if (!grouped) problems.push(`${route}: not in any route group (its file's \`…Routes\` list)`);
  const responses = Object.entries(config.responses ?? {});
  if (!responses.some(([status]) => /^2\d\d$/.test(status)))
    problems.push(`${route}: no success (2xx) response declared`);
  // Every declared answer, success or error, says what its body is.
  for (const [status, response] of responses) {
    const content = (response as { content?: Record<string, { schema?: unknown }> }).content;
    if (!content) {
      if (!['204', '301', '302', '303'].includes(status))
        problems.push(`${route}: the ${status} answer declares no content`);
      continue;
    }
    for (const [mediaType, { schema }] of Object.entries(content)) {
      if (opaque(schema))
        problems.push(`${route}: the ${status} ${mediaType} answer's schema says nothing (z.unknown()…)`);
    }
  }
  return problems;
}

describeEachDatabase('response schemas', (t) => {
  let api: ReturnType<typeof createApi>;
  let declared: Map<string, RouteConfig>;
  let staff: Record<string, string>;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    api = createApi(ctx, { auth: { settings: testAuthSettings } });
    staff = await sessionHeaders(ctx, await createTestAccount(ctx, 'admin'));
    declared = new Map();
    for (const d of (api as unknown as OpenAPIHono).openAPIRegistry.definitions) {
      if (d.type === 'route') declared.set(key(d.route.method, d.route.path), d.route as RouteConfig);
    }
  });

  it('every route under /api declares its response schemas and is in a route group of the typed client', () => {
    const grouped = new Set(
      Object.values(routeGroups).flatMap((g) =>
        (g as readonly RouteConfig[]).map((r) => key(r.method, r.path)),
      ),
    );
    const handlers = [
      ...new Set(
        api.routes
          .filter((r) => r.method !== 'ALL' && /^\/(api\/|healthz|readyz)/.test(r.path))
          .map((r) => key(r.method, r.path)),
      ),
    ];
    expect(handlers.length).toBeGreaterThan(80);
    const problems = handlers.flatMap((route) =>
      declarationProblems(route, declared.get(route), grouped.has(route)).filter(
        () => !stillLoose.has(route),
      ),
    );
    expect(problems, `${problems.join('\n')}\n\n${howToDeclare}\n`).toEqual([]);
    // The list of routes still answering loosely only shrinks: a route declared since must leave it.
    const nowPrecise = [...stillLoose].filter(
      (r) => declarationProblems(r, declared.get(r), true).length === 0,
    );
    expect(nowPrecise, 'declared precisely now: remove from stillLoose').toEqual([]);
  });

  it('real answers of the readable routes match their declared schemas', async () => {
    const readable = [...declared.keys()].filter((k) => k.startsWith('GET ') && !k.includes('{'));
    const samples: [string, string][] = [
      ...readable.map((k): [string, string] => [k.slice(4), k]),
      ['/api/v1/fields/C-8', 'GET /api/v1/fields/{code}'],
      ['/api/v1/indicators/TOP-POPULATION', 'GET /api/v1/indicators/{code}'],
    ];
    const checked: string[] = [];
    for (const [path, route] of samples) {
      const config = declared.get(route)!;
      const res = await api.request(`http://localhost${path}`, { headers: staff });
      const content = (config.responses[res.status] as { content?: Record<string, { schema: z.ZodType }> })
        ?.content;
      const type = res.headers.get('content-type') ?? '';
      const declaredType = Object.keys(content ?? {}).find((m) => type.startsWith(m));
      expect(
        declaredType,
        `${path} answered ${res.status} ${type}, which ${route} does not declare`,
      ).toBeDefined();
      const schema = declaredType?.includes('json') ? content?.[declaredType]?.schema : undefined;
      if (!schema) continue;
      const parsed = schema.safeParse(await res.json());
      expect(parsed.success, `${path} → ${res.status}: ${parsed.error?.message}`).toBe(true);
      if (res.status < 300) checked.push(route);
    }
    expect(checked.length).toBeGreaterThan(15);
  });
});

/** Routes whose answers are still declared loosely (z.unknown()): to be declared, then removed here. */
const stillLoose = new Set<string>([]);
