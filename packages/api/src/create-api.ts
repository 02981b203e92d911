/**
 * Builds the HTTP API (Hono): security headers, authentication, the policy
 * check on every route, the routes, the one error mapper, OpenAPI. The
 * caller passes the application context, and may mount more (the web app).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import { type AppContext, publicReads } from '@mirai/app';
import type { ApiEnv } from './api-env';
import { type ApiAuthOptions, resolveAuthOptions } from './auth/auth-options';
import { authenticate } from './auth/authenticate';
import { enforcePolicy, type PageRefusal } from './auth/enforce-policy';
import { httpProblems, onHttpError } from './auth/http-problems';
import { registerAuthRoutes } from './auth/index';
import { readAudience } from './auth/read-audience';
import { securityHeaders } from './auth/security-headers';
import { textGuard } from './auth/text-guard';
import { unknownHostAnswer } from './auth/unknown-host';
import { notFound, problemResponse } from './error-mapper';
import { registerAreas } from './routes/areas';
import { registerCalendar } from './routes/calendar';
import { registerPartnerRoutes } from './routes/cocreation-partners';
import { registerVoiceRoutes } from './routes/cocreation-voices';
import { registerWorkshopRoutes } from './routes/cocreation-workshops';
import { registerEvaluation } from './routes/evaluation';
import { registerEvaluationReviews } from './routes/evaluation-reviews';
import { registerHealth } from './routes/health';
import { registerIndicators } from './routes/indicators';
import { registerJobs } from './routes/jobs';
import { registerMailOutbox } from './routes/mail-outbox';
import { type MetricsSource, registerMetrics } from './routes/metrics';
import { registerNotifications } from './routes/notifications';
import { registerOpenApiDoc } from './routes/openapi-doc';
import { registerPlan } from './routes/plan';
import { registerPopulation } from './routes/population';
import { registerReports } from './routes/reports';
import { registerSurveys } from './routes/surveys';
import { uploadBodyLimits } from './upload-routes';

export interface ApiOptions {
  /** Largest request body accepted, in bytes, for every route (tests); by default each upload kind's limit. */
  maxBodyBytes?: number;
  /** Sign-in, sessions, cookies, proxies. */
  auth?: ApiAuthOptions;
  /** How a refused page (declared with `declarePage`) is answered; JSON problems otherwise. */
  refusePage?: PageRefusal;
  /** Prometheus metrics of the process, served at GET /metrics (the server supplies them). */
  metrics?: MetricsSource;
}

export function createApi(ctx: AppContext, options: ApiOptions = {}) {
  const auth = resolveAuthOptions(options.auth);
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result, c) => {
      if (!result.success) {
        const issues = result.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
        const problem = httpProblems.invalidRequest.create({}, { path: issues[0]?.path ?? '' });
        return problemResponse(c, [{ ...problem, details: { issues } }]);
      }
    },
  });
  // HSTS when the request's municipality is served over HTTPS (decided by authenticate, below).
  app.use('*', securityHeaders({ hsts: (c) => c.get('auth')?.options.secureCookies ?? auth.secureCookies }));
  app.use('*', async (c, next) => {
    c.set('ctx', publicReads(ctx));
    await next();
  });
  app.use('/api/*', uploadBodyLimits(options.maxBodyBytes));
  app.use('*', authenticate(auth));
  app.use('*', enforcePolicy(options.refusePage));
  // After the gate: a host no municipality answers at gets its 404 here (decision 0147).
  app.use('*', unknownHostAnswer());
  app.use('/api/*', textGuard());
  app.use('*', readAudience(ctx));
  registerHealth(app);
  registerMetrics(app, options.metrics);
  registerPlan(app);
  registerCalendar(app);
  registerAreas(app);
  registerIndicators(app);
  registerSurveys(app);
  registerPopulation(app);
  registerEvaluation(app);
  registerEvaluationReviews(app);
  registerNotifications(app);
  registerMailOutbox(app);
  registerJobs(app);
  registerPartnerRoutes(app);
  registerVoiceRoutes(app);
  registerWorkshopRoutes(app);
  registerReports(app);
  registerAuthRoutes(app);
  registerOpenApiDoc(app);
  app.onError(onHttpError);
  app.notFound(notFound);
  return app;
}

export type MiraiApi = ReturnType<typeof createApi>;
