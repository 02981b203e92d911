/** A field (the plan's second level): desired state, its indicators with status, and its measures. */

import { matchesMeasureFilter } from '@mirai/core';
import type { PageModel } from '../types';
import { IndicatorCard } from '../ui/indicator-card';
import { Crumbs } from '../ui/layout';
import { MeasureFilterForm, PeriodBadge, TargetAreas } from '../ui/measure-filter';
import { RollupLine } from '../ui/rollup-line';
import { Level, numberMark } from '../ui/site';
import { L, M, SampleBadge, T } from '../ui/text';

type Model = Extract<PageModel, { page: 'field' }>;

export function FieldPage({ model }: { model: Model }) {
  const s = model.tree.strategies.find((x) => x.fields.some((f) => f.code === model.code));
  const f = s?.fields.find((x) => x.code === model.code);
  if (!s || !f) return null;
  const inds = model.indicators.filter((i) => i.serves === f.code);
  const areas = model.tree.areas;
  const city = areas.find((a) => a.layer === 'city')?.code ?? null;
  const shown = f.measures.filter((m) => matchesMeasureFilter(m, model.filter, city));
  return (
    <main id="main">
      <Crumbs
        items={[
          { href: `/strategies/${s.code}`, label: <T text={s.name} /> },
          { label: <T text={f.name} /> },
        ]}
      />
      <h1>
        {numberMark(f.number)} <T text={f.name} />
      </h1>
      {f.desiredState ? (
        <p className="desired">
          <strong>
            <L ja="ありたい姿" en="Desired state" />:
          </strong>{' '}
          <T text={f.desiredState} />
        </p>
      ) : null}
      {f.investFirst || f.affectsSatisfaction ? (
        <ul className="tags">
          {f.investFirst ? (
            <li>
              <L ja="重点投資分野" en="Invest first" />
            </li>
          ) : null}
          {f.affectsSatisfaction ? (
            <li>
              <L ja="市民満足度に影響" en="Affects satisfaction" />
            </li>
          ) : null}
        </ul>
      ) : null}
      <RollupLine figure={model.progress?.figures[f.code]} />
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
      <section aria-labelledby="measures">
        <h2 id="measures">
          <Level k="measure" />
        </h2>
        {f.measures.length > 0 ? (
          <MeasureFilterForm
            action={`/fields/${f.code}`}
            filter={model.filter}
            areas={areas}
            shown={shown.length}
            total={f.measures.length}
          />
        ) : null}
        {shown.length > 0 ? (
          <ul>
            {shown.map((m) => (
              <li key={m.code}>
                <a href={`/measures/${m.code}`}>
                  <T text={m.name} />
                </a>{' '}
                <SampleBadge sample={m.sample} /> <PeriodBadge period={m.promotionPeriod} />{' '}
                <TargetAreas codes={m.targetAreas} areas={areas} />
                <RollupLine figure={model.progress?.figures[m.code]} />
              </li>
            ))}
          </ul>
        ) : (
          <p>
            <M k="none" />
          </p>
        )}
      </section>
    </main>
  );
}
