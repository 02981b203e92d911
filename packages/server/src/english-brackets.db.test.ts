// English pages write brackets in ASCII: a full-width （ or ） may appear only inside Japanese
// (an element with lang="ja"). Every public page in English, fetched over HTTP from the real
// server with a published survey wave (so the happiness evidence shows too).
import { createTestAccount, sessionHeaders } from '@mirai/api/testing';
import { contextFor, getPlanTree, seedDefaultPlan } from '@mirai/app';
import { importSampleEvidenceWaves } from '@mirai/app/survey-testing';
import { describeEachDatabase } from '@mirai/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { publicPages } from './pages/public-pages';
import { staffPages } from './pages/staff-pages';
import { startServer } from './start-server';

const voids = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);

/** Text outside any lang="ja" element that holds a full-width bracket (script and style skipped). */
export function fullWidthBracketsOutsideJa(html: string): string[] {
  const out: string[] = [];
  const stack: { tag: string; ja: boolean }[] = [];
  // The document title is plain text that cannot mark a Japanese name: the check reads the body.
  const body = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<head\b[\s\S]*?<\/head>/i, '')
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, '');
  for (const m of body.matchAll(/<(\/?)([a-zA-Z][\w-]*)([^>]*?)(\/?)>|([^<]+)/g)) {
    if (m[5] !== undefined) {
      const inJa = stack.length > 0 && stack[stack.length - 1]!.ja;
      if (!inJa && /[（）]/.test(m[5])) out.push(m[5].trim().slice(0, 60));
      continue;
    }
    const tag = (m[2] ?? '').toLowerCase();
    if (m[1]) {
      const at = stack.map((s) => s.tag).lastIndexOf(tag);
      if (at >= 0) stack.length = at;
      continue;
    }
    if (voids.has(tag) || m[4]) continue;
    const lang = /\slang="([^"]*)"/.exec(m[3] ?? '')?.[1];
    const parent = stack.length > 0 && stack[stack.length - 1]!.ja;
    stack.push({ tag, ja: lang === undefined ? parent : lang === 'ja' });
  }
  return out;
}

it('finds full-width brackets outside Japanese fragments only', () => {
  expect(
    fullWidthBracketsOutsideJa(
      '<html lang="en"><p>FY2032 (<span lang="ja">令和14年度（2032年度）</span>)</p><p>Mean（2022-12）<br/>x</p><script>"（"</script></html>',
    ),
  ).toEqual(['Mean（2022-12）']);
});

describeEachDatabase('English pages use ASCII brackets', (t) => {
  let server: { url: string; close: () => Promise<void> };
  let paths: string[] = [];
  let staffPaths: string[] = [];
  let adminCookie = '';
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    await importSampleEvidenceWaves(ctx);
    server = await startServer(ctx, 0);
    const tree = await getPlanTree(ctx);
    if (!tree.ok) throw new Error('no plan');
    const { strategies, areas, topIndicators } = tree.value;
    const fields = strategies.flatMap((s) => s.fields);
    const district = areas.find((a) => a.layer === 'district')?.code ?? '';
    const one: Record<string, string | undefined> = {
      '/strategies/:code': strategies[0]?.code,
      '/fields/:code': fields[0]?.code,
      '/measures/:code': fields.flatMap((f) => f.measures)[0]?.code,
      '/indicators/:code': topIndicators[0]?.code,
      '/districts/:code': district,
      '/areas/:code': district,
    };
    paths = [
      ...publicPages.map((l) => l.path),
      '/areas',
      '/areas/:code',
      '/areas/CITY',
      '/brand',
      '/sectoral-plans',
    ]
      .flatMap((p) => (p.includes(':') ? (one[p] ? [p.replace(':code', one[p]!)] : []) : [p]))
      .map((p) => `${p}${p.includes('?') ? '&' : '?'}lang=en`);
    // The workspace as an administrator sees it (every page open to that role).
    adminCookie = (await sessionHeaders(ctx, await createTestAccount(ctx, 'admin'))).cookie!;
    const staffOne: Record<string, string | undefined> = {
      '/staff/indicators/:code': topIndicators[0]?.code,
      '/staff/reviews/:phase': '1',
    };
    staffPaths = staffPages
      .map((e) => e.path)
      .flatMap((p) => (p.includes(':') ? (staffOne[p] ? [p.replace(/:\w+/, staffOne[p]!)] : []) : [p]))
      .map((p) => `${p}?lang=en`);
  });
  afterAll(async () => {
    await server?.close();
  });

  it('no full-width bracket outside lang="ja" on any English public page', async () => {
    const found: string[] = [];
    for (const p of paths) {
      const res = await fetch(new URL(p, server.url));
      expect(res.status, p).toBe(200);
      const html = await res.text();
      expect(html).toContain('<html lang="en"');
      for (const s of fullWidthBracketsOutsideJa(html)) found.push(`${p}: ${s}`);
    }
    expect(found).toEqual([]);
  });

  it('no full-width bracket outside lang="ja" on any English workspace page', async () => {
    const found: string[] = [];
    expect(staffPaths.length).toBeGreaterThan(15);
    for (const p of staffPaths) {
      const res = await fetch(new URL(p, server.url), { headers: { cookie: adminCookie } });
      expect(res.status, p).toBe(200);
      const html = await res.text();
      expect(html, p).toContain('<html lang="en"');
      for (const s of fullWidthBracketsOutsideJa(html)) found.push(`${p}: ${s}`);
    }
    expect(found).toEqual([]);
  });
});
