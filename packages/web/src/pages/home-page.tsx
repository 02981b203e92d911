/**
 * The public top page, a dashboard first: the plan's two goals as large tiles
 * (within the first screen on a desktop and on a phone), then the progress of
 * the basic strategies and their fields, then the vision and the brand.
 */
import { formatFiscalYear } from '@mirai/core';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { GoalTile } from '../ui/goal-tile';
import { RollupLine } from '../ui/rollup-line';
import { numberMark, useLevel } from '../ui/site';
import { L, parenText, SampleBadge, T } from '../ui/text';

type Model = Extract<PageModel, { page: 'home' }>;

export function HomePage({ model }: { model: Model }) {
  const { tree, progress, goals } = model;
  const level = useLevel();
  const lang = useLang();
  const { plan, vision, brand } = tree;
  return (
    <main id="main" className="home">
      <header className="hero">
        <p className="municipality">
          <T text={tree.municipality.name} /> <L ja="・" en="·" />{' '}
          <L
            ja={`${formatFiscalYear(plan.startFiscalYear).replace(/年度$/, '')}〜${formatFiscalYear(plan.endFiscalYear).replace(/^[^0-9元]+/, '')}（${plan.startFiscalYear}〜${plan.endFiscalYear}年度）`}
            en={`FY${plan.startFiscalYear}–FY${plan.endFiscalYear}`}
          />
        </p>
        <h1>
          <T text={plan.title} />
          {plan.subtitle ? (
            <span className="subtitle">
              {' '}
              <T text={plan.subtitle} />
            </span>
          ) : null}
        </h1>
      </header>

      <section aria-labelledby="goals">
        <h2 id="goals" className="goals-heading">
          <L ja="まちの目標" en="The city's goals" />
        </h2>
        <ul className="goal-tiles">
          {goals.map((g) => (
            <GoalTile key={g.code} g={g} />
          ))}
        </ul>
        <p className="goal-links">
          <a href="/happiness">
            <L ja="市民幸福度の詳しいデータ" en="Citizen happiness in detail" />
          </a>
          <a href="/population">
            <L ja="人口の詳しいデータ" en="Population in detail" />
          </a>
        </p>
      </section>

      <section aria-labelledby="strategies">
        <h2 id="strategies">
          <L
            ja={`${level('strategy')}の進み具合（${tree.strategies.length}）`}
            en={`Progress of the ${tree.strategies.length} ${level('strategy').toLowerCase()} items`}
          />
        </h2>
        <ul className="strategy-cards">
          {tree.strategies.map((s) => (
            <li key={s.code} className="strategy-card">
              <h3>
                <a href={`/strategies/${s.code}`}>
                  <T text={s.name} />
                </a>
              </h3>
              {s.promise ? (
                <p className="promise">
                  <T text={s.promise} />
                </p>
              ) : null}
              <RollupLine figure={progress?.figures[s.code]} />
              <details>
                <summary>{parenText(level('field'), String(s.fields.length), lang)}</summary>
                <ul className="plain field-list">
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
              </details>
            </li>
          ))}
        </ul>
      </section>

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
            {brand.purpose ? (
              <>
                <dt>
                  <L ja="パーパス" en="Purpose" />
                </dt>
                <dd>
                  <T text={brand.purpose} />
                </dd>
              </>
            ) : null}
          </dl>
          <p>
            <a href="/brand">
              <L
                ja="ブランド資産と、それを育てる施策"
                en="The brand assets and the measures that build them"
              />
            </a>
          </p>
        </section>
      ) : null}
    </main>
  );
}
