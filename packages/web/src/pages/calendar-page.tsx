/** The review calendar: which evaluations and reviews happen in each fiscal year. */
import type { PageModel } from '../types';
import { Crumbs } from '../ui/layout';
import { L, M, T } from '../ui/text';
import { FiscalYear } from '../ui/years';

type Model = Extract<PageModel, { page: 'calendar' }>;

const eventNames: Record<string, { ja: string; en: string }> = {
  'annual-evaluation': { ja: '年次評価', en: 'Annual evaluation' },
  'medium-term-review': { ja: '中期戦略の見直し', en: 'Medium-term review' },
  'next-phase-drafting': { ja: '次期中期戦略の策定', en: 'Drafting the next phase' },
  'long-term-revision-if-needed': { ja: '必要に応じて長期戦略を改定', en: 'Long-term revision if needed' },
  'next-plan-drafting': { ja: '次期総合計画の策定', en: 'Drafting the next plan' },
};

export function CalendarPage({ model }: { model: Model }) {
  return (
    <main id="main">
      <Crumbs items={[{ label: <M k="calendar" /> }]} />
      <h1>
        <L ja="評価と見直しの予定" en="Evaluation and review calendar" />
      </h1>
      <p>
        <T text={model.planTitle} />
      </p>
      <table>
        <caption>
          <L ja="年度ごとの予定" en="Events by fiscal year" />
        </caption>
        <thead>
          <tr>
            <th scope="col">
              <M k="fiscalYear" />
            </th>
            <th scope="col">
              <L ja="中期戦略の期" en="Phase" />
            </th>
            <th scope="col">
              <L ja="予定" en="Events" />
            </th>
          </tr>
        </thead>
        <tbody>
          {model.years.map((y) => (
            <tr key={y.fiscalYear}>
              <th scope="row">
                <FiscalYear fy={y.fiscalYear} />
              </th>
              <td>{y.phase === null ? '—' : <L ja={`第${y.phase}期`} en={`Phase ${y.phase}`} />}</td>
              <td>
                <ul className="plain">
                  {y.events.map((e) => (
                    <li key={e}>
                      {eventNames[e] ? <L {...(eventNames[e] as { ja: string; en: string })} /> : e}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
