/**
 * First start: when the database has no account at all, create the
 * administrator `admin` with a one-time password that must be changed at
 * first sign-in. Returns the password once; on later starts there is an
 * account, so nothing is created and nothing is returned.
 */
import { countUsers } from '@mirai/db';
import type { AppContext } from '../context';
import type { AuthSettings } from './auth-settings';
import { createUser } from './users';

export async function bootstrapFirstAdmin(
  ctx: AppContext,
  settings: Partial<AuthSettings> = {},
): Promise<{ login: string; oneTimePassword: string } | undefined> {
  if ((await countUsers(ctx.database.db)) > 0) return undefined;
  const created = await createUser(
    ctx,
    { login: 'admin', displayName: 'システム管理者 / Administrator', role: 'admin' },
    { actor: 'system:bootstrap', settings },
  );
  // Lost a race with another process starting at the same moment: it printed the password.
  if (!created.ok || !created.value.oneTimePassword) return undefined;
  return { login: created.value.user.login, oneTimePassword: created.value.oneTimePassword };
}
