/**
 * The brand page's read model: the brand philosophy (vision, value, identity,
 * purpose where the plan states it) and each brand asset with the fields,
 * measures and indicators that strengthen or show it. Internal notes never
 * reach it.
 */
import { ok, type Result, type Text } from '@mirai/core';
import type { AppContext } from '../context';
import { getCurrentPlan, getPublishedPlan } from '../plan/plan-use-cases';

export interface BrandLink {
  code: string;
  name: Text;
  href: string;
  sample: boolean;
}

export interface BrandView {
  vision: Text;
  value: Text;
  identity: Text;
  /** Absent when the plan does not state it. */
  purpose: Text | null;
  assets: {
    code: string | null;
    name: Text;
    fields: BrandLink[];
    measures: BrandLink[];
    indicators: BrandLink[];
  }[];
}

export async function getBrandView(
  ctx: AppContext,
  opts: { includeDraft?: boolean } = {},
): Promise<Result<BrandView | null>> {
  const plan = opts.includeDraft ? await getCurrentPlan(ctx) : await getPublishedPlan(ctx);
  if (!plan.ok) return plan;
  const doc = plan.value.document;
  if (!doc.brand) return ok(null);
  const link =
    <X extends { code: string; name: Text; sample?: boolean }>(list: X[], prefix: string) =>
    (codes: string[] | undefined): BrandLink[] =>
      (codes ?? []).flatMap((c) => {
        const x = list.find((i) => i.code === c);
        return x ? [{ code: c, name: x.name, href: `/${prefix}/${c}`, sample: x.sample === true }] : [];
      });
  const fields = link(doc.fields, 'fields');
  const measures = link(doc.measures, 'measures');
  const indicators = link(doc.indicators, 'indicators');
  return ok({
    vision: doc.brand.vision,
    value: doc.brand.value,
    identity: doc.brand.identity,
    purpose: doc.brand.purpose,
    assets: doc.brand.assets.map((a) => ({
      code: a.code ?? null,
      name: { ja: a.ja, ...(a.en ? { en: a.en } : {}) },
      fields: fields(a.fields),
      measures: measures(a.measures),
      indicators: indicators(a.indicators),
    })),
  });
}
