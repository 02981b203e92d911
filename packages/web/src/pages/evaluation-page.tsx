/**
 * The public evaluation results (/evaluation): each published round with its
 * annual report (HTML to read and print on A4, the PDF made when the round was published,
 * or a note that it is still being made, the sheets as Excel) and the
 * published sheets' ratings, directions and issues; then the published medium-term reviews with
 * their reports as stored at publication. Only published rounds, sheets and reviews reach this
 * page (the public read path); drafts never do.
 */
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { EvaluationResultsTable } from '../ui/evaluation-results-table';
import { Crumbs } from '../ui/layout';
import { ScrollArea } from '../ui/scroll-area';
import { L, M, Paren, T } from '../ui/text';
import { FiscalYear, fiscalYearText, JapanDate } from '../ui/years';

type Model = Extract<PageModel, { page: 'evaluation' }>;

export function EvaluationPage({ model }: { model: Model }) {
  const lang = useLang();
  const rounds = [...model.evaluations].sort((a, b) => b.fiscalYear - a.fiscalYear);
  return (
    <main id="main">
      <Crumbs items={[{ label: <M k="evaluation" /> }]} />
      <h1>
        <L ja="行政評価の結果" en="Evaluation results" />
      </h1>
      <p>
        <L
          ja="毎年度、施策と事務事業を評価し、所属長・企画担当課の確認を経て公表しています。公表済みの年度の結果と報告書です。"
          en="Each year the measures and projects are evaluated, reviewed by section heads and the planning division, then published. These are the published years' results and reports."
        />
      </p>
      {rounds.length === 0 ? (
        <p id="no-evaluations">
          <L ja="公表済みの評価結果はまだありません。" en="No evaluation results have been published yet." />
        </p>
      ) : (
        rounds.map((r) => (
          <section key={r.fiscalYear} aria-labelledby={`ev-${r.fiscalYear}`} className="evaluation-round">
            <h2 id={`ev-${r.fiscalYear}`}>
              <FiscalYear fy={r.fiscalYear} />
              <L ja="の評価結果" en=" evaluation results" />
            </h2>
            <ul className="report-links">
              <li>
                <a href={`/api/v1/evaluation/${r.fiscalYear}/report`}>
                  <L
                    ja="行政評価結果報告書（HTML・A4 で印刷できます）"
                    en="Evaluation report (HTML, prints on A4)"
                  />
                </a>
              </li>
              <li>
                {r.pdf === 'ready' ? (
                  <a href={`/api/v1/evaluation/${r.fiscalYear}/report?format=pdf`}>
                    <L ja="行政評価結果報告書（PDF・A4）" en="Evaluation report (PDF, A4)" />
                  </a>
                ) : (
                  <span className="report-pending">
                    <L ja="PDF は作成中です" en="PDF being prepared" />
                  </span>
                )}
              </li>
              <li>
                <a href={`/api/v1/evaluation/${r.fiscalYear}/report?format=xlsx`} download>
                  <L ja="評価シート（Excel）" en="Evaluation sheets (Excel)" />
                </a>
              </li>
            </ul>
            <ScrollArea
              label={lang === 'en' ? `FY${r.fiscalYear} evaluations` : fiscalYearText(r.fiscalYear, lang)}
            >
              <EvaluationResultsTable
                sheets={r.sheets}
                caption={
                  <>
                    <FiscalYear fy={r.fiscalYear} />
                    <L ja={`の評価（${r.sheets.length} 件）`} en={` evaluations (${r.sheets.length})`} />
                  </>
                }
              />
            </ScrollArea>
          </section>
        ))
      )}
      {model.reviews.length > 0 ? (
        <section aria-labelledby="reviews" id="published-reviews">
          <h2 id="reviews">
            <L ja="見直し評価（中間評価）" en="Medium-term reviews" />
          </h2>
          <p>
            <L
              ja="期の終わりに、その期の施策の成果を振り返り、次の期の方向（継続・見直し・統合・終了）を決めています。"
              en="At the end of each phase its measures are reviewed and the next phase's direction decided (continue, revise, merge or end)."
            />
          </p>
          <ul className="report-links">
            {[...model.reviews]
              .sort((a, b) => b.phase - a.phase)
              .map((v) => (
                <li key={v.phase} id={`review-${v.phase}`}>
                  <a href={`/api/v1/evaluation/reviews/${v.phase}/report`}>
                    <T text={v.name} /> <L ja="見直し評価報告書" en="review report" />
                  </a>
                  <Paren>
                    <FiscalYear fy={v.startFiscalYear} />
                    {lang === 'en' ? ' – ' : '〜'}
                    <FiscalYear fy={v.endFiscalYear} />
                    {lang === 'en' ? ', published ' : '・公表 '}
                    <JapanDate iso={v.publishedAt} />
                  </Paren>
                  {lang === 'en' ? ' | ' : '・'}
                  <a href={`/api/v1/evaluation/reviews/${v.phase}/report?format=xlsx`} download>
                    <L ja="Excel" en="Excel" />
                  </a>
                </li>
              ))}
          </ul>
        </section>
      ) : null}
      <p>
        <a href="/open-data">
          <L ja="評価結果のデータ（オープンデータ）" en="Evaluation results as data (open data)" />
        </a>
      </p>
    </main>
  );
}
