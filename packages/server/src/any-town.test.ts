// A made-up town with the classic structure (data/examples/midorino, SAMPLE) served on its own
// embedded database: every public page in both languages carries its names and nothing of Shiojiri.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestAccount, sessionHeaders } from '@mirai/api/testing';
import { type AppContext, importPlan, openApp } from '@mirai/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffPages } from './pages/staff-pages';
import { startServer } from './start-server';

const planFile = new URL('../../../data/examples/midorino/plan.yaml', import.meta.url);
const foreign = /塩尻|しおじり|Shiojiri|20215/g;

describe('a classic 10-year town on its own data directory', () => {
  let dir: string;
  let ctx: AppContext;
  let server: { url: string; close(): Promise<void> };
  const get = async (path: string) => {
    const res = await fetch(new URL(path, server.url));
    return { status: res.status, text: await res.text() };
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mirai-anytown-'));
    ctx = await openApp({ dataDir: join(dir, 'db'), noSeed: true });
    const r = await importPlan(ctx, readFileSync(planFile, 'utf8'), 'plan.yaml', { actor: 'test:anytown' });
    expect(r.ok).toBe(true);
    server = await startServer(ctx, 0);
  }, 120_000);
  afterAll(async () => {
    await server?.close();
    await ctx?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves every plan page with its own names and level names, and nothing of Shiojiri', async () => {
    const paths = [
      '/',
      '/calendar',
      '/open-data',
      '/open-data/plan.yaml',
      '/open-data/catalog.jsonld',
      '/contact',
      '/accessibility',
      ...['G1', 'G2', 'G3'].map((c) => `/strategies/${c}`),
      ...['G1-1', 'G1-2', 'G2-1', 'G2-2', 'G3-1', 'G3-2'].map((c) => `/fields/${c}`),
      ...['G1-1-01', 'G2-2-01', 'G3-1-01'].map((c) => `/measures/${c}`),
      ...['K-G1-1', 'K-G2-2', 'K-G3-1'].map((c) => `/indicators/${c}`),
    ];
    for (const path of paths) {
      for (const lang of ['ja', 'en']) {
        const page = await get(`${path}?lang=${lang}`);
        expect(page.status, path).toBe(200);
        expect(page.text.match(foreign), `${path} ${lang}`).toBeNull();
        expect(page.text, path).toContain('みどり野町');
      }
    }
    const home = (await get('/?lang=ja')).text;
    expect(home).toContain('（サンプル）第5次みどり野町総合計画 進捗');
    expect(home).toContain('基本目標の進み具合');
    expect(home).toContain('政策（');
    expect((await get('/fields/G1-1?lang=ja')).text).toContain('基本施策');
    expect((await get('/?lang=en')).text).toContain('basic goal items');
    expect((await get('/calendar?lang=en')).text).toContain('Review of the Basic plan');
    // The town's plan names no contact: the page says so, and names no other town's office.
    expect((await get('/contact?lang=ja')).text).toContain('連絡先は計画のデータにまだ登録されていません');
    // The open-data catalogue is the town's: its publisher, none of another municipality's tables.
    const list = JSON.parse((await get('/api/3/action/package_list')).text) as { result: string[] };
    expect(list.result).toContain('plan-structure');
    expect(list.result.filter((id) => id.startsWith('statistics-'))).toEqual([]);
    for (const id of list.result)
      expect((await get(`/open-data/datasets/${id}.csv`)).text.match(foreign), id).toBeNull();
    // The static files of another municipality are neither listed nor served.
    expect((await get('/open-data')).text).not.toContain('/open-data/files/');
    expect((await get('/open-data/files/shiojiri_census_1980_2015_sex_age5.csv')).status).toBe(404);
  });

  it('has its reviews at the end of its 前期 and 後期 基本計画', async () => {
    const res = await fetch(new URL('/api/v1/calendar', server.url));
    const years = (await res.json()) as { fiscalYear: number; events: string[] }[];
    expect(years.filter((y) => y.events.includes('medium-term-review')).map((y) => y.fiscalYear)).toEqual([
      2030, 2035,
    ]);
    const page = (await get('/calendar?lang=ja')).text;
    expect(page).toContain('前期基本計画');
    expect(page).toContain('後期基本計画');
    expect(page).toContain('基本計画の見直し評価');
  });

  it('opens every workspace page for its administrator as a page, with nothing of Shiojiri', async () => {
    const cookie = (await sessionHeaders(ctx, await createTestAccount(ctx, 'admin'))).cookie!;
    const paths = staffPages.map((e) => e.path).filter((p) => !p.includes(':') && p !== '/staff/login');
    expect(paths.length).toBeGreaterThan(15);
    for (const path of paths) {
      for (const lang of ['ja', 'en']) {
        const res = await fetch(new URL(`${path}?lang=${lang}`, server.url), { headers: { cookie } });
        const text = await res.text();
        expect(res.status, path).toBe(200);
        expect(res.headers.get('content-type'), path).toContain('text/html');
        expect(text.match(foreign), `${path} ${lang}`).toBeNull();
      }
    }
    // No population data stored: the workbench says so and how to import it, in a page.
    const wb = await (
      await fetch(new URL('/staff/scenarios?lang=ja', server.url), { headers: { cookie } })
    ).text();
    expect(wb).toContain('data-code="population/data-missing"');
    expect(wb).toContain('mirai population data import');
    // Before its first year has ended, the rounds page says which round comes next and from when.
    const rounds = await (
      await fetch(new URL('/staff/rounds?lang=ja', server.url), { headers: { cookie } })
    ).text();
    const now = new Date(Date.now() + 9 * 3600_000);
    const fy = now.getUTCMonth() >= 3 ? now.getUTCFullYear() : now.getUTCFullYear() - 1;
    if (fy <= 2026) expect(rounds).toMatch(/id="next-round"[\s\S]*令和8年度[\s\S]*令和9年4月1日/);
  });
});
