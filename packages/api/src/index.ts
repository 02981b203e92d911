/** @mirai/api: the HTTP API. */

/** Read models the web pages render (types only; the web imports nothing else from the server). */
export type {
  ActualsGrid,
  AreaListView,
  AreaView,
  BrandView,
  Catalogue,
  DistrictsView,
  EvaluationSheetView,
  GoalTile,
  HappinessView,
  IndicatorDetail,
  IndicatorSummary,
  OutboxView,
  PartnerView,
  PlanProgress,
  PopulationView,
  PublicUser,
  PublishedRound,
  RelationshipPopulationView,
  ReportView,
  RoundStatus,
  SectoralCheckView,
  VoiceView,
  WorkshopView,
} from '@mirai/app';
export type { ApiEnv } from './api-env';
export type { GroupApi, RouteGroups } from './api-types';
export type { PageRefusal } from './auth/enforce-policy';
export type { ApiToken } from './auth/token-routes';
export { unknownHostKey } from './auth/unknown-host';
export * from './create-api';
export * from './error-mapper';
export * from './route-table';
export type { ApiOf, ResponseOf } from './route-types';
export type { NotificationAnswer } from './routes/notifications';
