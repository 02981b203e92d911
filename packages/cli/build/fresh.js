// Whether the built command line (packages/cli/dist) is up to date with its sources. Read by the
// `mirai` bin at every run, so it imports nothing heavy: one JSON file and a stat of each input.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const cliRoot = new URL('..', import.meta.url).pathname;
export const repoRoot = join(cliRoot, '../..');
/** Where builds go; MIRAI_CLI_DIST moves it (tests build into a directory of their own). */
export const distDir = process.env.MIRAI_CLI_DIST || join(cliRoot, 'dist');
export const stampFile = join(distDir, 'build.json');

/**
 * A source changed less than this long before the build started counts as newer than the build
 * (file times may lag the clock by a tick): the next run builds again, which is harmless.
 */
export const MARGIN_MS = 1000;

/** The built entry's path when every input is older than the build, else why it is stale. */
export function builtCli() {
  if (!existsSync(stampFile)) return { stale: 'not built' };
  let stamp;
  try {
    stamp = JSON.parse(readFileSync(stampFile, 'utf8'));
  } catch {
    return { stale: 'unreadable build stamp' };
  }
  const entry = join(distDir, stamp.dir, 'main.js');
  if (!existsSync(entry)) return { stale: 'build output missing' };
  for (const input of stamp.inputs) {
    let mtime;
    try {
      mtime = statSync(join(repoRoot, input)).mtimeMs;
    } catch {
      return { stale: `${input} is gone` };
    }
    if (mtime > stamp.startedAt - MARGIN_MS) return { stale: `${input} changed` };
  }
  return { entry, dir: stamp.dir };
}
