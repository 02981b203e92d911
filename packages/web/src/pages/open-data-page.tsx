/** Open data: the plan and datasets to download, published evaluation results, and the plan's change history. */

import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { EvaluationResultsTable } from '../ui/evaluation-results-table';
import { Crumbs } from '../ui/layout';
import { PlanHistoryTable } from '../ui/plan-history-table';
import { ScrollArea } from '../ui/scroll-area';
import { Ja, L, M, SampleBadge, T } from '../ui/text';
import { FiscalYear, fiscalYearText } from '../ui/years';
import { OpenDataCatalogue } from './open-data-catalogue';

type Model = Extract<PageModel, { page: 'open-data' }>;

/** An attribute cannot hold a lang="ja" fragment: the English label names the year without 和暦. */
const scrollLabel = (fy: number, lang: 'ja' | 'en') => (lang === 'en' ? `FY${fy}` : fiscalYearText(fy, lang));

export function OpenDataPage({ model }: { model: Model }) {
  const lang = useLang();
  return (
    <main id="main">
      <Crumbs items={[{ label: <M k="openData" /> }]} />
      <h1>
        <L ja="オープンデータ" en="Open data" />
      </h1>
      <OpenDataCatalogue catalogue={model.catalogue} />
      <section aria-labelledby="downloads">
        <h2 id="downloads">
          <L ja="計画のデータ" en="The plan as data" />
        </h2>
        <table>
          <caption>
            <L ja="計画そのもののデータ" en="The plan itself" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <L ja="データ" en="Data" />
              </th>
              <th scope="col">
                <L ja="形式" en="Format" />
              </th>
              <th scope="col">
                <M k="source" />
              </th>
            </tr>
          </thead>
          <tbody>
            {model.files.map((f) => (
              <tr key={f.href}>
                <td>
                  <a href={f.href} download>
                    <T text={f.name} />
                  </a>{' '}
                  <SampleBadge sample={f.sample} />
                </td>
                <td>{f.format}</td>
                <td>
                  <Ja>{f.source}</Ja>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <section aria-labelledby="evaluations">
        <h2 id="evaluations">
          <L ja="公表済みの評価結果" en="Published evaluation results" />
        </h2>
        {model.evaluations.length === 0 ? (
          <p>
            <L
              ja="公表済みの評価結果はまだありません。"
              en="No evaluation results have been published yet."
            />
          </p>
        ) : (
          model.evaluations.map((r) => (
            <ScrollArea key={r.fiscalYear} label={scrollLabel(r.fiscalYear, lang)}>
              <p className="report-links">
                <a href={`/api/v1/evaluation/${r.fiscalYear}/report`}>
                  <FiscalYear fy={r.fiscalYear} />
                  <L
                    ja=" 行政評価結果報告書（HTML・A4 で印刷できます）"
                    en=" evaluation report (HTML, prints on A4)"
                  />
                </a>{' '}
                {lang === 'en' ? '| ' : '・'}
                {r.pdf === 'ready' ? (
                  <a href={`/api/v1/evaluation/${r.fiscalYear}/report?format=pdf`}>
                    <L ja="報告書（PDF・A4）" en="Report (PDF, A4)" />
                  </a>
                ) : (
                  <span className="report-pending">
                    <L ja="PDF は作成中です" en="PDF being prepared" />
                  </span>
                )}{' '}
                {lang === 'en' ? '| ' : '・'}
                <a href={`/api/v1/evaluation/${r.fiscalYear}/report?format=xlsx`} download>
                  <L ja="評価シート（Excel）" en="Sheets (Excel)" />
                </a>
              </p>
              <EvaluationResultsTable
                sheets={r.sheets}
                caption={
                  <>
                    <FiscalYear fy={r.fiscalYear} />
                    <L ja="の評価結果" en=" evaluation results" />
                  </>
                }
              />
            </ScrollArea>
          ))
        )}
      </section>
      <section aria-labelledby="history">
        <h2 id="history">
          <L ja="計画の変更履歴" en="Change history of the plan" />
        </h2>
        <PlanHistoryTable history={model.history} />
      </section>
    </main>
  );
}
