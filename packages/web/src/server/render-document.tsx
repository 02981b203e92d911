/** The HTML document around a server-rendered page: language, styles, no external resources. */
import type { ReactNode } from 'react';
import { renderToString } from 'react-dom/server';
import { baseCss } from '../ui/base-css';

export function renderDocument(opts: { title: string; body: ReactNode; scripts?: string[] }): string {
  const body = renderToString(opts.body);
  const scripts = (opts.scripts ?? []).map((s) => `<script type="module" src="${s}"></script>`).join('');
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(opts.title)}</title>
<style>${baseCss}</style>
</head>
<body>
<a class="skip" href="#main">本文へ移動 <span lang="en">Skip to content</span></a>
<div id="root">${body}</div>
${scripts}
</body>
</html>`;
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
