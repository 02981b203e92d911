/** A measure: summary, logic model, indicators and the projects of the implementation plans. */
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { IndicatorCard } from '../ui/indicator-card';
import { Crumbs } from '../ui/layout';
import { PeriodBadge, TargetAreas } from '../ui/measure-filter';
import { RollupLine } from '../ui/rollup-line';
import { Level } from '../ui/site';
import { formatNumber, L, M, SampleBadge, T } from '../ui/text';
import { FiscalYear } from '../ui/years';
import { MeasureCocreation } from './measure-cocreation';

type Model = Extract<PageModel, { page: 'measure' }>;

export function MeasurePage({ model }: { model: Model }) {
  const lang = useLang();
  let found:
    | { s: Model['tree']['strategies'][number]; f: Model['tree']['strategies'][number]['fields'][number] }
    | undefined;
  for (const s of model.tree.strategies)
    for (const f of s.fields) if (f.measures.some((m) => m.code === model.code)) found = { s, f };
  const m = found?.f.measures.find((x) => x.code === model.code);
  if (!found || !m) return null;
  const inds = model.indicators.filter((i) => i.serves === m.code);
  const lm = m.logicModel;
  return (
    <main id="main">
      <Crumbs
        items={[
          { href: `/strategies/${found.s.code}`, label: <T text={found.s.name} /> },
          { href: `/fields/${found.f.code}`, label: <T text={found.f.name} /> },
          { label: <T text={m.name} /> },
        ]}
      />
      <h1>
        <T text={m.name} /> <SampleBadge sample={m.sample} />
      </h1>
      <p className="measure-scope">
        <PeriodBadge period={m.promotionPeriod} />{' '}
        <TargetAreas codes={m.targetAreas} areas={model.tree.areas} />
      </p>
      {m.summary ? (
        <p>
          <T text={m.summary} />
        </p>
      ) : null}
      <RollupLine figure={model.progress?.figures[m.code]} />
      {lm ? (
        <section aria-labelledby="logic">
          <h2 id="logic">
            <L ja="ロジックモデル" en="Logic model" />
          </h2>
          <dl className="logic">
            {(
              [
                ['inputs', '投入', 'Inputs'],
                ['activities', '活動', 'Activities'],
                ['outputs', '産出', 'Outputs'],
                ['outcomes', '成果', 'Outcomes'],
              ] as const
            ).map(([k, ja, en]) => (
              <div key={k}>
                <dt>
                  <L ja={ja} en={en} />
                </dt>
                {lm[k].map((t) => (
                  <dd key={t.ja}>
                    <T text={t} />
                  </dd>
                ))}
              </div>
            ))}
          </dl>
        </section>
      ) : null}
      <section aria-labelledby="inds">
        <h2 id="inds">
          <M k="indicators" />
        </h2>
        {inds.length > 0 ? (
          <ul className="cards">
            {inds.map((i) => (
              <IndicatorCard key={i.code} i={i} />
            ))}
          </ul>
        ) : (
          <p>
            <M k="none" />
          </p>
        )}
      </section>
      <section aria-labelledby="projects">
        <h2 id="projects">
          <Level k="project" />
        </h2>
        {m.projects.length > 0 ? (
          <table>
            <caption>
              <L ja="実施計画の" en="In the implementation plans: " />
              <Level k="project" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <M k="fiscalYear" />
                </th>
                <th scope="col">
                  <Level k="project" />
                </th>
                <th scope="col">
                  <L ja="予算" en="Budget" />
                </th>
              </tr>
            </thead>
            <tbody>
              {m.projects.map((p) => (
                <tr key={`${p.fiscalYear}-${p.code}`}>
                  <td>
                    <FiscalYear fy={p.fiscalYear} />
                  </td>
                  <td>
                    <T text={p.name} /> <SampleBadge sample={p.sample} />
                  </td>
                  <td className="num">
                    {p.budget
                      ? `${formatNumber(p.budget.amount, lang)} ${lang === 'en' ? 'JPY' : '円'}`
                      : '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>
            <M k="none" />
          </p>
        )}
      </section>
      {model.cocreation ? <MeasureCocreation code={m.code} view={model.cocreation} /> : null}
    </main>
  );
}
