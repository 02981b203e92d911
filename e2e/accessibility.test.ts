/**
 * axe-core in Chromium on every public page, enumerated from the page declarations (a new public
 * page is covered without touching this file), in Japanese and in English, at phone width
 * (390×844) and at 1366×900: no violations; every Japanese fragment on an English page carries
 * lang="ja"; every horizontally scrolling area can take keyboard focus and has a name. The runs'
 * results are written to docs/accessibility/axe-results.json, which /accessibility shows
 * (decision 0112). One browser, one page, resized between the two widths.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type AppContext,
  anonymous,
  completeSampleRound,
  createWorkshop,
  getPlanTree,
  listPartners,
  publishWorkshop,
  type UserActor,
} from '@mirai/app';
import { importSampleEvidenceWaves } from '@mirai/app/survey-testing';
import { japanTime } from '@mirai/core';
import { pageEntries } from '@mirai/server';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeRun, axeViolations, openBrowser, type TestBrowser, waitHydrated } from './support/browser';
import { repoRoot } from './support/build-web';
import { startTestServer, type TestServer } from './support/server';

const viewports = [
  { width: 390, height: 844 },
  { width: 1366, height: 900 },
];
const languages = ['ja', 'en'] as const;

/** Japanese text on an English page outside any lang="ja" element, and scroll areas keyboard users cannot reach. */
async function languageAndScrollProblems(page: Page, lang: 'ja' | 'en'): Promise<string[]> {
  return page.evaluate((lang) => {
    const out: string[] = [];
    if (document.documentElement.lang !== lang) out.push(`<html lang="${document.documentElement.lang}">`);
    if (lang === 'en') {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const text = n.textContent ?? '';
        const el = n.parentElement;
        if (
          !el ||
          el.closest('script, style, template, [aria-hidden="true"]') ||
          !/[\u3040-\u30ff\u3400-\u9fff]/.test(text)
        )
          continue;
        if (el.closest('[lang]')?.getAttribute('lang') !== 'ja')
          out.push(`no lang="ja": "${text.trim().slice(0, 40)}"`);
      }
      // Brackets in English text are ASCII; full-width （） only inside Japanese fragments.
      const brackets = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = brackets.nextNode(); n; n = brackets.nextNode()) {
        const el = n.parentElement;
        if (!el || el.closest('script, style, template') || !/[（）]/.test(n.textContent ?? '')) continue;
        if (el.closest('[lang]')?.getAttribute('lang') !== 'ja')
          out.push(`full-width bracket in English: "${(n.textContent ?? '').trim().slice(0, 40)}"`);
      }
      for (const el of document.querySelectorAll<HTMLElement>('[aria-label], [title], img[alt]')) {
        for (const a of ['aria-label', 'title', 'alt']) {
          const v = el.getAttribute(a) ?? '';
          if (/[\u3040-\u30ff\u3400-\u9fff]/.test(v) && el.closest('[lang]')?.getAttribute('lang') !== 'ja')
            out.push(`${a} without lang="ja": "${v.slice(0, 40)}"`);
        }
      }
    }
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(el);
      const scrolls = /(auto|scroll)/.test(style.overflowX) && el.scrollWidth > el.clientWidth + 1;
      if (!scrolls || el.tagName === 'TEXTAREA' || el.tagName === 'PRE') continue;
      if (el.tabIndex < 0) out.push(`scroll area not focusable: ${el.className || el.tagName}`);
      if (!el.getAttribute('aria-label') && !el.getAttribute('aria-labelledby'))
        out.push(`scroll area without a name: ${el.className || el.tagName}`);
    }
    return out;
  }, lang);
}

async function listedPartner(ctx: AppContext): Promise<string | undefined> {
  const r = await listPartners(ctx, anonymous);
  return r.ok ? r.value[0]?.code : undefined;
}

/** A published (sample) evaluation round of one measure and one project, so /evaluation has results to show. */
async function publishedRound(ctx: AppContext): Promise<void> {
  await completeSampleRound(ctx, {
    fiscalYear: 2024,
    measureCodes: ['B-6-M01'],
    projectCodes: ['B-6-M01-P01'],
  });
}

/** A published (sample) workshop, so its public page can be checked. */
async function publishedWorkshop(ctx: AppContext): Promise<string> {
  const staff: UserActor = {
    kind: 'user',
    via: 'cli',
    userId: 0,
    login: 'e2e-accessibility',
    role: 'admin',
    department: null,
    links: [],
    mustChangePassword: false,
  };
  const made = await createWorkshop(ctx, staff, {
    code: 'WS-A11Y',
    title: { ja: '（サンプル）未来を語るワークショップ', en: '(Sample) A workshop on the future' },
    heldOn: '2024-06-01',
    place: '市民交流センター',
    participants: { residents: 20, 'from-outside': 4 },
    outputs: ['駅前に共創の拠点をつくる'],
    shaped: [],
    sample: true,
  });
  if (!made.ok) throw new Error(JSON.stringify(made.problems));
  const published = await publishWorkshop(ctx, staff, 'WS-A11Y', { expectedVersion: made.value.version });
  if (!published.ok) throw new Error(JSON.stringify(published.problems));
  return 'WS-A11Y';
}

