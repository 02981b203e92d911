/** Hono environment: each request carries the application context. */
import type { AppContext } from '@mirai/app';

export interface ApiEnv {
  Variables: { ctx: AppContext };
}
