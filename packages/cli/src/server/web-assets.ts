/**
 * The built browser bundle: reads Vite's manifest (packages/web/dist/.vite)
 * to find the hashed entry script and its imports. Without a build the pages
 * are still served, server-rendered, without scripts.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { repoRoot } from '@mirai/app';
import type { Assets } from '@mirai/web';

export const webDist = () => resolve(repoRoot, 'packages/web/dist');
const ENTRY = 'src/client/main.tsx';

interface ManifestChunk {
  file: string;
  imports?: string[];
}

let cache: { mtime: number; assets: Assets } | undefined;

export function webAssets(): Assets {
  const file = resolve(webDist(), '.vite/manifest.json');
  if (!existsSync(file)) return { scripts: [] };
  const mtime = statSync(file).mtimeMs;
  if (cache?.mtime === mtime) return cache.assets;
  const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk>;
  const entry = manifest[ENTRY];
  const assets: Assets = entry
    ? {
        scripts: [`/assets/${entry.file}`],
        preload: (entry.imports ?? []).flatMap((k) => (manifest[k] ? [`/assets/${manifest[k].file}`] : [])),
      }
    : { scripts: [] };
  cache = { mtime, assets };
  return assets;
}
