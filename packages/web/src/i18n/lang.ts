/**
 * The page language: Japanese by default, English on request (`?lang=en`,
 * remembered in a cookie). Components read it from context.
 */
import { createContext, useContext } from 'react';

export type Lang = 'ja' | 'en';
export const LANG_COOKIE = 'mirai_lang';

export const LangContext = createContext<Lang>('ja');
export const useLang = (): Lang => useContext(LangContext);

export function parseLang(v: string | null | undefined): Lang | undefined {
  return v === 'en' || v === 'ja' ? v : undefined;
}

/** Chooses the language: query first, then the cookie, then Japanese. */
export function negotiateLang(
  query: string | null | undefined,
  cookieHeader: string | null | undefined,
): Lang {
  const q = parseLang(query);
  if (q) return q;
  const m = /(?:^|;\s*)mirai_lang=(ja|en)\b/.exec(cookieHeader ?? '');
  return parseLang(m?.[1]) ?? 'ja';
}
