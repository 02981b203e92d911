/** The frame of every public page: skip link target, header with menu and language switch, footer. */
import type { ReactNode } from 'react';
import { useLang } from '../i18n/lang';
import { siteName, useSite } from './site';
import { M, useMsg } from './text';

const nav: {
  href: string;
  k: 'home' | 'happiness' | 'population' | 'areas' | 'calendar' | 'evaluation' | 'openData';
}[] = [
  { href: '/', k: 'home' },
  { href: '/happiness', k: 'happiness' },
  { href: '/population', k: 'population' },
  { href: '/areas', k: 'areas' },
  { href: '/calendar', k: 'calendar' },
  { href: '/evaluation', k: 'evaluation' },
  { href: '/open-data', k: 'openData' },
];

export function Layout({ path, children }: { path: string; children: ReactNode }) {
  const lang = useLang();
  const msg = useMsg();
  const site = useSite();
  const other = lang === 'ja' ? 'en' : 'ja';
  return (
    <>
      <header className="site-header">
        <div className="bar">
          <a className="site-name" href="/">
            {siteName(site, lang)}
          </a>
          <a
            className="lang-switch"
            href={`${path}?lang=${other}`}
            hrefLang={other}
            lang={other}
            aria-label={msg('langSwitchLabel')}
          >
            <M k="langSwitch" />
          </a>
        </div>
        <nav aria-label={msg('mainNav')}>
          <ul>
            {nav.map((n) => (
              <li key={n.href}>
                <a href={n.href} aria-current={path === n.href ? 'page' : undefined}>
                  <M k={n.k} />
                </a>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      {children}
      <footer className="site-footer">
        <nav aria-label={msg('footerNav')}>
          <ul className="footer-links">
            {(['contact', 'accessibility', 'openData'] as const).map((k) => {
              const href = k === 'openData' ? '/open-data' : `/${k}`;
              return (
                <li key={k}>
                  <a href={href} aria-current={path === href ? 'page' : undefined}>
                    <M k={k} />
                  </a>
                </li>
              );
            })}
          </ul>
        </nav>
        <p>
          <M k="sampleNote" />
        </p>
        <p>
          <M k="footer" />
        </p>
      </footer>
    </>
  );
}

/** Breadcrumbs: the path from the top page to this one. */
export function Crumbs({ items }: { items: { href?: string; label: ReactNode }[] }) {
  const msg = useMsg();
  return (
    <nav aria-label={msg('breadcrumb')} className="crumbs">
      <ol>
        <li>
          <a href="/">
            <M k="home" />
          </a>
        </li>
        {items.map((it, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list
          <li key={i}>
            {it.href ? <a href={it.href}>{it.label}</a> : <span aria-current="page">{it.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
