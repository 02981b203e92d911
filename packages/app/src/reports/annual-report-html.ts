/**
 * The annual evaluation report as HTML: summary by strategy and field, then
 * per measure its 施策評価シート (with indicator charts and tables) and the
 * 事務事業評価シート of its projects. 和暦 years, department names, amounts in
 * the templates' money unit.
 */
import { deliveryMethodLabels, formatFiscalYear, type IndicatorFigures } from '@mirai/core';
import type { AnnualReportModel, ReportMeasure, ReportProject } from './annual-report-model';
import {
  esc,
  indicatorChartSvg,
  indicatorTable,
  kvTable,
  num,
  type ReportSection,
  reportDocument,
} from './report-html';

const labelOf = (model: AnnualReportModel, kind: 'project' | 'measure', key: string, code?: string) => {
  if (!code) return '—';
  const t = model.templates[kind];
  const scaleId = key === 'overall' ? t.overall.scaleId : t.ratings.find((r) => r.key === key)?.scaleId;
  const level = model.templates.scales.find((s) => s.id === scaleId)?.levels.find((l) => l.code === code);
  return level ? `${code}（${level.label.ja}）` : code;
};
const directionOf = (model: AnnualReportModel, kind: 'project' | 'measure', code?: string) =>
  code ? (model.templates[kind].directions?.options.find((o) => o.code === code)?.label.ja ?? code) : '—';

function ratingCodes(model: AnnualReportModel): string[] {
  const codes = new Set<string>();
  for (const s of model.templates.scales.filter((x) =>
    [model.templates.project.overall.scaleId, model.templates.measure.overall.scaleId].includes(x.id),
  ))
    for (const l of s.levels) codes.add(l.code);
  for (const k of Object.keys(model.totals.ratings)) codes.add(k);
  return [...codes];
}

function summarySection(model: AnnualReportModel): ReportSection {
  const codes = ratingCodes(model);
  const { strategy: S, field: F, measure: M, project: P } = model.levels;
  const head = `<tr><th>${esc(S.ja)}・${esc(F.ja)}</th><th class="n">シート数</th>${codes.map((c) => `<th class="n">${esc(c)}</th>`).join('')}</tr>`;
  const row = (name: string, r: Record<string, number>, strong = false) => {
    const total = Object.values(r).reduce((a, b) => a + b, 0);
    const cell = (v: string | number) => (strong ? `<strong>${v}</strong>` : v);
    return `<tr><td>${cell(esc(name))}</td><td class="n">${cell(total)}</td>${codes.map((c) => `<td class="n">${cell(r[c] ?? 0)}</td>`).join('')}</tr>`;
  };
  const rows = model.strategies
    .flatMap((s) => [
      row(`${s.code} ${s.name}`, s.ratings, true),
      ...s.fields.map((f) => row(`　${f.code} ${f.name}`, f.ratings)),
    ])
    .join('');
  const html = `<h2>1. 評価結果の概要</h2>
<p>${esc(model.fiscalYearLabel)}に実施した事業について、${esc(M.ja)} ${model.totals.measures} 件・${esc(P.ja)} ${model.totals.projects} 件を評価しました。総合評価の件数を${esc(S.ja)}・${esc(F.ja)}ごとに示します。</p>
<table><caption class="note">総合評価の件数（${esc(M.ja)}評価・${esc(P.ja)}評価の合計）</caption><thead>${head}</thead><tbody>${rows}${row('合計', model.totals.ratings, true)}</tbody></table>
<p class="note">評価の区分：${model.templates.scales
    .filter((s) =>
      [model.templates.project.overall.scaleId, model.templates.measure.overall.scaleId].includes(s.id),
    )
    .map((s) => `${esc(s.name.ja)}＝${s.levels.map((l) => `${esc(l.code)} ${esc(l.label.ja)}`).join('、')}`)
    .join('／')}</p>`;
  return { id: 'summary', title: '1. 評価結果の概要', level: 1, html };
}

function measureHtml(model: AnnualReportModel, m: ReportMeasure, figures: Map<string, IndicatorFigures>) {
  const s = m.sheet;
  const { measure: M, project: P } = model.levels;
  if (!s)
    return `<h3>${esc(m.code)} ${esc(m.name)}</h3><p class="note">${esc(M.ja)}評価シートはありません。</p>`;
  const c = s.content;
  const charts = s.indicatorRows
    .map((r) => {
      const fig = figures.get(r.code);
      const years = (fig?.years ?? []).filter((y) => y.fiscalYear <= model.fiscalYear + 2);
      return years.length > 0 ? `<div class="chart">${indicatorChartSvg(r, years)}</div>` : '';
    })
    .join('');
  const weights = c.contributingProjects.map((p) => `${p.projectCode}（${p.weight}%）`).join('、');
  return `${kvTable([
    [`${M.ja}名`, `${c.name}（${c.measureCode}）`],
    ['担当課', s.departmentName],
    [`${M.ja}の目指す姿`, c.desiredState],
    [`構成${P.ja}と貢献度`, weights],
    ['総合評価', labelOf(model, 'measure', 'overall', c.overallRating)],
    ['今後の方向性', directionOf(model, 'measure', c.direction)],
    ['課題', c.issues],
    ['今後の取組方針', c.improvements],
    ['市民実感度', c.citizenPerception?.note],
  ])}
${indicatorTable(s.indicatorRows, '成果指標')}
${charts}
${c.comments['planning-division'] ? kvTable([['企画担当課の所見', c.comments['planning-division']]]) : ''}`;
}

