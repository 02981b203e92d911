/** Builds the browser bundle when it is missing or older than its sources (as `npm start` does). */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const repoRoot = resolve(new URL('.', import.meta.url).pathname, '../..');
const webDir = join(repoRoot, 'packages/web');

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function ensureWebBuild(): void {
  const manifest = join(webDir, 'dist/.vite/manifest.json');
  if (existsSync(manifest) && statSync(manifest).mtimeMs >= newest(join(webDir, 'src'))) return;
  const r = spawnSync(
    process.execPath,
    [join(repoRoot, 'node_modules/vite/bin/vite.js'), 'build', '--config', join(webDir, 'vite.config.ts')],
    { cwd: repoRoot, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`vite build failed:\n${r.stdout}\n${r.stderr}`);
}
