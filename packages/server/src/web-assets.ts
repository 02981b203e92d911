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
const ENTRIES = { public: 'src/client/main.tsx', staff: 'src/client/staff.tsx' } as const;

interface ManifestChunk {
  file: string;
  imports?: string[];
}

let cache: { mtime: number; manifest: Record<string, ManifestChunk> } | undefined;

/** Every chunk an entry imports statically, depth first (for modulepreload). */
function importsOf(manifest: Record<string, ManifestChunk>, key: string, seen = new Set<string>()): string[] {
  for (const k of manifest[key]?.imports ?? []) {
    if (seen.has(k)) continue;
    seen.add(k);
    importsOf(manifest, k, seen);
  }
  return [...seen];
}

export function webAssets(bundle: keyof typeof ENTRIES = 'public'): Assets {
  const file = resolve(webDist(), '.vite/manifest.json');
  if (!existsSync(file)) return { scripts: [] };
  const mtime = statSync(file).mtimeMs;
  if (cache?.mtime !== mtime)
    cache = { mtime, manifest: JSON.parse(readFileSync(file, 'utf8')) as Record<string, ManifestChunk> };
  const { manifest } = cache;
  const entry = manifest[ENTRIES[bundle]];
  return entry
    ? {
        scripts: [`/assets/${entry.file}`],
        preload: importsOf(manifest, ENTRIES[bundle]).flatMap((k) =>
          manifest[k] ? [`/assets/${manifest[k].file}`] : [],
        ),
      }
    : { scripts: [] };
}
