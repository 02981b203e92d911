/**
 * The review calendar: which evaluations and reviews happen in each fiscal
 * year, named in the plan's own words (its phases and their level name).
 */
import { phaseLabel, reviewEventLabels } from '@mirai/core';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { Crumbs } from '../ui/layout';
import { Level, useSite } from '../ui/site';
import { L, M, T } from '../ui/text';
import { FiscalYear } from '../ui/years';

type Model = Extract<PageModel, { page: 'calendar' }>;

export function CalendarPage({ model }: { model: Model }) {
  const lang = useLang();
  const { levelNames } = useSite();
  const eventNames: Record<string, { ja: string; en?: string }> = reviewEventLabels(levelNames);
  const phases = new Map((model.phases ?? []).map((p) => [p.number, p]));
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
              <Level k="phase" />
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
              <td>{y.phase === null ? '—' : phaseLabel(phases.get(y.phase), levelNames, lang, y.phase)}</td>
              <td>
                <ul className="plain">
                  {y.events.map((e) => {
                    const name = eventNames[e];
                    return <li key={e}>{name ? <T text={name} /> : e}</li>;
                  })}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </main>
  );
}
