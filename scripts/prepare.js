#!/usr/bin/env node
// Runs after `npm install`: builds the web assets and makes the PGlite template (an initialised
// empty cluster that new data directories are copied from), so that the first `npm start` is quick.
// Best effort: anything that fails here is done again, more slowly, by `npm start`.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
try {
  const vite = spawnSync(
    process.execPath,
    [
      join(root, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      join(root, 'packages/web/vite.config.ts'),
    ],
    { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  if (vite.status !== 0)
    console.warn(`mirai prepare: the web build failed; npm start will build it\n${vite.stderr}`);
  const { register } = await import('tsx/esm/api');
  register();
  const { ensureTemplate } = await import('../packages/db/src/pglite-template.ts');
  const path = await ensureTemplate(join(root, '.mirai-template'));
  console.log(`mirai prepare: web assets built; database template at ${path.replace(root, '')}`);
} catch (error) {
  console.warn(`mirai prepare: skipped (${error instanceof Error ? error.message : String(error)})`);
}
