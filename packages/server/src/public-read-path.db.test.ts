// One public read path: a planner's draft (changed title, changed population target) changes
// nothing on any public page, open-data file (every dataset's CSV in each form and JSON, the DCAT
// catalogue, the CKAN answers) or public API answer, byte for byte; staff reads
// see the draft; one public answer reads the plan once.

import { routeTable } from '@mirai/api';
import {
  type AppContext,
  contextFor,
  getCurrentPlan,
  getPlanTree,
  importPlan,
  listOpenData,
  publicReads,
  readCatalogue,
  seedDefaultPlan,
  serializePlan,
  staffReads,
} from '@mirai/app';
import type { MiraiDatabase } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { publicPages } from './pages/public-pages';
import { buildServer } from './start-server';

/** Counts the statements that read plan versions (the documents). */
function planReadCounter() {
  let count = 0;
  type Plugin = Parameters<MiraiDatabase['db']['withPlugin']>[0];
  const plugin: Plugin = {
    transformQuery: ({ node }) => {
      if (node.kind === 'SelectQueryNode' && JSON.stringify(node.from ?? {}).includes('"plan_versions"'))
        count++;
      if (node.kind === 'SelectQueryNode' && JSON.stringify(node.joins ?? []).includes('"plan_versions"'))
        count++;
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  return {
    plugin,
    reset: () => (count = 0),
    get count() {
      return count;
    },
  };
}

describeEachDatabase('public read path', (t) => {
  let ctx: AppContext;
  let app: ReturnType<typeof buildServer>;
  let paths: string[] = [];
  const counter = planReadCounter();

  const snapshot = async () => {
    const out = new Map<string, string>();
    for (const p of paths) {
      const res = await app.request(p);
      out.set(p, `${res.status} ${res.headers.get('content-type')}\n${await res.text()}`);
    }
    return out;
  };

  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor({ ...t.handle, db: t.handle.db.withPlugin(counter.plugin) });
    app = buildServer(ctx);
    const tree = await getPlanTree(ctx);
    const plan = await getCurrentPlan(ctx);
    if (!tree.ok || !plan.ok) throw new Error('no plan');
    const { strategies, areas } = tree.value;
    const fields = strategies.flatMap((s) => s.fields);
    const codes: Record<string, string[]> = {
      '/strategies/:code': strategies.map((s) => s.code),
      '/fields/:code': fields.map((f) => f.code),
      '/measures/:code': fields.flatMap((f) => f.measures.map((m) => m.code)),
      '/indicators/:code': plan.value.document.indicators.map((i) => i.code),
      '/districts/:code': areas.filter((a) => a.layer === 'district').map((a) => a.code),
    };
    const listed = await listOpenData(ctx);
    const files = listed.ok ? listed.value : [];
    expect(files.length).toBe(2);
    // Every dataset's files in every form, the DCAT catalogue and the CKAN answers.
    const cat = await readCatalogue(publicReads(ctx));
    if (!cat.ok) throw new Error('no catalogue');
    expect(cat.value.datasets.length).toBeGreaterThan(8);
    const openData = [
      '/open-data/catalog.jsonld',
      '/api/3/action/package_list',
      '/api/3/action/current_package_list_with_resources',
      ...cat.value.datasets.flatMap((d) => [
        `/api/3/action/package_show?id=${d.id}`,
        ...d.distributions.map((x) => x.url),
        ...['?encoding=sjis', '?header=en'].map((q) => `${d.distributions[0]?.url}${q}`),
      ]),
    ];
    const pages = publicPages.flatMap((l) =>
      l.path.includes(':') ? (codes[l.path] ?? []).map((c) => l.path.replace(':code', c)) : [l.path],
    );
    const api = routeTable
      .filter((r) => r.method === 'GET' && r.policy === 'public' && !r.path.includes('{'))
      .map((r) => r.path);
    const apiByCode = [
      ...fields.map((f) => `/api/v1/fields/${f.code}`),
      ...(codes['/indicators/:code'] ?? []).map((c) => `/api/v1/indicators/${c}`),
    ];
    paths = [
      ...pages,
      '/?lang=en',
      '/population?lang=en',
      '/no-such-page',
      ...files.map((f) => f.href),
      ...openData,
      ...api,
      ...apiByCode,
    ];
    expect(pages.length).toBeGreaterThan(30);
    expect(api).toEqual(expect.arrayContaining(['/api/v1/plan', '/api/v1/indicators', '/api/v1/progress']));
  });

  it('a draft plan version changes no public page, file or API answer', async () => {
    const before = await snapshot();
    // Answers carrying a per-request token (a form's signed time) cannot be compared byte for
    // byte; none of the plan's pages, files or reads is among them.
    const varying = paths.filter((p) => before.get(p)?.includes('"formToken"'));
    for (const p of ['/', '/population', '/open-data/plan.json', '/api/v1/plan', '/api/v1/indicators'])
      expect(varying).not.toContain(p);
    expect(varying.length).toBeLessThan(3);
    const cur = await getCurrentPlan(ctx);
    if (!cur.ok) throw new Error('no plan');
    const draft = structuredClone(cur.value.document);
    draft.plan.status = 'draft';
    draft.plan.title = { ja: '下書きの題名', en: 'Draft title' };
    const pop = draft.indicators.find((i) => i.code === 'TOP-POPULATION');
    if (!pop?.finalTarget) throw new Error('no population target');
    pop.finalTarget.value = 71234;
    const saved = await importPlan(ctx, serializePlan(draft, 'yaml'), 'draft.yaml', { actor: 'test' });
    expect(saved.ok).toBe(true);

    const after = await snapshot();
    for (const p of paths.filter((x) => !varying.includes(x))) expect(after.get(p), p).toBe(before.get(p));
    for (const [p, body] of after) {
      expect(body, p).not.toContain('下書きの題名');
      expect(body, p).not.toContain('71234');
      expect(body, p).not.toContain('71,234');
    }
    // Staff reads see the draft.
    const staffTree = await getPlanTree(staffReads(ctx));
    expect(staffTree.ok && staffTree.value.plan.title.ja).toBe('下書きの題名');
  });

  it('one public answer reads the plan once', async () => {
    for (const p of [
      '/',
      '/population',
      '/api/v1/indicators',
      '/open-data/plan.json',
      '/open-data/catalog.jsonld',
    ]) {
      counter.reset();
      // A query the answer cache has not seen, so the answer is built (and the plan read) anew.
      const res = await app.request(`${p}?read=${Math.random()}`);
      expect(res.status, p).toBe(200);
      expect(counter.count, p).toBe(1);
    }
  });
});
