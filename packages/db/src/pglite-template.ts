/**
 * An initialised, empty PGlite cluster kept as a template (made at install
 * time), so that a new data directory starts from a copy instead of running
 * initdb in WebAssembly (about 5 s on a small machine, against about 1 s).
 */
import {
  closeSync,
  cpSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

/** The template folder for this PGlite version (an upgrade makes a new template). */
export function templatePath(templateRoot: string): string {
  return join(templateRoot, `pglite-${pgliteVersion()}`);
}

let version: string | undefined;
function pgliteVersion(): string {
  if (version) return version;
  let dir = dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  version = (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
  return version;
}

/** Creates the template if it is missing; safe to run twice at once (the last rename wins). */
export async function ensureTemplate(templateRoot: string): Promise<string> {
  const path = templatePath(templateRoot);
  if (existsSync(path)) return path;
  mkdirSync(templateRoot, { recursive: true });
  const building = `${path}.building-${process.pid}`;
  const pg = await PGlite.create(building);
  await pg.close();
  rmSync(path, { recursive: true, force: true });
  renameSync(building, path);
  return path;
}

/** Copies the template into a new (missing or empty) data directory; false when there is no template. */
export function seedFromTemplate(dataDir: string, templateRoot: string): boolean {
  const path = templatePath(templateRoot);
  if (!existsSync(path)) return false;
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0) return false;
  mkdirSync(dirname(dataDir), { recursive: true });
  cpSync(path, dataDir, { recursive: true });
  syncTree(dataDir);
  return true;
}

/** fsync every file and directory of a freshly copied data directory (decision 0091). */
function syncTree(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) syncTree(full);
    else if (entry.isFile()) syncPath(full);
  }
  syncPath(dir);
}

function syncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}
