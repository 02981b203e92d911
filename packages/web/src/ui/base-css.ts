/**
 * Base styles, inlined in every page: the Digital Agency design system's
 * tokens (colour, type, radii; see design-tokens.ts), installed fonts only (no
 * web fonts or other external resources), contrast of at least 4.5:1 for
 * text, a visible focus ring, strict Japanese line breaking (no small kana or
 * closing brackets at a line start; headings and labels break between
 * phrases, not inside words), layouts that fold down to a phone, print rules.
 */
import { fontFamily, tokenCss } from './design-tokens';
import { homeCss } from './home-css';

export const baseCss = `
${tokenCss()}
:root{--bg:#fff}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font-family:${fontFamily};color:var(--fg);background:var(--bg);line-height:var(--lh-170);font-size:var(--fs-16);line-break:strict;word-break:normal;overflow-wrap:anywhere}
h1,h2,h3,h4,.site-name,.site-header nav a,.status,.badge,button,.button,th,dt,figcaption,caption,.tile-title{word-break:keep-all;overflow-wrap:anywhere;line-height:var(--lh-150)}
td.num,th.num,.num{word-break:normal;overflow-wrap:normal;white-space:nowrap}
main{max-width:64rem;margin:0 auto;padding:var(--space-4)}
a{color:var(--accent);text-underline-offset:.15em}
a:hover{color:var(--accent-strong);text-decoration-thickness:2px}
:focus-visible{outline:4px solid var(--fg);outline-offset:2px;box-shadow:0 0 0 2px var(--focus)}
.skip{position:absolute;left:-999px;top:0}.skip:focus{left:1rem;top:1rem;background:#fff;padding:.5rem;z-index:10}
.site-header{border-bottom:1px solid var(--line);background:var(--soft)}
.site-header .bar{max-width:64rem;margin:0 auto;padding:.5rem 1rem;display:flex;gap:1rem;justify-content:space-between;align-items:center;flex-wrap:wrap}
.site-name{font-weight:700;color:var(--fg);text-decoration:none}
.lang-switch{border:1px solid var(--accent);border-radius:.3rem;padding:.2rem .6rem;min-height:44px;display:inline-flex;align-items:center}
.site-header nav ul{max-width:64rem;margin:0 auto;padding:0 1rem .5rem;list-style:none;display:flex;flex-wrap:wrap;gap:.25rem 1rem}
.site-header nav a{display:inline-block;padding:.35rem 0;min-height:44px;line-height:2}
.site-header nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
.site-footer{max-width:64rem;margin:2rem auto 0;padding:1rem;border-top:1px solid var(--line);color:var(--muted);font-size:.9rem}
.crumbs ol{list-style:none;padding:0;margin:0 0 .5rem;display:flex;flex-wrap:wrap;font-size:.9rem}
.crumbs li+li::before{content:"›";padding:0 .4rem;color:var(--muted)}
.hero{border-bottom:2px solid var(--line);margin-bottom:1.5rem}
.slogan{font-size:1.4rem;font-weight:700}
.lead{font-size:1.1rem;font-weight:700}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(16rem,1fr));gap:1rem;list-style:none;padding:0}
.card{border:1px solid var(--line);border-radius:.5rem;padding:1rem}
.card h3,.card h4{margin-top:0}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
.facts dt{font-weight:700}.facts dd{margin:0}
.tree>li{margin-bottom:1.5rem}
.badge{display:inline-block;border:1px solid currentColor;border-radius:.25rem;padding:0 .3rem;font-size:.8rem;font-weight:700}
.sample{color:var(--sample)}
.sample-note{border-left:4px solid var(--sample);padding:.5rem 1rem;background:#fff8eb}
.status{display:inline-block;border:1px solid var(--line);border-radius:1rem;padding:0 .6rem;background:#fff;font-weight:700}
.rollup{font-size:.95rem;margin:.25rem 0}.explain{color:var(--muted)}
.tags{list-style:none;padding:0;display:flex;gap:.5rem}.tags li{border:1px solid var(--line);border-radius:.25rem;padding:0 .4rem}
table{border-collapse:collapse;width:100%;margin:.5rem 0}
caption{text-align:left;font-weight:700;padding:.25rem 0}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--soft)}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.hl{background:#fff3c4}
.dense{font-size:.85rem}
.table-scroll{overflow-x:auto}
.footer-links{display:flex;flex-wrap:wrap;gap:.25rem 1.25rem;list-style:none;margin:0 0 .75rem;padding:0}
.datasets .dataset-description{font-weight:normal;margin:.25rem 0 0;font-size:.9rem}
.downloads{list-style:none;margin:0;padding:0;white-space:nowrap}
.contact dt,.test-summary dt{font-weight:bold;margin-top:.5rem}
.contact dd,.test-summary dd{margin-left:0}
.chart{margin:1rem 0;border:1px solid var(--line);border-radius:.5rem;padding:.75rem}
.chart figcaption{font-weight:700}
.chart-canvas{width:100%;height:0}
html.js .chart-canvas{height:320px}
.table-wrap{overflow-x:auto}
.table-wrap th,.table-wrap td,.table-scroll th,.table-scroll td{overflow-wrap:break-word}
.table-title{font-size:.85rem;color:var(--muted);margin:.5rem 0 0}
.grid-3{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
.inline-list{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.5rem 1rem}
.inline-list a{display:inline-block;min-height:44px;line-height:2.6}
ul.plain{list-style:none;padding:0;margin:0}
.note{color:var(--muted);font-size:.9rem}
.logic{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.5rem}
.logic dd{margin:0 0 .25rem}
label{font-weight:700}
input,select,button,textarea{font:inherit}
button,.button{min-height:44px;padding:.3rem 1rem;border:2px solid var(--accent);background:var(--accent);color:#fff;border-radius:.3rem;cursor:pointer}
button.secondary{background:#fff;color:var(--accent)}
.field{margin:.75rem 0}.field input,.field select{display:block;padding:.4rem;border:1px solid #6b7280;border-radius:.25rem;min-height:44px;width:100%;max-width:24rem}
.error{color:var(--error);font-weight:700}
.slider{display:grid;grid-template-columns:1fr;gap:.2rem;margin:.75rem 0}
.slider input[type=range]{width:100%;max-width:28rem;min-height:44px}
output{font-weight:700;font-variant-numeric:tabular-nums}
.staff-bar{background:#eef2f6;border-bottom:1px solid var(--line)}
.staff-bar ul{max-width:64rem;margin:0 auto;padding:.25rem 1rem;list-style:none;display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center}
.staff-bar .who{margin-left:auto;color:var(--muted)}
fieldset{border:1px solid var(--line);border-radius:.5rem;padding:.5rem 1rem}legend{font-weight:700;padding:0 .25rem}
.conflict{border:3px solid var(--error);border-radius:.5rem;padding:.5rem 1rem;margin:1rem 0;background:var(--error-soft)}
.field textarea{display:block;width:100%;max-width:48rem;padding:.4rem;border:1px solid #6b7280;border-radius:.25rem}
label.check{display:inline-flex;gap:.3rem;align-items:center;margin-right:1rem;min-height:44px;font-weight:400}
[aria-invalid=true]{border-color:var(--error)!important;border-width:2px!important}
.steps{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;padding-left:1.2rem}.steps [aria-current=step]{font-weight:700;text-decoration:underline}
.status-on-track,.status-S,.status-A{border-color:var(--success);background:var(--success-soft)}
.status-mostly-on-track,.status-B{border-color:var(--success)}
.status-slightly-behind,.status-C{border-color:var(--warning);background:var(--warning-soft)}
.status-behind,.status-D{border-color:var(--error);background:var(--error-soft)}
.status-no-data,.status-insufficient-data,.status-stale,.status-cannot-tell,.status-not-computable{border-style:dashed;border-color:var(--muted);background:var(--neutral-soft)}
${homeCss}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}.voices li,.reports li{margin-bottom:1rem}.hidden-voice{color:var(--muted);font-style:italic}form label{display:block;margin:.5rem 0}
.actuals-grid th[scope=row]{min-width:12em;max-width:20em;font-weight:400}.actuals-grid td{vertical-align:top}.actuals-grid input.grid-cell{width:8em;min-height:44px;text-align:right;font-variant-numeric:tabular-nums}.actuals-grid th.current-year{background:var(--neutral-soft)}.actuals-grid td.changed input{background:var(--warning-soft)}.actuals-grid td.has-problem input{outline:2px solid var(--error)}.actuals-grid .cell-problem{display:block;max-width:16em;white-space:normal;text-align:left;font-size:var(--fs-14)}
@media (max-width:40rem){.actuals-grid .previous-year{display:none}.actuals-grid th[scope=row]{min-width:7em}.actuals-grid input.grid-cell{width:5.5em}.actuals-grid .cell-problem{max-width:9em}}
@media (max-width:40rem){main{padding:.75rem}.site-header .bar{padding:.25rem .75rem;flex-wrap:nowrap}.site-name{font-size:var(--fs-14)}.site-header nav ul{gap:0 .8rem;padding:0 .75rem;font-size:var(--fs-14)}.site-header nav a{padding:0;line-height:44px}.lang-switch{min-height:44px}.facts{grid-template-columns:1fr}html.js .chart-canvas{height:260px}h1{font-size:1.5rem}}
@media print{.skip,.site-header nav,.lang-switch,.chart-canvas{display:none}a{color:inherit;text-decoration:none}.chart,.card{break-inside:avoid;border-color:#999}body{font-size:10.5pt}main{max-width:none}details>*{display:block}}
.district-map-svg { max-width: 100%; height: auto; }
.district-map a:focus rect { stroke-width: 4; stroke: #0017c1; }
.map-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.75rem; padding: 0; }
.map-legend .swatch { vertical-align: middle; margin-right: 0.25rem; }
`;
