// One set of numbers (issue #14): every public page, in both languages, fetched over HTTP from
// the real server; every figure marked with what it is (`data-figure`, core figureKey) must read
// the same wherever it appears. A page that computes a figure differently fails here.
import { contextFor, getPlanTree, seedDefaultPlan } from '@mirai/app';
import { importSampleEvidenceWaves, SAMPLE_PUBLISHED_WAVE } from '@mirai/app/survey-testing';
import { describeEachDatabase } from '@mirai/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publicPages } from './pages/public-pages';
import { startServer } from './start-server';

/** Every marked figure of a page: key → the figure as printed (digits, sign and point only). */
export function figuresOf(html: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of html.matchAll(/<[^>]*\sdata-figure="([^"]+)"[^>]*>([^<]*)</g)) {
    const value = (m[2] ?? '').replace(/−/g, '-').replace(/[^0-9.-]/g, '');
    for (const key of (m[1] ?? '').split(' ')) if (key) out.push([key, value]);
  }
  return out;
}

it('reads figures from the markup, several keys per figure', () => {
  expect(
    figuresOf(
      '<p><span data-figure="A:census:2020 A:baseline:2020">67,241</span> <b data-figure="B:x:1">−1.5</b></p>',
    ),
  ).toEqual([
    ['A:census:2020', '67241'],
    ['A:baseline:2020', '67241'],
    ['B:x:1', '-1.5'],
  ]);
});

describeEachDatabase('the same figure on every page', (t) => {
  let server: { url: string; close: () => Promise<void> };
  let paths: string[] = [];
  let districtCode = '';

  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    // A published (sample) survey wave, so happiness by district shows on the happiness and area pages.
    await importSampleEvidenceWaves(ctx);
    server = await startServer(ctx, 0);
    const tree = await getPlanTree(ctx);
    if (!tree.ok) throw new Error('no plan');
    const { strategies, areas } = tree.value;
    const fields = strategies.flatMap((s) => s.fields);
    const plan = await import('@mirai/app').then((m) => m.getCurrentPlan(ctx));
    if (!plan.ok) throw new Error('no plan');
    districtCode = areas.find((a) => a.layer === 'district')?.code ?? '';
    const codes: Record<string, string[]> = {
      '/strategies/:code': strategies.map((s) => s.code),
      '/fields/:code': fields.map((f) => f.code),
      '/measures/:code': fields.flatMap((f) => f.measures.map((m) => m.code)),
      '/indicators/:code': plan.value.document.indicators.map((i) => i.code),
      '/districts/:code': areas.filter((a) => a.layer === 'district').map((a) => a.code),
      '/areas/:code': areas.map((a) => a.code),
    };
    const pages = [
      ...publicPages.map((l) => l.path),
      '/areas',
      '/areas/:code',
      '/brand',
      '/sectoral-plans',
    ].flatMap((p) => (p.includes(':') ? (codes[p] ?? []).map((c) => p.replace(':code', c)) : [p]));
    paths = [...new Set(pages)].flatMap((p) => [p, `${p}${p.includes('?') ? '&' : '?'}lang=en`]);
    expect(paths.length).toBeGreaterThan(60);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('every figure that appears on two pages reads the same on both', async () => {
    const seen = new Map<string, Map<string, string[]>>();
    for (const p of paths) {
      const res = await fetch(new URL(p, server.url));
      expect(res.status, p).toBe(200);
      for (const [key, value] of figuresOf(await res.text())) {
        const byValue = seen.get(key) ?? new Map<string, string[]>();
        byValue.set(value, [...(byValue.get(value) ?? []), p]);
        seen.set(key, byValue);
      }
    }
    const disagreements = [...seen.entries()]
      .filter(([, byValue]) => byValue.size > 1)
      .map(
        ([key, byValue]) =>
          `${key}: ${[...byValue.entries()].map(([v, ps]) => `${v} on ${ps.slice(0, 3).join(', ')}`).join(' | ')}`,
      );
    expect(disagreements).toEqual([]);

    // Not vacuous: the figures the issue names are marked on every page that prints them.
    const pagesOf = (key: string) =>
      new Set([...(seen.get(key)?.values() ?? [])].flat().map((p) => p.split('?')[0]));
    expect([...pagesOf('TOP-POPULATION:census:2020')]).toEqual(
      expect.arrayContaining(['/', '/population', '/areas/CITY', '/indicators/TOP-POPULATION']),
    );
    expect([...pagesOf('TOP-POPULATION:ipss2018:2045')]).toEqual(
      expect.arrayContaining(['/population', '/areas/CITY']),
    );
    expect([...pagesOf('TOP-POPULATION:target:2032')]).toEqual(
      expect.arrayContaining(['/', '/population', '/indicators/TOP-POPULATION']),
    );
    expect([...pagesOf('TOP-POPULATION:citybaseline2020:2032')]).toEqual(
      expect.arrayContaining(['/', '/population']),
    );
    expect([...pagesOf(`TOP-POPULATION@${districtCode}:districts:2045`)]).toEqual(
      expect.arrayContaining([`/districts/${districtCode}`, `/areas/${districtCode}`]),
    );
    expect([...pagesOf('TOP-HAPPINESS:target:2032')].length).toBeGreaterThanOrEqual(3);
    // Evidence (issue #14 item 5): a district's happiness from the published wave, on the happiness
    // page's district table and on the district's area page; the target beside the chance of reaching it.
    const shownDistrict = [...seen.keys()].find(
      (k) => k.endsWith(`:survey:${SAMPLE_PUBLISHED_WAVE}`) && pagesOf(k).has('/happiness'),
    );
    expect(shownDistrict).toBeDefined();
    const area = shownDistrict?.split(':')[0]?.split('@')[1];
    expect([...pagesOf(shownDistrict ?? '')]).toEqual(
      expect.arrayContaining(['/happiness', `/areas/${area}`]),
    );
    expect([...pagesOf('TOP-POPULATION:reachprobability:2032')]).toEqual(['/population']);
    const shared = [...seen.keys()].filter((k) => pagesOf(k).size > 1);
    expect(shared.length).toBeGreaterThan(30);
  });
});
