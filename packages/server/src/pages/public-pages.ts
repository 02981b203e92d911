/**
 * The public pages, declared like routes (policy `public`): each URL's page
 * model built from the app's use cases and read models. A loader returns null
 * when the thing named in the URL does not exist (the 404 page).
 */
import {
  type AppContext,
  acceptedReportsBy,
  acceptedReportsFor,
  getDistrictsView,
  getGoalTiles,
  getHappinessView,
  getPartner,
  getPlanHistory,
  getPlanProgress,
  getPlanTree,
  getPopulationView,
  getPublishedEvaluations,
  getPublishedReviews,
  getRelationshipPopulationView,
  getWorkshop,
  listIndicators,
  listOpenData,
  listPartners,
  listVoices,
  listWorkshops,
  publishedAnnualPdfState,
  readCatalogue,
  showIndicator,
  workshopsShaping,
} from '@mirai/app';
import { ProblemError, parseMeasureFilter, reviewCalendar } from '@mirai/core';
import type { IndicatorSummaryView, PageModel, PlanTreeView, ProgressView } from '@mirai/web';
import { accessibilityReport } from './accessibility-report';
import { definePage, type PageEntry } from './page-table';

const must = <T>(r: { ok: true; value: T } | { ok: false; problems: import('@mirai/core').Problem[] }): T => {
  if (!r.ok) throw new ProblemError(r.problems);
  return r.value;
};

async function treeAndProgress(ctx: AppContext) {
  const tree: PlanTreeView = must(await getPlanTree(ctx));
  const p = await getPlanProgress(ctx);
  const progress: ProgressView | null = p.ok ? p.value : null;
  return { tree, progress };
}

/** The tree, the roll-up and the summaries of the indicators that serve `code` (all a page shows; decision 0152). */
async function treeAndIndicators(ctx: AppContext, code: string) {
  const list = await listIndicators(ctx);
  const indicators: IndicatorSummaryView[] = list.ok ? list.value.filter((i) => i.serves === code) : [];
  return { ...(await treeAndProgress(ctx)), indicators };
}

const anonymous = { kind: 'anonymous', role: 'public' } as const;

/** Published rounds with the state of the PDF their publication's background render stored
 *  (none is made for a request), for /evaluation and /open-data alike. */
const withPdfState = <R extends { fiscalYear: number }>(ctx: AppContext, rounds: R[]) =>
  Promise.all(rounds.map(async (r) => ({ ...r, pdf: await publishedAnnualPdfState(ctx, r.fiscalYear) })));

type Loader = (
  ctx: AppContext,
  params: Record<string, string>,
  query: (name: string) => string | undefined,
) => Promise<PageModel | null>;

/** The measure filter of a list page's query (?area=&period=), unknown values dropped. */
const filterOf = (tree: PlanTreeView, query: (name: string) => string | undefined) =>
  parseMeasureFilter(
    { area: query('area'), period: query('period') },
    tree.areas.map((a) => a.code),
  );

