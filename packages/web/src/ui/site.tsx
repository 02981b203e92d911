/**
 * What every page knows of the site: the plan's title and municipality and the
 * plan's own names for its levels (基本目標, 政策, …). Set once per page from
 * the envelope; components read it with useSite() or <Level k="field" />.
 */
import { classicLevelNames, type LevelKey, type LevelNames, type Text } from '@mirai/core';
import { createContext, useContext } from 'react';
import { useLang } from '../i18n/lang';

export interface SiteInfo {
  /** The plan's title, as the plan names it. */
  title: Text;
  municipality: Text;
  levelNames: LevelNames;
}

export const defaultSite: SiteInfo = {
  title: { ja: '総合計画', en: 'Comprehensive plan' },
  municipality: { ja: '', en: '' },
  levelNames: classicLevelNames,
};

export const SiteContext = createContext<SiteInfo>(defaultSite);
export const useSite = (): SiteInfo => useContext(SiteContext);

/** A level's name in the page language, as text (for attributes and templates). */
export function useLevel() {
  const lang = useLang();
  const { levelNames } = useSite();
  return (k: LevelKey) => (lang === 'en' ? (levelNames[k].en ?? levelNames[k].ja) : levelNames[k].ja);
}

/** A level's name in the page language: `<Level k="field" />`. */
export function Level({ k }: { k: LevelKey }) {
  return <>{useLevel()(k)}</>;
}

/** The site's name: the plan's title and 進捗 / progress. */
export function siteName(site: SiteInfo, lang: 'ja' | 'en'): string {
  return lang === 'en' ? `${site.title.en ?? site.title.ja}: progress` : `${site.title.ja} 進捗`;
}

/** ①…⑳ for a field's number, then plain digits. */
export function numberMark(n: number): string {
  return '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳'[n - 1] ?? `${n}.`;
}
