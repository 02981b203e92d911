/**
 * The HTML document around a server-rendered page: language, inlined styles,
 * the page data for hydration, and the module script. No external resources.
 */
import { renderToString } from 'react-dom/server';
import { App } from '../app';
import { messages } from '../i18n/messages';
import type { PageEnvelope } from '../types';
import { baseCss } from '../ui/base-css';

export interface Assets {
  /** Module scripts to load (the client entry), e.g. `/assets/main-abc.js`. */
  scripts: string[];
  /** Module chunks to preload. */
  preload?: string[];
}

export function renderPage(envelope: PageEnvelope, title: string, assets: Assets = { scripts: [] }): string {
  const body = renderToString(<App envelope={envelope} />);
  const lang = envelope.lang;
  const scripts = assets.scripts
    .map((s) => `<script type="module" src="${escapeHtml(s)}"></script>`)
    .join('');
  const preload = (assets.preload ?? [])
    .map((s) => `<link rel="modulepreload" href="${escapeHtml(s)}">`)
    .join('');
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<link rel="icon" href="data:,">
<style>${baseCss}</style>
${preload}
</head>
<body>
<a class="skip" href="#main">${messages.skip[lang]}</a>
<div id="root">${body}</div>
<script type="application/json" id="mirai-data">${jsonForScript(envelope)}</script>
${scripts}
</body>
</html>`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** JSON that cannot close the script element it sits in. */
export function jsonForScript(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
