#!/usr/bin/env node
// Runs the benchmarks: every bench/<name>/run.ts, or only those named on the command line.
// Each benchmark writes its figures to bench/results/<name>.json and .md.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const wanted = process.argv.slice(2);
const names = readdirSync(join(root, 'bench'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && d.name !== 'results' && existsSync(join(root, 'bench', d.name, 'run.ts')))
  .map((d) => d.name)
  .filter((n) => wanted.length === 0 || wanted.includes(n))
  .sort();
let failed = 0;
for (const name of names) {
  console.log(`\n=== bench ${name}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('bench', name, 'run.ts')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (r.status !== 0) failed++;
}
console.log(`\n${names.length - failed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;
