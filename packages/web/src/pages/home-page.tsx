/**
 * The public top page: the plan's title, vision, brand philosophy, top
 * indicators and the strategy tree. Rendered on the server so it is useful
 * before any script runs.
 */
import { formatFiscalYear } from '@mirai/core';
import type { PlanTreeView } from '../types';
import { SampleBadge, T } from '../ui/text';

export function HomePage({ tree }: { tree: PlanTreeView }) {
  const { plan, vision, brand } = tree;
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
          計画期間 <span lang="en">Period</span>: {formatFiscalYear(plan.startFiscalYear)}〜
          {formatFiscalYear(plan.endFiscalYear)}（FY{plan.startFiscalYear}–FY{plan.endFiscalYear}）
        </p>
      </header>

      <section aria-labelledby="vision">
        <h2 id="vision">
          都市像 <span lang="en">City vision</span>
        </h2>
        <p className="slogan">
          <T text={vision.slogan} />
        </p>
        <p>
          <T text={vision.summary} />
        </p>
        <h3>
          都市像の狙い <span lang="en">Aims</span>
        </h3>
        <ol>
          {vision.aims.map((a) => (
            <li key={a.ja}>
              <T text={a} />
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="brand">
        <h2 id="brand">
          ブランド理念 <span lang="en">Brand philosophy</span>
        </h2>
        <dl>
          <dt>地域らしさ（アイデンティティー） Identity</dt>
          <dd>
            <T text={brand.identity} />
          </dd>
          <dt>約束する価値（バリュー） Value</dt>
          <dd>
            <T text={brand.value} />
          </dd>
          <dt>パーパス Purpose</dt>
          <dd>{brand.purpose ? <T text={brand.purpose} /> : brand.note ? <T text={brand.note} /> : '—'}</dd>
          <dt>ブランド資産 Brand assets</dt>
          <dd>{brand.assets.map((a) => a.ja).join('・')}</dd>
        </dl>
      </section>

      <section aria-labelledby="top-indicators">
        <h2 id="top-indicators">
          最上位の成果指標 <span lang="en">Top indicators</span>
        </h2>
        <ul className="cards">
          {tree.topIndicators.map((i) => (
            <li key={i.code} className="card">
              <h3>
                <T text={i.name} />
              </h3>
              <p>
                基準値 <span lang="en">Baseline</span>:{' '}
                {i.baseline ? `${i.baseline.value.toLocaleString('ja-JP')}` : '—'} {i.unit.ja}
                {i.baseline ? `（${i.baseline.asOf}）` : ''}
              </p>
              {i.finalTarget ? (
                <p>
                  目標 <span lang="en">Target</span>: {formatFiscalYear(i.finalTarget.fiscalYear)}に{' '}
                  {i.finalTarget.value.toLocaleString('ja-JP')} {i.unit.ja}
                  {i.finalTarget.comparison === 'at-least'
                    ? '以上'
                    : i.finalTarget.comparison === 'at-most'
                      ? '以下'
                      : ''}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="strategies">
        <h2 id="strategies">
          基本戦略と戦略分野 <span lang="en">Basic strategies and strategic fields</span>
        </h2>
        <ul className="tree">
          {tree.strategies.map((s) => (
            <li key={s.code}>
              <h3>
                <T text={s.name} />：<T text={s.promise} />
              </h3>
              <ul>
                {s.fields.map((f) => (
                  <li key={f.code}>
                    <h4>
                      {'①②③④⑤⑥⑦⑧⑨'[f.number - 1]} <T text={f.name} />
                    </h4>
                    <p className="desired">
                      ありたい姿 <span lang="en">Desired state</span>: <T text={f.desiredState} />
                    </p>
                    {f.measures.length > 0 ? (
                      <ul className="measures">
                        {f.measures.map((m) => (
                          <li key={m.code}>
                            <T text={m.name} en={false} /> <SampleBadge sample={m.sample} />
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
