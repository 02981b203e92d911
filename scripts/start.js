#!/usr/bin/env node
// `npm start`: builds the web assets and the command line when they are missing or older than
// their sources, then serves Mirai on the embedded database (migrated, and loaded with the
// default plan on first start) through @mirai/server. Extra arguments go to the server
// (--port, --host, --data-dir, --database-url, as `mirai serve`).
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const webDir = join(root, 'packages/web');

function newest(dir) {
  let t = 0;
  for (const name of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, name.name);
    t = Math.max(t, name.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const manifest = join(webDir, 'dist/.vite/manifest.json');
const clientEntry = join(webDir, 'src/client/main.tsx');
if (
  existsSync(clientEntry) &&
  (!existsSync(manifest) || statSync(manifest).mtimeMs < newest(join(webDir, 'src')))
) {
  console.log('Building the web assets…');
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(webDir, 'vite.config.ts')],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
}

// The command line (packages/cli/dist), so that `mirai` commands beside the server start quickly.
const { builtCli } = await import('../packages/cli/build/fresh.js');
if (!builtCli().entry) {
  console.log('Building the command line…');
  const { buildCli } = await import('../packages/cli/build/build.js');
  await buildCli();
}

// Serve in this same process, so signals (Ctrl-C, SIGTERM) reach the server directly.
const { serveFromArgs } = await import('../packages/server/start.js');
await serveFromArgs(process.argv.slice(2));
