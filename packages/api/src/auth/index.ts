/** Authentication and authorisation for the API: middleware, cookies, routes. */
export * from './auth-options';
export * from './authenticate';
export * from './enforce-policy';
export * from './http-problems';
export * from './security-headers';

import type { OpenAPIHono } from '@hono/zod-openapi';
import type { ApiEnv } from '../api-env';
import { registerAccountRoutes } from './account-routes';
import { registerAuditRoutes } from './audit-routes';
import { registerSessionRoutes } from './session-routes';
import { registerTokenRoutes } from './token-routes';

export function registerAuthRoutes(app: OpenAPIHono<ApiEnv>) {
  registerSessionRoutes(app);
  registerAccountRoutes(app);
  registerTokenRoutes(app);
  registerAuditRoutes(app);
}
