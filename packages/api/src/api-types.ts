/**
 * The API's route groups, each with its app type for `hc` (hono/client).
 * The browser imports these types only; a client over one group keeps the
 * compiler's work to that group. Every registered route is in one group
 * (route-schemas.db.test.ts checks it).
 */
import { accountRoutes } from './auth/account-routes';
import { auditRoutes } from './auth/audit-routes';
import { sessionRoutes } from './auth/session-routes';
import { tokenRoutes } from './auth/token-routes';
import type { ApiOf } from './route-types';
import { areaRoutes } from './routes/areas';
import { calendarRoutes } from './routes/calendar';
import { partnerRoutes } from './routes/cocreation-partners';
import { voiceRoutes } from './routes/cocreation-voices';
import { workshopRoutes } from './routes/cocreation-workshops';
import { evaluationRoutes } from './routes/evaluation';
import { evaluationReviewRoutes } from './routes/evaluation-reviews';
import { sheetRoutes } from './routes/evaluation-sheets';
import { healthRoutes } from './routes/health';
import { indicatorRoutes } from './routes/indicators';
import { jobRoutes } from './routes/jobs';
import { mailOutboxRoutes } from './routes/mail-outbox';
import { metricsRoutes } from './routes/metrics';
import { notificationRoutes } from './routes/notifications';
import { openApiDocRoutes } from './routes/openapi-doc';
import { planRoutes } from './routes/plan';
import { populationRoutes } from './routes/population';
import { reportRoutes } from './routes/reports';
import { surveyRoutes } from './routes/surveys';

/** Every group, by name (runtime: the coverage test walks it). */
export const routeGroups = {
  accounts: accountRoutes,
  audit: auditRoutes,
  session: sessionRoutes,
  tokens: tokenRoutes,
  areas: areaRoutes,
  calendar: calendarRoutes,
  partners: partnerRoutes,
  voices: voiceRoutes,
  workshops: workshopRoutes,
  evaluation: evaluationRoutes,
  sheets: sheetRoutes,
  reviews: evaluationReviewRoutes,
  health: healthRoutes,
  indicators: indicatorRoutes,
  jobs: jobRoutes,
  mailOutbox: mailOutboxRoutes,
  metrics: metricsRoutes,
  notifications: notificationRoutes,
  openApiDoc: openApiDocRoutes,
  plan: planRoutes,
  population: populationRoutes,
  reports: reportRoutes,
  surveys: surveyRoutes,
} as const;

export type RouteGroups = typeof routeGroups;
/** The app type of one group, for `hc<GroupApi<'plan'>>(…)`. */
export type GroupApi<G extends keyof RouteGroups> = ApiOf<RouteGroups[G]>;
