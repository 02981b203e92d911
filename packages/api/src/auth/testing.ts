/**
 * Test helpers: accounts of any role and their credentials (a session cookie
 * with its CSRF header, or a bearer token), on the real database. Uses a
 * cheap scrypt cost so suites stay fast; production uses the default.
 */
import {
  type AccountRole,
  type AppContext,
  type AuthSettings,
  createApiToken,
  createUser,
  getAccount,
  login,
} from '@mirai/app';

export const testAuthSettings: Partial<AuthSettings> = { scrypt: { log2N: 10, r: 8, p: 1 } };

let counter = 0;

export interface TestAccount {
  id: number;
  login: string;
  password: string;
  role: AccountRole;
}

export async function createTestAccount(
  ctx: AppContext,
  role: AccountRole,
  extra: { department?: string; links?: string[]; login?: string } = {},
): Promise<TestAccount> {
  counter += 1;
  const name = extra.login ?? `t-${role}-${process.pid}-${counter}`;
  const password = `pw-${name}-long-enough`;
  const r = await createUser(
    ctx,
    {
      login: name,
      role,
      password,
      ...(extra.department ? { department: extra.department } : {}),
      ...(extra.links ? { links: extra.links } : {}),
    },
    { actor: 'test', settings: testAuthSettings },
  );
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return { id: r.value.user.id, login: name, password, role };
}

/** Headers of a fresh browser session: the cookie and the CSRF token. */
export async function sessionHeaders(ctx: AppContext, account: TestAccount): Promise<Record<string, string>> {
  const r = await login(ctx, { login: account.login, password: account.password }, testAuthSettings);
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return { cookie: `mirai_session=${r.value.token}`, 'x-csrf-token': r.value.csrfToken };
}

/** The Authorization header of a new API token of the account (scopes default to everything its role may do). */
export async function bearerHeaders(
  ctx: AppContext,
  account: TestAccount,
  scopes: string[] = ['*'],
): Promise<Record<string, string>> {
  const user = await getAccount(ctx, account.id);
  if (!user) throw new Error(`no account ${account.id}`);
  const owner = {
    kind: 'user' as const,
    via: 'session' as const,
    userId: user.id,
    login: user.login,
    role: account.role,
    department: user.department,
    links: user.links,
    mustChangePassword: false,
  };
  const r = await createApiToken(ctx, owner, { name: 'test', scopes }, { actor: 'test' });
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return { authorization: `Bearer ${r.value.secret}` };
}
