/**
 * The plan's layers of place: region → city → districts, and school districts
 * as their own layer that may overlap districts (a school district belongs to
 * one or more districts, each with its share). Pure: lists, parents, checks.
 */
import type { Area, AreaLayer, Text } from '../plan/plan-types';

export const layerOrder: readonly AreaLayer[] = ['region', 'city', 'district', 'school-district'];

export const layerNames: Record<AreaLayer, Text> = {
  region: { ja: '広域圏', en: 'Region' },
  city: { ja: '市全体', en: 'City' },
  district: { ja: '地区', en: 'District' },
  'school-district': { ja: '小学校区', en: 'Elementary school district' },
};

export interface AreaShare {
  /** A district the school district lies in. */
  area: string;
  /** The school district's share in that district (0–1; the shares of one school district sum to 1). */
  share: number;
}

export interface AreaListItem {
  code: string;
  layer: AreaLayer;
  name: Text;
  parent: string | null;
  /** School districts: the districts they lie in, with shares; otherwise empty. */
  shares: AreaShare[];
  children: string[];
  sample: boolean;
}

/** A school district's shares: as declared, or all in its parent. */
export function sharesOf(a: Pick<Area, 'parent' | 'shares' | 'layer'>): AreaShare[] {
  if (a.layer !== 'school-district') return [];
  if (a.shares && a.shares.length > 0) return a.shares.map((s) => ({ area: s.area, share: s.share }));
  return a.parent ? [{ area: a.parent, share: 1 }] : [];
}

/** Every area, ordered by layer then as the plan lists them, with parent and children. */
export function listAreas(areas: readonly Area[]): AreaListItem[] {
  const items = areas.map(
    (a): AreaListItem => ({
      code: a.code,
      layer: a.layer,
      name: a.name,
      parent: a.parent ?? null,
      shares: sharesOf(a),
      children: [],
      sample: a.sample === true,
    }),
  );
  const byCode = new Map(items.map((i) => [i.code, i]));
  for (const i of items) {
    if (i.layer === 'school-district') {
      for (const s of i.shares) byCode.get(s.area)?.children.push(i.code);
    } else if (i.parent) byCode.get(i.parent)?.children.push(i.code);
  }
  return items
    .map((item, index) => ({ item, index }))
    .sort((a, b) => layerOrder.indexOf(a.item.layer) - layerOrder.indexOf(b.item.layer) || a.index - b.index)
    .map((x) => x.item);
}

/** The areas above an area, nearest first (a school district's first share stands for its parent). */
export function ancestorsOf(areas: readonly AreaListItem[], code: string): AreaListItem[] {
  const byCode = new Map(areas.map((a) => [a.code, a]));
  const out: AreaListItem[] = [];
  let cur = byCode.get(code);
  const seen = new Set<string>();
  while (cur && !seen.has(cur.code)) {
    seen.add(cur.code);
    const up = cur.parent ?? cur.shares[0]?.area ?? null;
    cur = up ? byCode.get(up) : undefined;
    if (cur) out.push(cur);
  }
  return out;
}
