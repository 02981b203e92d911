/** Hono environment: each request carries the application context and who is acting. */
import type { Actor, AppContext } from '@mirai/app';
import type { AuthState } from './auth/auth-options';

export interface ApiEnv {
  Variables: { ctx: AppContext; actor: Actor; auth: AuthState };
}
