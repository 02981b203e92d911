/**
 * The report as one self-contained HTML document (nothing fetched: inline CSS,
 * inline SVG charts, system fonts), laid out for A4: a cover, a table of
 * contents whose page numbers the PDF renderer fills in, then one section per
 * page break. The same document is served as the HTML report.
 */
import { formatFiscalYear, type IndicatorRow } from '@mirai/core';
import * as echarts from 'echarts';

export const esc = (s: unknown) =>
  String(s ?? '').replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );

const nf = new Intl.NumberFormat('ja-JP', { maximumFractionDigits: 2 });
export const num = (v: number | null | undefined) => (v === null || v === undefined ? '—' : nf.format(v));
export const pct = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(Math.round(v * 1000) / 10).toFixed(1)}%`;

/** One section of the report: its id, its heading in the table of contents and its HTML. */
export interface ReportSection {
  id: string;
  title: string;
  level: 1 | 2 | 3;
  html: string;
}

const css = `
@page { size: A4; margin: 15mm 15mm 18mm 15mm; }
* { box-sizing: border-box; }
body { font-family: "Noto Sans CJK JP", "Noto Sans JP", "Yu Gothic", "Hiragino Sans", sans-serif;
  font-size: 10pt; line-height: 1.5; color: #111; margin: 0; }
main { max-width: 180mm; margin: 0 auto; }
h1 { font-size: 20pt; margin: 0 0 6mm; }
h2 { font-size: 14pt; border-bottom: 2px solid #1f4e79; margin: 0 0 3mm; padding-bottom: 1mm; }
h3 { font-size: 11.5pt; margin: 4mm 0 2mm; }
table { border-collapse: collapse; width: 100%; margin: 2mm 0 4mm; }
th, td { border: 1px solid #555; padding: 1mm 1.5mm; vertical-align: top; }
th { background: #e8eef5; text-align: left; font-weight: 600; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
th.n { white-space: nowrap; font-size: 8.5pt; }
.cover { height: 250mm; display: flex; flex-direction: column; justify-content: center; text-align: center; }
.cover .sub { font-size: 13pt; }
.badge { display: inline-block; border: 1px solid #a33; color: #a33; padding: 0 2mm; margin: 1mm; }
section.page { break-before: page; }
.toc ol { list-style: none; padding: 0; margin: 0; }
.toc li { display: flex; gap: 2mm; }
.toc li .t { flex: 1; border-bottom: 1px dotted #999; }
.toc li.l2 { padding-left: 6mm; } .toc li.l3 { padding-left: 12mm; font-size: 9pt; }
.toc a { color: inherit; text-decoration: none; }
.chart { break-inside: avoid; }
.note { font-size: 8.5pt; color: #444; }
th.k { width: 32%; }
/* The charts' text styled here too: a strict CSP drops style attributes of inline SVG. */
svg text { font-size: 12px; font-family: "Noto Sans CJK JP", sans-serif; }
tr, .chart, .kv { break-inside: avoid; }
`;

const fyShort = (fy: number) => formatFiscalYear(fy).replace('年度', '');

/** Target and actual per year of one indicator, as an inline SVG (ECharts' server-side renderer). */
export function indicatorChartSvg(
  row: IndicatorRow,
  years: { fiscalYear: number; target?: number; actual?: number }[],
) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width: 600, height: 200 });
  chart.setOption({
    animation: false,
    textStyle: { fontFamily: 'Noto Sans CJK JP, sans-serif' },
    title: { text: `${row.name}（${row.unit}）`, textStyle: { fontSize: 12 } },
    legend: { right: 0, top: 0, data: ['目標値', '実績値'] },
    grid: { left: 56, right: 16, top: 36, bottom: 24 },
    xAxis: { type: 'category', data: years.map((y) => fyShort(y.fiscalYear)) },
    yAxis: { type: 'value', min: 0 },
    series: [
      {
        name: '目標値',
        type: 'line',
        data: years.map((y) => y.target ?? null),
        lineStyle: { type: 'dashed' },
        itemStyle: { color: '#888' },
      },
      {
        name: '実績値',
        type: 'bar',
        data: years.map((y) => y.actual ?? null),
        itemStyle: { color: '#1f4e79' },
      },
    ],
  });
  const svg = chart.renderToSVGString();
  chart.dispose();
  return svg;
}

export function indicatorTable(rows: IndicatorRow[], caption: string) {
  if (rows.length === 0) return `<p class="note">${esc(caption)}：指標はありません。</p>`;
  const fy = rows[0]?.current.fiscalYear ?? 0;
  const head = `<tr><th>区分</th><th>指標</th><th>単位</th><th class="n">基準値</th><th class="n">${esc(fyShort(fy - 1))} 実績</th><th class="n">${esc(fyShort(fy))} 目標</th><th class="n">${esc(fyShort(fy))} 実績</th><th class="n">達成率</th><th class="n">最終目標</th></tr>`;
  const body = rows
    .map(
      (r) =>
        `<tr><td>${r.role === 'activity' ? '活動' : '成果'}</td><td>${esc(r.name)}</td><td>${esc(r.unit)}</td><td class="n">${num(r.baseline)}</td><td class="n">${num(r.previous.actual)}</td><td class="n">${num(r.current.target)}</td><td class="n">${num(r.current.actual)}</td><td class="n">${pct(r.current.achievement)}</td><td class="n">${r.final ? `${num(r.final.target)}（${esc(fyShort(r.final.fiscalYear))}）` : '—'}</td></tr>`,
    )
    .join('');
  return `<table><caption class="note">${esc(caption)}</caption><thead>${head}</thead><tbody>${body}</tbody></table>`;
}

/** A two-column table of label → value rows (values escaped; empty shown as —). */
export function kvTable(rows: [string, string | number | null | undefined][]) {
  return `<table class="kv"><tbody>${rows
    .map(
      ([k, v]) =>
        `<tr><th class="k">${esc(k)}</th><td>${v === null || v === undefined || v === '' ? '—' : esc(v)}</td></tr>`,
    )
    .join('')}</tbody></table>`;
}

export function reportDocument(input: {
  title: string;
  coverLines: string[];
  badges: string[];
  sections: ReportSection[];
}) {
  const toc = input.sections
    .map(
      (s) =>
        `<li class="l${s.level}"><span class="t"><a href="#${esc(s.id)}">${esc(s.title)}</a></span><span class="p" data-toc-for="${esc(s.id)}"></span></li>`,
    )
    .join('');
  const body = input.sections
    .map((s) => `<section class="page" id="${esc(s.id)}" data-section>${s.html}</section>`)
    .join('\n');
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>${esc(input.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><style>${css}</style></head>
<body><main>
<div class="cover"><h1>${esc(input.title)}</h1>${input.coverLines.map((l) => `<p class="sub">${esc(l)}</p>`).join('')}
<p>${input.badges.map((b) => `<span class="badge">${esc(b)}</span>`).join('')}</p></div>
<section class="page toc" id="toc"><h2>目次</h2><ol>${toc}</ol></section>
${body}
</main></body></html>`;
}
