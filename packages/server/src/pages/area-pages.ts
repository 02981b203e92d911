/**
 * The pages of place, brand and sectoral plans, public (published data only):
 * /areas (every layer), /areas/:code (one area at any layer), /brand, and
 * /sectoral-plans (published sectoral plans with the alignment check).
 */
import { checkSectoralPlans, getAreaView, getBrandView, getPublishedPlan, listAreaItems } from '@mirai/app';
import { parseMeasureFilter } from '@mirai/core';
import type { PageModel } from '@mirai/web';
import { definePage, type PageEntry } from './page-table';

const titleOf = (m: PageModel) => {
  switch (m.page) {
    case 'areas':
      return '地域';
    case 'area':
      return m.view.area.name.ja;
    case 'brand':
      return 'ブランド';
    case 'sectoral-plans':
      return '個別計画';
    default:
      return '';
  }
};

export const areaPages: PageEntry[] = [
  definePage({
    path: '/areas',
    policy: 'public',
    title: titleOf,
    load: async ({ ctx }) => {
      const view = await listAreaItems(ctx);
      return view.ok ? { page: 'areas', view: view.value } : null;
    },
  }),
  definePage({
    path: '/areas/:code',
    policy: 'public',
    title: titleOf,
    load: async ({ ctx, params, query }) => {
      const view = await getAreaView(ctx, params.code ?? '');
      if (!view.ok) return null;
      const list = await listAreaItems(ctx);
      const areas = list.ok ? list.value.areas.map((a) => ({ code: a.code, name: a.name })) : [];
      // The area is the page's own; the list filters by promotion period (?period=).
      const filter = { ...parseMeasureFilter({ period: query('period') }, []), area: null };
      return { page: 'area', view: view.value, areas, filter };
    },
  }),
  definePage({
    path: '/brand',
    policy: 'public',
    title: titleOf,
    load: async ({ ctx }) => {
      const brand = await getBrandView(ctx);
      return brand.ok && brand.value ? { page: 'brand', brand: brand.value } : null;
    },
  }),
  definePage({
    path: '/sectoral-plans',
    policy: 'public',
    title: titleOf,
    load: async ({ ctx }) => {
      const check = await checkSectoralPlans(ctx);
      if (!check.ok) return null;
      const plan = await getPublishedPlan(ctx);
      const departments = plan.ok
        ? plan.value.document.departments.map((d) => ({ code: d.code, name: d.name }))
        : [];
      return { page: 'sectoral-plans', check: check.value, departments };
    },
  }),
];