const loaders: { path: string; load: Loader; title: (m: PageModel) => string }[] = [
  {
    path: '/',
    load: async (ctx) => ({
      page: 'home',
      // Not every indicator's summary: the top page shows none of them (decision 0152).
      ...(await treeAndProgress(ctx)),
      goals: must(await getGoalTiles(ctx)),
    }),
    title: () => '',
  },
  {
    path: '/strategies/:code',
    load: async (ctx, { code = '' }) => {
      const d = await treeAndIndicators(ctx, code);
      return d.tree.strategies.some((s) => s.code === code) ? { page: 'strategy', code, ...d } : null;
    },
    title: (m) =>
      m.page === 'strategy' ? (m.tree.strategies.find((s) => s.code === m.code)?.name.ja ?? '') : '',
  },
  {
    path: '/fields/:code',
    load: async (ctx, { code = '' }, query) => {
      const d = await treeAndIndicators(ctx, code);
      return d.tree.strategies.some((s) => s.fields.some((f) => f.code === code))
        ? { page: 'field', code, ...d, filter: filterOf(d.tree, query) }
        : null;
    },
    title: (m) =>
      m.page === 'field'
        ? (m.tree.strategies.flatMap((s) => s.fields).find((f) => f.code === m.code)?.name.ja ?? '')
        : '',
  },
  {
    path: '/measures',
    load: async (ctx, _params, query) => {
      const d = await treeAndProgress(ctx);
      return { page: 'measures', ...d, filter: filterOf(d.tree, query) };
    },
    title: () => '施策の一覧',
  },
  {
    path: '/measures/:code',
    load: async (ctx, { code = '' }) => {
      const d = await treeAndIndicators(ctx, code);
      const field = d.tree.strategies
        .flatMap((s) => s.fields)
        .find((f) => f.measures.some((x) => x.code === code));
      if (!field) return null;
      const voices = await listVoices(ctx, anonymous, { aboutMeasure: code });
      // Published workshops that shaped this measure or its field's desired state.
      const workshops = (await workshopsShaping(ctx, [code, field.code])).map((w) => ({
        code: w.code,
        title: w.title,
        heldOn: w.heldOn,
        sample: w.sample,
      }));
      const cocreation = {
        reports: await acceptedReportsFor(ctx, code),
        voices: voices.ok ? voices.value : [],
        workshops,
      };
      return { page: 'measure', code, ...d, cocreation };
    },
    title: (m) =>
      m.page === 'measure'
        ? (m.tree.strategies
            .flatMap((s) => s.fields.flatMap((f) => f.measures))
            .find((x) => x.code === m.code)?.name.ja ?? '')
        : '',
  },
  {
    path: '/indicators/:code',
    load: async (ctx, { code = '' }) => {
      const i = await showIndicator(ctx, code);
      if (!i.ok) return null;
      return { page: 'indicator', tree: must(await getPlanTree(ctx)), indicator: i.value };
    },
    title: (m) => (m.page === 'indicator' ? m.indicator.name.ja : ''),
  },
  {
    path: '/happiness',
    load: async (ctx) => ({ page: 'happiness', view: must(await getHappinessView(ctx)) }),
    title: () => '市民幸福度',
  },
  {
    path: '/population',
    load: async (ctx) => {
      const view = must(await getPopulationView(ctx));
      const tree = must(await getPlanTree(ctx));
      const districts = tree.areas
        .filter((a) => a.layer === 'district')
        .map((a) => ({ code: a.code, name: a.name }));
      return { page: 'population', view, districts };
    },
    title: () => '人口',
  },
  {
    path: '/districts/:code',
    load: async (ctx, { code = '' }) => {
      const view = must(await getDistrictsView(ctx));
      return view.districts.some((d) => d.code === code) ? { page: 'district', view, code } : null;
    },
    title: (m) =>
      m.page === 'district' ? `${m.view.districts.find((d) => d.code === m.code)?.name.ja ?? ''}地区` : '',
  },
  {
    path: '/calendar',
    load: async (ctx) => {
      const tree = must(await getPlanTree(ctx));
      const { plan, phases } = tree;
      const years = reviewCalendar({
        startFiscalYear: plan.startFiscalYear,
        endFiscalYear: plan.endFiscalYear,
        phases,
      });
      return {
        page: 'calendar',
        planTitle: plan.title,
        phases: phases.map((p) => (p.name ? { number: p.number, name: p.name } : { number: p.number })),
        years: years.map((y) => ({ fiscalYear: y.fiscalYear, phase: y.phase, events: y.events })),
      };
    },
    title: () => '評価の予定',
  },
  {
    path: '/contact',
    load: async (ctx) => {
      const tree = must(await getPlanTree(ctx));
      return {
        page: 'contact',
        municipality: tree.municipality.name,
        contact: tree.municipality.contact ?? null,
      };
    },
    title: () => 'お問い合わせ',
  },
  {
    path: '/accessibility',
    load: async () => ({ page: 'accessibility', report: accessibilityReport }),
    title: () => 'アクセシビリティ',
  },
  {
    path: '/open-data',
    load: async (ctx) => {
      const h = await getPlanHistory(ctx);
      // The public history: approved and revised versions only, naming no account.
      const history = h.ok
        ? h.value
            .filter((v) => v.status !== 'draft')
            .map((v) => ({
              version: v.version,
              createdAt: new Date(v.created_at as unknown as string).toISOString(),
              note: v.note ?? null,
            }))
        : [];
      const evaluations = await getPublishedEvaluations(ctx);
      const rounds = evaluations.ok ? evaluations.value : [];
      return {
        page: 'open-data',
        files: must(await listOpenData(ctx)).map((f) => ({
          ...f,
          name: { ja: f.name.ja, en: f.name.en ?? f.name.ja },
        })),
        catalogue: must(await readCatalogue(ctx)),
        history,
        evaluations: await withPdfState(ctx, rounds),
      };
    },
    title: () => 'オープンデータ',
  },
  {
    // Published rounds and sheets only (the public read path); the reports are rendered from them.
    path: '/evaluation',
    load: async (ctx) => {
      const evaluations = await getPublishedEvaluations(ctx);
      const rounds = evaluations.ok ? evaluations.value : [];
      return {
        page: 'evaluation',
        evaluations: await withPdfState(ctx, rounds),
        reviews: await getPublishedReviews(ctx),
      };
    },
    title: () => '行政評価の結果',
  },
  {
    path: '/partners',
    load: async (ctx) => ({ page: 'partners', partners: must(await listPartners(ctx, anonymous)) }),
    title: () => '共創パートナー',
  },
  {
    // Partners that agreed to be listed; any other code is the 404 page.
    path: '/partners/:code',
    load: async (ctx, { code = '' }) => {
      const p = await getPartner(ctx, anonymous, code);
      if (!p.ok) return null;
      return { page: 'partner', partner: p.value, reports: await acceptedReportsBy(ctx, code) };
    },
    title: (m) => (m.page === 'partner' ? m.partner.name.ja : ''),
  },
  {
    path: '/workshops',
    load: async (ctx) => ({ page: 'workshops', workshops: must(await listWorkshops(ctx, anonymous)) }),
    title: () => 'ワークショップ',
  },
  {
    // Published workshops only; any other code is the 404 page.
    path: '/workshops/:code',
    load: async (ctx, { code = '' }) => {
      const w = await getWorkshop(ctx, anonymous, code);
      return w.ok ? { page: 'workshop', workshop: w.value } : null;
    },
    title: (m) => (m.page === 'workshop' ? m.workshop.title.ja : ''),
  },
  {
    path: '/relationship-population',
    load: async (ctx) => ({
      page: 'relationship-population',
      view: must(await getRelationshipPopulationView(ctx)),
    }),
    title: () => '関係人口',
  },
];

export const publicPages: PageEntry[] = loaders.map(({ path, load, title }) =>
  definePage({ path, policy: 'public', title, load: (req) => load(req.ctx, req.params, req.query) }),
);
