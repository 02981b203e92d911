/** A Mirai server for one test: a temporary embedded database, a free port, closed afterwards. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type AppContext, createUser, importPlan, type MailConfig, openApp } from '@mirai/app';
import { startServer } from '@mirai/server';
import { ensureWebBuild } from './build-web';

export interface TestServer {
  url: string;
  ctx: AppContext;
  /** Creates an account with a known password (at least 12 characters). */
  addUser(login: string, role: string, password: string, department?: string, email?: string): Promise<void>;
  close(): Promise<void>;
}

/** `plan`: a plan file loaded instead of the default data (e.g. data/examples/midorino/plan.yaml). */
export async function startTestServer(opts: { mail?: MailConfig; plan?: string } = {}): Promise<TestServer> {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'mirai-e2e-'));
  const ctx = await openApp({
    dataDir,
    ...(opts.mail ? { mail: opts.mail } : {}),
    ...(opts.plan ? { noSeed: true } : {}),
  });
  if (opts.plan) {
    const r = await importPlan(ctx, readFileSync(opts.plan, 'utf8'), opts.plan, { actor: 'system:e2e' });
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
  }
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
