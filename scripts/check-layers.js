#!/usr/bin/env node
// Fails when a package imports a layer it may not (see docs/architecture.md):
//   server -> api, web -> app -> db -> core ; cli -> app, core ; core -> nothing.
// The web app may import types only from api. The CLI loads the server only at run time,
// by a dynamic import of its entry (`mirai serve`, decision 0080), never statically.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const allowed = {
  core: [],
  db: ['core'],
  app: ['core', 'db'],
  api: ['core', 'app'],
  web: ['core'],
  server: ['core', 'app', 'api', 'web'],
  cli: ['core', 'app'],
};
const typeOnly = { web: ['api'] };
/** Packages loaded only by a dynamic `import('@mirai/…')` when needed. */
const runtimeOnly = { cli: ['server'] };
const nodeForbidden = new Set(['core', 'web']);

function* files(dir) {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (name === 'node_modules' || name === 'dist') continue;
    if (statSync(p).isDirectory()) yield* files(p);
    else if (/\.(ts|tsx)$/.test(name)) yield p;
  }
}

const errors = [];
// Each workspace declares the workspaces and kysely it imports (tests and type-only imports: devDependencies).
const declared = (pkg, dev) => {
  const json = JSON.parse(readFileSync(join(root, 'packages', pkg, 'package.json'), 'utf8'));
  return { ...json.dependencies, ...(dev ? json.devDependencies : {}) };
};
const mustDeclare = (spec) => /^(@mirai\/[a-z]+|kysely)(\/|$)/.exec(spec)?.[1];
const importRe =
  /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]|^\s*import\s+['"]([^'"]+)['"]/gm;
const dynamicRe = /\bimport\(\s*['"](@mirai\/[a-z]+)[^'"]*['"]\s*\)/g;
for (const pkg of Object.keys(allowed)) {
  const dir = join(root, 'packages', pkg, 'src');
  for (const file of files(dir)) {
    const text = readFileSync(file, 'utf8');
    const isTest = /\.test\.tsx?$/.test(file);
    for (const m of text.matchAll(importRe)) {
      const spec = m[3] ?? m[4];
      const isType = Boolean(m[2]);
      const rel = relative(root, file);
      const layer = /^@mirai\/([a-z]+)/.exec(spec)?.[1];
      const dep = mustDeclare(spec);
      if (dep && dep !== `@mirai/${pkg}` && !(dep in declared(pkg, isTest || isType))) {
        errors.push(`${relative(root, file)}: ${dep} is not declared in packages/${pkg}/package.json`);
      }
      if (layer && layer !== pkg) {
        // Tests may open a real database through @mirai/db in any layer above it.
        const testDb = isTest && layer === 'db' && pkg !== 'core';
        const ok = allowed[pkg].includes(layer) || (isType && typeOnly[pkg]?.includes(layer)) || testDb;
        if (!ok) errors.push(`${rel}: ${pkg} may not import @mirai/${layer}`);
      }
      if (
        !isTest &&
        nodeForbidden.has(pkg) &&
        (spec.startsWith('node:') || ['fs', 'path', 'os', 'child_process'].includes(spec))
      ) {
        errors.push(`${rel}: ${pkg} may not import Node API ${spec}`);
      }
    }
    for (const m of text.matchAll(dynamicRe)) {
      const layer = m[1].slice('@mirai/'.length);
      if (layer === pkg) continue;
      const ok = allowed[pkg].includes(layer) || runtimeOnly[pkg]?.includes(layer);
      if (!ok) errors.push(`${relative(root, file)}: ${pkg} may not load @mirai/${layer}`);
    }
  }
}
// The browser calls the API through one client, which adds the CSRF header once.
for (const file of files(join(root, 'packages/web/src'))) {
  if (file.endsWith('staff/api-client.ts') || /\.test\.tsx?$/.test(file)) continue;
  if (/\bfetch\(|'x-csrf-token'/.test(readFileSync(file, 'utf8')))
    errors.push(`${relative(root, file)}: call the API through staff/api-client.ts (apiClient)`);
}
if (errors.length > 0) {
  console.error(errors.join('\n'));
  console.error(`check-layers: ${errors.length} forbidden import(s)`);
  process.exit(1);
}
console.log('check-layers: imports flow one way');
