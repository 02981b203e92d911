/** A strategy (the plan's top level): its promise, surroundings, fields with roll-ups, and its indicators. */
import type { PageModel } from '../types';
import { IndicatorCard } from '../ui/indicator-card';
import { Crumbs } from '../ui/layout';
import { RollupLine } from '../ui/rollup-line';
import { Level, numberMark } from '../ui/site';
import { L, M, T } from '../ui/text';

type Model = Extract<PageModel, { page: 'strategy' }>;

export function StrategyPage({ model }: { model: Model }) {
  const s = model.tree.strategies.find((x) => x.code === model.code);
  if (!s) return null;
  const inds = model.indicators.filter((i) => i.serves === s.code);
  return (
    <main id="main">
      <Crumbs items={[{ label: <T text={s.name} /> }]} />
      <h1>
        <T text={s.name} />
        {s.promise ? (
          <>
            ：<T text={s.promise} />
          </>
        ) : null}
      </h1>
      <RollupLine figure={model.progress?.figures[s.code]} />
      {s.surroundings && s.surroundings.length > 0 ? (
        <section aria-labelledby="surroundings">
          <h2 id="surroundings">
            <L ja="取り巻く環境" en="Surroundings" />
          </h2>
          <ul>
            {s.surroundings.map((x) => (
              <li key={x.ja}>
                <T text={x} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="fields">
        <h2 id="fields">
          <Level k="field" />
        </h2>
        <ul className="cards">
          {s.fields.map((f) => (
            <li key={f.code} className="card">
              <h3>
                <a href={`/fields/${f.code}`}>
                  {numberMark(f.number)} <T text={f.name} />
                </a>
              </h3>
              {f.desiredState ? (
                <p>
                  <T text={f.desiredState} />
                </p>
              ) : null}
              <RollupLine figure={model.progress?.figures[f.code]} />
            </li>
          ))}
        </ul>
      </section>
      {inds.length > 0 ? (
        <section aria-labelledby="inds">
          <h2 id="inds">
            <M k="indicators" />
          </h2>
          <ul className="cards">
            {inds.map((i) => (
              <IndicatorCard key={i.code} i={i} />
            ))}
          </ul>
        </section>
      ) : null}
    </main>
  );
}
