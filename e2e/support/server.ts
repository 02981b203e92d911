/** A Mirai server for one test: a temporary embedded database, a free port, closed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppContext, createUser, type MailConfig, openApp } from '@mirai/app';
import { startServer } from '@mirai/server';
import { ensureWebBuild } from './build-web';

export interface TestServer {
  url: string;
  ctx: AppContext;
  /** Creates an account with a known password (at least 12 characters). */
  addUser(login: string, role: string, password: string, department?: string, email?: string): Promise<void>;
  close(): Promise<void>;
}

export async function startTestServer(opts: { mail?: MailConfig } = {}): Promise<TestServer> {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'mirai-e2e-'));
  const ctx = await openApp({ dataDir, ...(opts.mail ? { mail: opts.mail } : {}) });
  const server = await startServer(ctx, 0);
  return {
    url: server.url.replace(/\/$/, ''),
    ctx,
    addUser: async (login, role, password, department, email) => {
      const r = await createUser(
        ctx,
        {
          login,
          role,
          password,
          displayName: `${login} (e2e)`,
          ...(department ? { department } : {}),
          ...(email ? { email } : {}),
        },
        { actor: 'system:e2e' },
      );
      if (!r.ok) throw new Error(JSON.stringify(r.problems));
    },
    close: async () => {
      await server.close();
      await ctx.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
