// The evidence sections over HTTP from the real server, in both languages: before any wave is
// published the happiness page says so; after, it shows the drivers (chart + table) and the district
// and age tables from the published wave (the newer draft's code never appears), with the small
// district suppressed; the population page shows the probabilistic bands and the chance of
// reaching the plan's target as the read model computed it, and the Cabinet Office patterns.
import {
  contextFor,
  getHappinessEvidence,
  getPopulationView,
  publicReads,
  seedDefaultPlan,
} from '@mirai/app';
import {
  importSampleEvidenceWaves,
  SAMPLE_DRAFT_WAVE,
  SAMPLE_PUBLISHED_WAVE,
} from '@mirai/app/survey-testing';
import { describeEachDatabase } from '@mirai/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startServer } from './start-server';

/** Marked figures of a page as printed (digits, sign and point), as the cross-page test reads them. */
function figuresOf(html: string): [string, string][] {
  const out: [string, string][] = [];
  for (const m of html.matchAll(/<[^>]*\sdata-figure="([^"]+)"[^>]*>([^<]*)</g)) {
    const value = (m[2] ?? '').replace(/−/g, '-').replace(/[^0-9.-]/g, '');
    for (const key of (m[1] ?? '').split(' ')) if (key) out.push([key, value]);
  }
  return out;
}

describeEachDatabase('evidence on the public pages', (t) => {
  let server: { url: string; close: () => Promise<void> };
  const ctx = () => contextFor(t.handle);
  const page = async (path: string) => {
    const res = await fetch(new URL(path, server.url));
    expect(res.status, path).toBe(200);
    return res.text();
  };
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    server = await startServer(ctx(), 0);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('happiness: says when no wave is published, then shows drivers and tables from the published wave only', async () => {
    const before = await page('/happiness?lang=en');
    expect(before).toContain('No survey wave is published yet');
    expect(before).not.toContain('id="by-group"');
    const districts = await importSampleEvidenceWaves(ctx());
    const e = await getHappinessEvidence(publicReads(ctx()));
    if (!e.ok || !e.value || !('shares' in e.value.drivers)) throw new Error('evidence');
    for (const lang of ['ja', 'en']) {
      const html = await page(`/happiness?lang=${lang}`);
      expect(html).toContain('id="drivers"');
      expect(html).toContain('id="by-group"');
      expect(html).toContain('data-chart="interval-bar"');
      expect(html).toContain(SAMPLE_PUBLISHED_WAVE);
      expect(html).not.toContain(SAMPLE_DRAFT_WAVE);
      // The drivers' table prints the read model's LMG (in percent, one decimal) for each question.
      const figures = new Map(figuresOf(html));
      for (const s of e.value.drivers.shares)
        expect(figures.get(`TOP-HAPPINESS:lmg${s.code}:${SAMPLE_PUBLISHED_WAVE}`)).toBe(
          (100 * s.lmg).toFixed(1),
        );
      // The first district has 4 respondents: suppressed, its row has no estimate.
      const row = new RegExp(`<tr data-suppressed="true"><th scope="row"><a href="/areas/${districts[0]}"`);
      expect(html).toMatch(row);
      expect(figures.has(`TOP-HAPPINESS@${districts[0]}:survey:${SAMPLE_PUBLISHED_WAVE}`)).toBe(false);
      expect(figures.has(`TOP-HAPPINESS@${districts[1]}:survey:${SAMPLE_PUBLISHED_WAVE}`)).toBe(true);
    }
  });

  it('population: bands, the chance of reaching the target, the Cabinet Office patterns', async () => {
    const v = await getPopulationView(publicReads(ctx()));
    if (!v.ok || !v.value.probabilistic?.reach) throw new Error('view');
    const reach = v.value.probabilistic.reach;
    for (const lang of ['ja', 'en']) {
      const html = await page(`/population?lang=${lang}`);
      expect(html).toContain('id="probabilistic"');
      const figures = new Map(figuresOf(html));
      expect(figures.get(`TOP-POPULATION:reachprobability:${reach.year}`)).toBe(
        String(Math.round(100 * reach.probability)),
      );
      const median = v.value.probabilistic.bands.find((b) => b.year === 2045)?.median ?? Number.NaN;
      expect(figures.get('TOP-POPULATION:mcmedian:2045')).toBe(String(Math.round(median)));
      expect(figures.get('TOP-POPULATION:cabinetoffice1:2045')).toBeDefined();
      expect(html).toContain(
        lang === 'en' ? 'Cabinet Office simulation 1' : '内閣府パターン シミュレーション1',
      );
      expect(html).toContain(lang === 'en' ? 'iTFR' : '子ども女性比の7倍');
    }
  });
});
