/**
 * The built command line (decision 0083): the bin runs the build only while it is newer than every
 * source it was made from, rebuilds (or runs the sources) otherwise, and a command's build loads
 * only what that command needs.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const cliRoot = resolve(new URL('.', import.meta.url).pathname, '..');
const bin = join(cliRoot, 'bin/mirai.js');
const dist = mkdtempSync(join(tmpdir(), 'mirai-cli-dist-'));
const env = { ...process.env, MIRAI_CLI_DIST: dist, DATABASE_URL: '' };
const run = (args: string[], extra: Record<string, string> = {}) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', env: { ...env, ...extra } });
const stamp = () => JSON.parse(readFileSync(join(dist, 'build.json'), 'utf8'));

beforeAll(() => {
  const r = spawnSync(process.execPath, [join(cliRoot, 'build/build.js')], { encoding: 'utf8', env });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => rmSync(dist, { recursive: true, force: true }));

describe('the mirai bin and its build', () => {
  it('runs the build while it is fresh, and never once a source it was built from is newer', () => {
    const built = stamp();
    // Mark the build so that running it shows: a fresh build is what the bin runs.
    writeFileSync(
      join(dist, built.dir, 'main.js'),
      'export const main = async () => { console.log("MARKED BUILD"); return 0; };\n',
    );
    expect(run(['--help']).stdout).toContain('MARKED BUILD');

    // Touch one source: the marked build is now stale and must not run.
    const source = join(cliRoot, 'src/output.ts');
    const { atime, mtime } = statSync(source);
    try {
      utimesSync(source, new Date(), new Date());
      const r = run(['--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).not.toContain('MARKED BUILD');
      expect(r.stdout).toContain('calendar');
      expect(stamp().dir).not.toBe(built.dir); // it built again
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(run(['--help']).stdout).not.toContain('MARKED BUILD');
  });

  it('runs the sources through tsx when the build is stale and cannot be made', () => {
    const r = run(['--help'], { MIRAI_CLI_DIST: join(dist, 'build.json', 'not-a-directory') });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('running the sources');
    expect(r.stdout).toContain('calendar');
  });

  it('loads no command module for --help, and neither the database, Excel, charts, Chromium, React nor server drivers for calendar', () => {
    const meta = JSON.parse(readFileSync(join(dist, stamp().dir, 'meta.json'), 'utf8'));
    const outputs: Record<
      string,
      { entryPoint?: string; imports: { path: string; kind: string; external?: boolean }[] }
    > = meta.outputs;
    /** Packages a command's chunk loads before it runs: its static imports, followed through chunks. */
    const loaded = (entry: string) => {
      const start = Object.keys(outputs).find((o) => outputs[o]?.entryPoint === entry);
      expect(start, entry).toBeDefined();
      const seen = new Set([start as string]);
      const packages = new Set<string>();
      const todo = [start as string];
      while (todo.length > 0) {
        for (const i of outputs[todo.pop() as string]?.imports ?? []) {
          if (i.kind !== 'import-statement') continue;
          if (i.external) packages.add(i.path);
          else if (!seen.has(i.path)) {
            seen.add(i.path);
            todo.push(i.path);
          }
        }
      }
      return [...packages].filter((p) => !p.startsWith('node:')).sort();
    };
    expect(loaded('packages/cli/src/main.ts')).toEqual(['commander']);
    const heavy =
      /^(exceljs|echarts|playwright-core|react|react-dom|pg|pg-boss|nodemailer|hono|@mirai\/server)(\/|$)/;
    const calendar = loaded('packages/cli/src/commands/calendar.ts');
    // Unchanged since its last read, it answers from the closed snapshot: no database code loads
    // (PGlite and Kysely come in through a dynamic import when it must open the database).
    expect(calendar.filter((p) => /pglite|kysely/.test(p))).toEqual([]);
    expect(calendar.filter((p) => heavy.test(p))).toEqual([]);
    // `mirai survey estimate` loads both modules registered under `survey`: neither loads the
    // application (database, logger, plan schemas); the wave commands import it when they run.
    const app = /^(@electric-sql\/pglite|kysely|pino|zod|yaml|csv-parse|iconv-lite)(\/|$)/;
    for (const module of ['survey.ts', 'survey-waves.ts']) {
      const survey = loaded(`packages/cli/src/commands/${module}`);
      expect(survey.filter((p) => heavy.test(p) || app.test(p))).toEqual([]);
    }
  });
});
