/**
 * Builds the HTTP API (Hono): routes, the one error mapper, OpenAPI. The
 * caller passes the application context, and may mount more (the web app).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppContext } from '@mirai/app';
import { bodyLimit } from 'hono/body-limit';
import type { ApiEnv } from './api-env';
import { errorBody, notFound, onError } from './error-mapper';
import { withPolicy } from './route-table';
import { registerCalendar } from './routes/calendar';
import { registerHealth } from './routes/health';
import { registerIndicators } from './routes/indicators';
import { registerPlan } from './routes/plan';

export interface ApiOptions {
  /** Largest request body accepted, in bytes (default 20 MB for xlsx uploads). */
  maxBodyBytes?: number;
}

export function createApi(ctx: AppContext, options: ApiOptions = {}) {
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues;
        return c.json(
          errorBody([
            {
              code: 'request/invalid',
              kind: 'invalid',
              message: { ja: 'リクエストの内容が正しくありません', en: 'The request is not valid' },
              details: { issues: issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
            },
          ]),
          422,
        );
      }
    },
  });
  app.use('*', async (c, next) => {
    c.set('ctx', ctx);
    await next();
  });
  app.use('/api/*', bodyLimit({ maxSize: options.maxBodyBytes ?? 20 * 1024 * 1024 }));
  registerHealth(app);
  registerPlan(app);
  registerCalendar(app);
  registerIndicators(app);
  withPolicy('public', { method: 'get', path: '/api/v1/openapi.json', responses: {} });
  app.doc31('/api/v1/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Mirai API',
      version: '1',
      description:
        '総合計画の運用システム Mirai の API / API of Mirai, a system for running a comprehensive plan',
    },
  });
  app.onError(onError);
  app.notFound(notFound);
  return app;
}

export type MiraiApi = ReturnType<typeof createApi>;
