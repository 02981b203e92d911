/**
 * Co-creation's vocabulary: partner kinds (resident group, 自治会, company,
 * NPO, university, public body, relationship population), where a partner
 * is (inside or outside the city), and the role of a link to a plan item.
 */
export const partnerKinds = [
  'resident-group',
  'neighbourhood-association',
  'company',
  'npo',
  'university',
  'public-body',
  'relationship-population',
] as const;
export type PartnerKind = (typeof partnerKinds)[number];

export const partnerKindLabels: Record<PartnerKind, { ja: string; en: string }> = {
  'resident-group': { ja: '市民団体', en: 'Resident group' },
  'neighbourhood-association': { ja: '自治会・町内会', en: 'Neighbourhood association (自治会)' },
  company: { ja: '企業・事業者', en: 'Company' },
  npo: { ja: 'NPO', en: 'NPO' },
  university: { ja: '大学・研究機関', en: 'University' },
  'public-body': { ja: '公的機関', en: 'Public body' },
  'relationship-population': { ja: '関係人口（個人）', en: 'Relationship population (person)' },
};

/** Kinds written differently in plan files, read as one of ours. */
export const partnerKindAliases: Record<string, PartnerKind> = {
  'business-association': 'company',
  business: 'company',
  'residents-association': 'neighbourhood-association',
  jichikai: 'neighbourhood-association',
  government: 'public-body',
};

export const isPartnerKind = (s: string): s is PartnerKind => (partnerKinds as readonly string[]).includes(s);

export const partnerLocations = ['inside', 'outside'] as const;
export type PartnerLocation = (typeof partnerLocations)[number];
export const partnerLocationLabels: Record<PartnerLocation, { ja: string; en: string }> = {
  inside: { ja: '市内', en: 'Inside the city' },
  outside: { ja: '市外', en: 'Outside the city' },
};

export const linkRoles = ['implementer', 'co-creator', 'funder', 'supporter'] as const;
export type LinkRole = (typeof linkRoles)[number];
export const linkRoleLabels: Record<LinkRole, { ja: string; en: string }> = {
  implementer: { ja: '実施主体', en: 'Implementer' },
  'co-creator': { ja: '共創', en: 'Co-creator' },
  funder: { ja: '資金提供', en: 'Funder' },
  supporter: { ja: '協力', en: 'Supporter' },
};
export const isLinkRole = (s: string): s is LinkRole => (linkRoles as readonly string[]).includes(s);

export const reportStatuses = ['submitted', 'accepted', 'returned'] as const;
export type ReportStatus = (typeof reportStatuses)[number];
export const reportStatusLabels: Record<ReportStatus, { ja: string; en: string }> = {
  submitted: { ja: '確認待ち', en: 'Awaiting review' },
  accepted: { ja: '受理', en: 'Accepted' },
  returned: { ja: '差し戻し', en: 'Returned' },
};

export const followTargets = ['measure', 'indicator', 'partner'] as const;
export type FollowTarget = (typeof followTargets)[number];