describe('accessibility (axe-core)', () => {
  let server: TestServer;
  let b: TestBrowser;
  let paths: string[] = [];
  beforeAll(async () => {
    server = await startTestServer();
    b = await openBrowser('accessibility', viewports[0]);
    // A published (sample) survey wave: the happiness page's drivers and district/age tables are checked too.
    await importSampleEvidenceWaves(server.ctx);
    await publishedRound(server.ctx);
    const tree = await getPlanTree(server.ctx);
    if (!tree.ok) throw new Error('no plan');
    const t = tree.value;
    const fields = t.strategies.flatMap((s) => s.fields);
    // One example for each parameter; a new kind of parameter fails here until it is given one.
    const examples: Record<string, string | undefined> = {
      '/strategies/:code': t.strategies[0]?.code,
      '/fields/:code': fields[0]?.code,
      '/measures/:code': fields.flatMap((f) => f.measures)[0]?.code,
      '/indicators/:code': t.topIndicators[0]?.code,
      '/districts/:code': t.areas.find((a) => a.layer === 'district')?.code,
      '/areas/:code': t.areas.find((a) => a.layer === 'district')?.code,
      '/partners/:code': await listedPartner(server.ctx),
      '/workshops/:code': await publishedWorkshop(server.ctx),
    };
    paths = pageEntries
      .filter((e) => e.policy === 'public' && !e.path.startsWith('/staff'))
      .map((e) => {
        if (!e.path.includes(':')) return e.path;
        const code = examples[e.path];
        if (!code) throw new Error(`no example for ${e.path}: add one to this test`);
        return e.path.replace(':code', code);
      });
    paths.push('/no-such-page');
  });
  afterAll(async () => {
    writeReport();
    await b?.close();
    await server?.close();
  });

  it('would notice a violation (an image without alternative text planted in the page)', async () => {
    await b.page.goto(`${server.url}/calendar`);
    await b.page.evaluate(() => {
      const img = document.createElement('img');
      img.src = 'data:,';
      document.querySelector('main')?.append(img);
    });
    expect((await axeViolations(b.page)).map((v) => v.id)).toContain('image-alt');
  });

  const runs: {
    path: string;
    lang: 'ja' | 'en';
    width: number;
    violations: number;
    passes: number;
    incomplete: number;
  }[] = [];
  const rules = new Map<string, { id: string; passed: number; violated: number; incomplete: number }>();
  const violations: {
    path: string;
    lang: 'ja' | 'en';
    width: number;
    id: string;
    impact: string | null;
    nodes: number;
  }[] = [];
  let version = '';
  let tags: string[] = [];
  const rule = (id: string) => {
    const r = rules.get(id) ?? { id, passed: 0, violated: 0, incomplete: 0 };
    rules.set(id, r);
    return r;
  };

  for (const vp of viewports)
    it(`every public page at ${vp.width}×${vp.height}, ja and en: no violations, lang on every Japanese fragment, scroll areas reachable`, async () => {
      expect(paths).toEqual(expect.arrayContaining(['/', '/open-data', '/accessibility', '/contact']));
      const found: Record<string, unknown> = {};
      await b.page.setViewportSize(vp);
      for (const lang of languages)
        for (const path of paths) {
          await b.page.goto(`${server.url}${path}?lang=${lang}`);
          await waitHydrated(b.page);
          const r = await axeRun(b.page);
          version = r.version;
          tags = r.tags;
          runs.push({
            path,
            lang,
            width: vp.width,
            violations: r.violations.length,
            passes: r.passes.length,
            incomplete: r.incomplete.length,
          });
          for (const id of r.passes) rule(id).passed++;
          for (const id of r.incomplete) rule(id).incomplete++;
          for (const v of r.violations) {
            rule(v.id).violated++;
            violations.push({
              path,
              lang,
              width: vp.width,
              id: v.id,
              impact: v.impact,
              nodes: v.nodes.length,
            });
          }
          const problems = await languageAndScrollProblems(b.page, lang);
          if (r.violations.length > 0 || problems.length > 0)
            found[`${path} ${lang}`] = [
              ...r.violations.map((v) => `${v.id}: ${JSON.stringify(v.nodes[0]?.target)}`),
              ...new Set(problems),
            ].slice(0, 10);
        }
      expect(found).toEqual({});
    }, 900_000);

  // Both widths run: the results go to the file /accessibility shows.
  function writeReport() {
    if (runs.length !== viewports.length * languages.length * paths.length) return;
    const report = {
      $comment: 'Written by e2e/accessibility.test.ts (decision 0112); shown on /accessibility.',
      testedAt: japanTime(new Date()),
      axeVersion: version,
      tags,
      viewports,
      languages: [...languages],
      runs,
      rules: [...rules.values()].sort((a, b) => a.id.localeCompare(b.id)),
      violations,
    };
    writeFileSync(
      join(repoRoot, 'docs/accessibility/axe-results.json'),
      `${JSON.stringify(report, null, 1)}\n`,
    );
  }
});