function projectHtml(model: AnnualReportModel, p: ReportProject) {
  const c = p.content;
  const ratings = model.templates.project.ratings.map((r): [string, string] => [
    r.label.ja,
    labelOf(model, 'project', r.key, c.ratings[r.key]),
  ]);
  const period = c.period
    ? `${formatFiscalYear(c.period.startFiscalYear)}〜${c.period.endFiscalYear ? formatFiscalYear(c.period.endFiscalYear) : ''}`
    : null;
  const cost = p.cost;
  const costTable = cost
    ? `<table><caption class="note">事業費（${cost.basis === 'settlement' ? '決算' : '予算'}、単位：${esc(model.moneyUnit)}）</caption>
<thead><tr><th class="n">国庫支出金</th><th class="n">県支出金</th><th class="n">地方債</th><th class="n">その他</th><th class="n">一般財源</th><th class="n">事業費</th><th class="n">人件費</th><th class="n">総コスト</th><th class="n">単位コスト</th></tr></thead>
<tbody><tr><td class="n">${num(cost.funding.national)}</td><td class="n">${num(cost.funding.prefectural)}</td><td class="n">${num(cost.funding.bonds)}</td><td class="n">${num(cost.funding.other)}</td><td class="n">${num(cost.funding.generalRevenue)}</td><td class="n">${num(cost.projectCost)}</td><td class="n">${num(cost.staffCost)}</td><td class="n">${num(cost.totalCost)}</td><td class="n">${cost.unitCost === null ? '—' : `${num(cost.unitCost)}${cost.unitQuantity ? `／${esc(cost.unitQuantity.unit)}` : ''}`}</td></tr></tbody></table>`
    : '';
  return `${kvTable([
    ['事業名', `${c.name}（${c.projectCode}）`],
    ['担当課', p.departmentName],
    ['事業期間', period],
    ['実施方法', c.delivery.map((d) => deliveryMethodLabels[d]?.ja ?? d).join('・')],
    ['対象（誰・何を）', c.purpose.target],
    ['意図（どういう状態にしたいか）', c.purpose.intent],
    ['手段（事業内容）', c.purpose.means],
  ])}
${indicatorTable(p.indicatorRows, '活動指標・成果指標')}
${costTable}
${kvTable([
  ...ratings,
  ['総合評価', labelOf(model, 'project', 'overall', c.overallRating)],
  ['今後の方向性', directionOf(model, 'project', c.direction)],
  ['課題', c.issues],
  ['改革改善案', c.improvements],
  ...(c.comments['section-head'] ? [['所属長の所見', c.comments['section-head']] as [string, string]] : []),
])}`;
}

export function annualReportHtml(model: AnnualReportModel): string {
  const figures = model.figures;
  const sections: ReportSection[] = [summarySection(model)];
  const { field: F, measure: M, project: P } = model.levels;
  let n = 1;
  for (const st of model.strategies) {
    n++;
    const strategyId = `s-${st.code}`;
    sections.push({
      id: strategyId,
      title: `${n}. ${st.name}`,
      level: 1,
      html: `<h2>${n}. ${esc(st.name)}</h2>${st.fields
        .map(
          (f) =>
            `<p>${esc(F.ja)} ${esc(f.code)} ${esc(f.name)}：${esc(M.ja)} ${f.measures.length} 件、${esc(P.ja)} ${f.measures.reduce((a, m) => a + m.projects.length, 0)} 件</p>`,
        )
        .join('')}`,
    });
    for (const f of st.fields) {
      for (const m of f.measures) {
        sections.push({
          id: `m-${m.code}`,
          title: `${M.ja}評価 ${m.code} ${m.name}`,
          level: 2,
          html: `<p class="note">${esc(F.ja)} ${esc(f.code)} ${esc(f.name)}</p><h2>${esc(M.ja)}評価シート ${esc(m.code)} ${esc(m.name)}</h2>${measureHtml(model, m, figures)}`,
        });
        for (const p of m.projects)
          sections.push({
            id: `p-${p.code}`,
            title: `${P.ja}評価 ${p.code} ${p.content.name}`,
            level: 3,
            html: `<p class="note">${esc(f.name)} ＞ ${esc(m.name)}</p><h2>${esc(P.ja)}評価シート ${esc(p.code)} ${esc(p.content.name)}</h2>${projectHtml(model, p)}`,
          });
      }
    }
  }
  const badges = [
    ...(model.preliminary ? ['速報（未公表・審査中の内容を含みます）'] : []),
    ...(model.sample ? ['サンプルデータを含みます'] : []),
  ];
  return reportDocument({
    title: model.title,
    coverLines: [model.municipality, `${model.planTitle}`, `${model.madeOn} 作成`],
    badges,
    sections,
  });
}
