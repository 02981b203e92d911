/** @mirai/api: the HTTP API. */

export type { ApiEnv } from './api-env';
export * from './create-api';
export * from './error-mapper';
export * from './route-table';
