/** A Mirai server for one test: a temporary embedded database, a free port, closed afterwards. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openApp } from '@mirai/app';
import { startServer } from '../../packages/cli/src/server/start-server';
import { ensureWebBuild } from './build-web';

export interface TestServer {
  url: string;
  close(): Promise<void>;
}

export async function startTestServer(): Promise<TestServer> {
  ensureWebBuild();
  const dataDir = mkdtempSync(join(tmpdir(), 'mirai-e2e-'));
  const ctx = await openApp({ dataDir });
  const server = await startServer(ctx, 0);
  return {
    url: server.url.replace(/\/$/, ''),
    close: async () => {
      await server.close();
      await ctx.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
