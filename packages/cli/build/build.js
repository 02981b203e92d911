#!/usr/bin/env node
// Builds the command line to JavaScript (decision 0083): one esbuild bundle of packages/cli/src
// and the workspace packages it imports, split at each command's dynamic import so that a run
// loads only its own command. Packages from node_modules stay external (PGlite, Excel, … keep
// their files and wasm where they are). Each build goes to its own directory under dist/ and is
// switched to by renaming dist/build.json, so runs that start during a build never see half of it.
// Run directly (`node packages/cli/build/build.js [--if-stale]`) or through buildCli().
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { builtCli, cliRoot, distDir, repoRoot, stampFile } from './fresh.js';

const OLD_BUILDS_KEPT_MS = 60 * 60 * 1000;

/**
 * Bundled sources that compute paths from `import.meta.url` (repoRoot, dataRoot, the PGlite
 * package) would compute them from the bundle's place instead. Each such use is rewritten to the
 * source file's own URL, found relative to the bundle, so the paths stay right wherever the
 * repository lies.
 */
function sourceUrls(outdir) {
  return {
    name: 'source-import-meta-url',
    setup(build) {
      build.onLoad({ filter: /\.tsx?$/ }, async (args) => {
        if (args.path.includes('/node_modules/')) return undefined;
        const { readFile } = await import('node:fs/promises');
        const text = await readFile(args.path, 'utf8');
        if (!text.includes('import.meta.url')) return undefined;
        const rel = JSON.stringify(relative(outdir, args.path));
        return {
          contents: text.replaceAll('import.meta.url', `new URL(${rel}, import.meta.url).href`),
          loader: args.path.endsWith('x') ? 'tsx' : 'ts',
        };
      });
    },
  };
}

/** Workspace packages (@mirai/*) are bundled; everything from node_modules stays external. */
const externals = {
  name: 'externals',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      // The server is loaded by `mirai serve` only, through its own entry (decision 0080).
      if (args.path.startsWith('@mirai/') && !args.path.startsWith('@mirai/server')) return undefined;
      return { path: args.path, external: true };
    });
  },
};

/** Builds into a new directory under dist/ and makes it current; returns the entry's path. */
export async function buildCli() {
  const esbuild = await import('esbuild');
  const startedAt = Date.now();
  const dir = `${startedAt}-${process.pid}`;
  const outdir = join(distDir, dir);
  const result = await esbuild.build({
    entryPoints: { main: join(cliRoot, 'src/main.ts') },
    absWorkingDir: repoRoot,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    outdir,
    chunkNames: 'chunk-[hash]',
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'error',
    plugins: [externals, sourceUrls(outdir)],
  });
  const sources = Object.keys(result.metafile.inputs).filter((p) => !p.includes('node_modules/'));
  const workspaces = [...new Set(sources.map((p) => p.split('/').slice(0, 2).join('/')))];
  const inputs = [
    ...sources,
    ...workspaces.map((w) => `${w}/package.json`),
    'tsconfig.base.json',
    relative(repoRoot, fileURLToPath(import.meta.url)),
    relative(repoRoot, join(dirname(fileURLToPath(import.meta.url)), 'fresh.js')),
  ];
  writeFileSync(join(outdir, 'meta.json'), JSON.stringify(result.metafile));
  const tmp = `${stampFile}.${process.pid}`;
  writeFileSync(tmp, `${JSON.stringify({ dir, startedAt, inputs }, null, 1)}\n`);
  renameSync(tmp, stampFile);
  removeOldBuilds(dir);
  return join(outdir, 'main.js');
}

/** Removes earlier builds that no run can still be using. */
function removeOldBuilds(current) {
  for (const d of readdirSync(distDir, { withFileTypes: true })) {
    if (!d.isDirectory() || d.name === current) continue;
    const p = join(distDir, d.name);
    if (Date.now() - statSync(p).mtimeMs > OLD_BUILDS_KEPT_MS) rmSync(p, { recursive: true, force: true });
  }
}

/** Builds unless the current build is up to date; returns the entry's path. */
export async function ensureCli() {
  const built = builtCli();
  return built.entry ?? (await buildCli());
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(distDir, { recursive: true });
  const t = Date.now();
  const ifStale = process.argv.includes('--if-stale');
  const before = builtCli();
  if (ifStale && before.entry) console.log('mirai: the command line is up to date');
  else {
    await buildCli();
    console.log(`mirai: built the command line in ${Date.now() - t} ms (${relative(repoRoot, distDir)})`);
  }
}
