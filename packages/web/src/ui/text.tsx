/**
 * Text in the page language. Plan text carries `ja` and usually `en`; when the
 * English is missing the Japanese is shown with its own lang attribute.
 */
import type { Text } from '@mirai/core';
import type { ReactNode } from 'react';
import { type Lang, useLang } from '../i18n/lang';
import { type MessageKey, messages } from '../i18n/messages';

export function pick(text: Text, lang: Lang): { value: string; lang: Lang } {
  if (lang === 'en' && text.en) return { value: text.en, lang: 'en' };
  return { value: text.ja, lang: 'ja' };
}

const japaneseScript = /[\u3040-\u30ff\u3400-\u9fff\uff01-\uff60]/;

/** Whether text is Japanese (kana or kanji in it): it then needs lang="ja" on an English page. */
export const isJapanese = (s: string) => japaneseScript.test(s);

/** Plan text in the page language (falls back to Japanese, marked as such). */
export function T({ text }: { text: Text }) {
  const lang = useLang();
  const p = pick(text, lang);
  const actual = lang === 'en' && isJapanese(p.value) ? 'ja' : p.lang;
  return actual === lang ? p.value : <span lang={actual}>{p.value}</span>;
}

/** Text from data that is Japanese whatever the page language (sources, names): marked lang="ja" on English pages. */
export function Ja({ children }: { children: string | null | undefined }) {
  const lang = useLang();
  if (!children) return null;
  return lang === 'en' && isJapanese(children) ? <span lang="ja">{children}</span> : children;
}

/**
 * Brackets in the page's language: full-width （…） on a Japanese page, ASCII " (…)" on an English
 * one (full-width brackets stay only inside Japanese fragments marked lang="ja").
 */
export function Paren({ children }: { children: ReactNode }) {
  return useLang() === 'en' ? <> ({children})</> : <>（{children}）</>;
}

/** The same as one string (where a single text node matters, e.g. a summary read as one phrase). */
export const parenText = (before: string, inner: string, lang: Lang): string =>
  lang === 'en' ? `${before} (${inner})` : `${before}（${inner}）`;

/** An interface string. */
export function M({ k }: { k: MessageKey }) {
  return <>{messages[k][useLang()]}</>;
}

/** The hook form, for attributes. */
export function useMsg() {
  const lang = useLang();
  return (k: MessageKey) => messages[k][lang];
}

/** Bilingual inline literal: `<L ja="…" en="…" />`. */
export function L({ ja, en }: { ja: string; en: string }) {
  return <>{useLang() === 'en' ? en : ja}</>;
}

export function SampleBadge({ sample }: { sample?: boolean | undefined }) {
  const lang = useLang();
  return sample ? (
    <span
      className="badge sample"
      title={lang === 'en' ? 'Illustrative sample data' : '説明用のサンプルデータ'}
    >
      <span lang="ja">サンプル</span> / <span lang="en">Sample</span>
    </span>
  ) : null;
}

export function formatNumber(v: number, lang: Lang, digits = 0): string {
  return v.toLocaleString(lang === 'en' ? 'en-US' : 'ja-JP', {
    maximumFractionDigits: digits,
    minimumFractionDigits: digits,
  });
}

/** A number as printed; with `figure`, marked with what it is (`data-figure`, see core figureKey). */
export function Num({
  value,
  digits = 0,
  figure,
}: {
  value: number | null | undefined;
  digits?: number;
  figure?: string | undefined;
}) {
  const lang = useLang();
  if (value === null || value === undefined || !Number.isFinite(value)) return <>—</>;
  const text = formatNumber(value, lang, digits);
  return figure ? <span data-figure={figure}>{text}</span> : text;
}
