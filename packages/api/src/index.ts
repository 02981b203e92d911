/** @mirai/api: the HTTP API. */
export * from './create-api';
export * from './error-mapper';
export * from './route-table';
export type { ApiEnv } from './api-env';
