/**
 * The public top page: the plan's title, vision, brand philosophy, top
 * indicators and the strategy map with each field's roll-up.
 */
import type { PageModel } from '../types';
import { IndicatorCard } from '../ui/indicator-card';
import { RollupLine } from '../ui/rollup-line';
import { numberMark, useLevel } from '../ui/site';
import { L, M, SampleBadge, T } from '../ui/text';
import { FiscalYear } from '../ui/years';

type Model = Extract<PageModel, { page: 'home' }>;

export function HomePage({ model }: { model: Model }) {
  const { tree, indicators, progress } = model;
  const level = useLevel();
  const { plan, vision, brand } = tree;
  const top = tree.topIndicators
    .map((d) => indicators.find((i) => i.code === d.code))
    .filter((i) => i !== undefined);
  return (
    <main id="main">
      <header className="hero">
        <p className="municipality">
          <T text={tree.municipality.name} />
        </p>
        <h1>
          <T text={plan.title} />
        </h1>
        {plan.subtitle ? (
          <p className="subtitle">
            <T text={plan.subtitle} />
          </p>
        ) : null}
        <p className="period">
          <L ja="計画期間" en="Plan period" />: <FiscalYear fy={plan.startFiscalYear} /> –{' '}
          <FiscalYear fy={plan.endFiscalYear} />
        </p>
      </header>

      {vision ? (
        <section aria-labelledby="vision">
          <h2 id="vision">
            <L ja="都市像" en="City vision" />
          </h2>
          <p className="slogan">
            <T text={vision.slogan} />
          </p>
          {vision.summary ? (
            <p>
              <T text={vision.summary} />
            </p>
          ) : null}
          {vision.aims && vision.aims.length > 0 ? (
            <>
              <h3>
                <L ja="都市像の狙い" en="Aims" />
              </h3>
              <ol>
                {vision.aims.map((a) => (
                  <li key={a.ja}>
                    <T text={a} />
                  </li>
                ))}
              </ol>
            </>
          ) : null}
        </section>
      ) : null}

      {brand ? (
        <section aria-labelledby="brand">
          <h2 id="brand">
            <L ja="ブランド理念とパーパス" en="Brand philosophy and purpose" />
          </h2>
          <dl>
            <dt>
              <L ja="地域らしさ（アイデンティティー）" en="Identity" />
            </dt>
            <dd>
              <T text={brand.identity} />
            </dd>
            <dt>
              <L ja="約束する価値（バリュー）" en="Value" />
            </dt>
            <dd>
              <T text={brand.value} />
            </dd>
            <dt>
              <L ja="パーパス" en="Purpose" />
            </dt>
            <dd>{brand.purpose ? <T text={brand.purpose} /> : brand.note ? <T text={brand.note} /> : '—'}</dd>
          </dl>
        </section>
      ) : null}

      <section aria-labelledby="top-indicators">
        <h2 id="top-indicators">
          <L ja="最上位の成果指標" en="Top indicators" />
        </h2>
        <ul className="cards">
          {top.map((i) => (
            <IndicatorCard key={i.code} i={i} />
          ))}
        </ul>
        <p>
          <a href="/happiness">
            <M k="happiness" />
          </a>
          {' ・ '}
          <a href="/population">
            <M k="population" />
          </a>
        </p>
      </section>

      <section aria-labelledby="strategies">
        <h2 id="strategies">
          <L ja="戦略マップ：" en="Strategy map: " />
          {`${level('strategy')} → ${level('field')} → ${level('measure')}`}
        </h2>
        <ul className="tree">
          {tree.strategies.map((s) => (
            <li key={s.code}>
              <h3>
                <a href={`/strategies/${s.code}`}>
                  <T text={s.name} />
                </a>
                {s.promise ? (
                  <>
                    ：<T text={s.promise} />
                  </>
                ) : null}
              </h3>
              <RollupLine figure={progress?.figures[s.code]} />
              <ul>
                {s.fields.map((f) => (
                  <li key={f.code}>
                    <h4>
                      <a href={`/fields/${f.code}`}>
                        {numberMark(f.number)} <T text={f.name} />
                      </a>
                    </h4>
                    <RollupLine figure={progress?.figures[f.code]} />
                    {f.measures.length > 0 ? (
                      <ul className="measures">
                        {f.measures.map((m) => (
                          <li key={m.code}>
                            <a href={`/measures/${m.code}`}>
                              <T text={m.name} />
                            </a>{' '}
                            <SampleBadge sample={m.sample} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
