#!/usr/bin/env node
// Runs after `npm install`: builds the web assets and the command line (packages/cli/dist, decision
// 0083), and makes the PGlite template (an initialised empty cluster that new data directories are
// copied from), so that the first `npm start` and every `mirai` command are quick.
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
  try {
    const { buildCli } = await import('../packages/cli/build/build.js');
    await buildCli();
  } catch (error) {
    console.warn(
      `mirai prepare: the command line build failed; mirai will build it or run the sources\n${error}`,
    );
  }
  const { register } = await import('tsx/esm/api');
  register();
  const { ensureTemplate } = await import('../packages/db/src/pglite-template.ts');
  const path = await ensureTemplate(join(root, '.mirai-template'));
  console.log(
    `mirai prepare: web assets and command line built; database template at ${path.replace(root, '')}`,
  );
} catch (error) {
  console.warn(`mirai prepare: skipped (${error instanceof Error ? error.message : String(error)})`);
}
