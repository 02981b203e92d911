/**
 * The relationship population (関係人口): people outside the city who relate
 * to it and act with it. A plan marks the indicators that measure it, each
 * with what it measures (its facet) and where the figures come from.
 */
import type { IndicatorText } from './indicator-types';

export const relationshipFacets = [
  'visitors',
  'furusato-donors',
  'dual-residents',
  'participants-from-outside',
  'partners',
] as const;
export type RelationshipFacet = (typeof relationshipFacets)[number];

export const relationshipFacetLabels: Record<RelationshipFacet, { ja: string; en: string }> = {
  visitors: { ja: '来訪者', en: 'Visitors' },
  'furusato-donors': { ja: 'ふるさと納税の寄附者', en: 'ふるさと納税 (hometown tax) donors' },
  'dual-residents': { ja: '二地域居住者', en: 'Dual residents' },
  'participants-from-outside': { ja: '市外からの参加者', en: 'People taking part from outside' },
  partners: {
    ja: '市外の共創パートナー（パートナー台帳から算出）',
    en: 'Partners from outside (from the partners register)',
  },
};

/** An indicator's mark as a relationship-population indicator. */
export interface RelationshipMark {
  facet: RelationshipFacet;
  /** Where the figures come from (a survey, the donation records, the partners register). */
  source: IndicatorText;
}
