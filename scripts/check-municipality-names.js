#!/usr/bin/env node
// Fails when a municipality's name, code or data file name appears in code outside data/ and
// tests: the default municipality is named only by data/default.json and the files it lists.
// Checked: packages/*/src and scripts (tests, test helpers and fixtures excepted).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// The shipped dataset's municipality, as people and files write it.
const words = ['shiojiri', '塩尻', 'しおじり', '20215'];
const pattern = new RegExp(words.join('|'), 'i');
const exempt = [
  /\.test\.tsx?$/,
  /\/testing\//,
  /\/fixtures\//,
  /test-fixtures\.ts$/,
  /\/r\/[^/]+\.R$/,
  /\/dist\//,
  /\/node_modules\//,
  /check-municipality-names\.js$/,
];
const code = /\.(ts|tsx|js|mjs|cjs)$/;

function* walk(dir) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) {
      if (e.name !== 'node_modules' && e.name !== 'dist') yield* walk(p);
    } else if (code.test(e.name)) yield p;
  }
}

const roots = [
  ...readdirSync(join(root, 'packages')).map((p) => join(root, 'packages', p, 'src')),
  join(root, 'scripts'),
].filter((d) => {
  try {
    return statSync(d).isDirectory();
  } catch {
    return false;
  }
});

const found = [];
for (const dir of roots) {
  for (const file of walk(dir)) {
    const rel = relative(root, file);
    if (exempt.some((x) => x.test(`/${rel}`))) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (pattern.test(line)) found.push(`${rel}:${i + 1}: ${line.trim()}`);
      });
  }
}
if (found.length > 0) {
  console.error('check-municipality-names: a municipality is named in code (name it in data/ only):');
  for (const f of found) console.error(`  ${f}`);
  process.exit(1);
}
console.log('check-municipality-names: no municipality named in code');
