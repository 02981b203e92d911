/**
 * The relationship population (関係人口) as measured facts (/relationship-population):
 * each indicator the plan marks as one, with its latest value, its trend (a
 * sparkline and the same figures as a table), the plan's source and each
 * value's source; the partner count computed from the partners register; and
 * the listed partners from outside the city.
 */
import { partnerKindLabels } from '@mirai/core';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { Crumbs } from '../ui/layout';
import { Sparkline } from '../ui/sparkline';
import { formatNumber, Ja, L, Paren, SampleBadge, T } from '../ui/text';

type Model = Extract<PageModel, { page: 'relationship-population' }>;

export function RelationshipPopulationPage({ model }: { model: Model }) {
  const lang = useLang();
  const { indicators, partnersFromOutside, asOf } = model.view;
  return (
    <main id="main">
      <Crumbs items={[{ label: <L ja="関係人口" en="Relationship population" /> }]} />
      <h1>
        {lang === 'en' ? (
          <>
            The relationship population (<span lang="ja">関係人口</span>)
          </>
        ) : (
          '関係人口'
        )}
      </h1>
      <p>
        <L
          ja="市外に住みながら、訪れ、寄附し、暮らしの一部を置き、地域の活動に加わる人々です。計画はこの人々との共創を進め方の一つに掲げています。ここでは計画が関係人口の指標と定めた数値を、出典とともにまとめています。"
          en="People who live outside the city but visit it, donate to it, spend part of their lives in it or take part in its activities. The plan makes co-creation with them one of its methods; here are the figures the plan declares as relationship-population indicators, with their sources."
        />
      </p>
      {indicators.length === 0 ? (
        <p>
          <L
            ja="計画には関係人口の指標がまだ定められていません（計画ファイルの指標に relationshipPopulation を記します）。"
            en="The plan declares no relationship-population indicators yet (mark an indicator with relationshipPopulation in the plan file)."
          />
        </p>
      ) : (
        <ul className="cards rp-indicators">
          {indicators.map((i) => {
            const unit = lang === 'en' ? (i.unit.en ?? i.unit.ja) : i.unit.ja;
            return (
              <li key={i.code} className="card" data-indicator={i.code}>
                <h2>
                  {i.computed ? (
                    <T text={i.name} />
                  ) : (
                    <a href={`/indicators/${i.code}`}>
                      <T text={i.name} />
                    </a>
                  )}{' '}
                  <SampleBadge sample={i.sample} />
                </h2>
                <p className="rp-facet">
                  <T text={i.facetLabel} />
                </p>
                <p className="rp-latest">
                  {i.latest ? (
                    <>
                      <strong>
                        {formatNumber(i.latest.value, lang, i.precision)}
                        {lang === 'en' ? ` ${unit}` : unit}
                      </strong>{' '}
                      <Paren>
                        {lang === 'en' ? `FY${i.latest.year}` : `${i.latest.year}年度`}
                        {i.latest.kind === 'baseline' ? <L ja="・基準値" en=", baseline" /> : null}
                      </Paren>
                    </>
                  ) : (
                    <L ja="値はまだありません" en="No value yet" />
                  )}
                  {i.status ? (
                    <>
                      {' '}
                      <L ja="状況: " en="Status: " />
                      <T text={i.status} />
                    </>
                  ) : null}
                </p>
                <Sparkline
                  points={i.trend.map((p) => ({ year: p.year, value: p.value, kind: p.kind }))}
                  target={
                    i.finalTarget ? { year: i.finalTarget.fiscalYear, value: i.finalTarget.value } : null
                  }
                  digits={i.precision}
                  unit={unit}
                />
                <table>
                  <caption>
                    <L ja="年度ごとの値と出典" en="Values by fiscal year, with sources" />
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <L ja="年度" en="Fiscal year" />
                      </th>
                      <th scope="col">
                        <L ja="値" en="Value" />
                      </th>
                      <th scope="col">
                        <L ja="出典" en="Source" />
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {i.trend.map((p) => (
                      <tr key={`${p.year}-${p.kind}`}>
                        <th scope="row">
                          {p.year}
                          {p.kind === 'baseline' ? <L ja="（基準値）" en=" (baseline)" /> : null}
                        </th>
                        <td>{formatNumber(p.value, lang, i.precision)}</td>
                        <td>
                          <Ja>{p.source}</Ja>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <p className="rp-source">
                  <L ja="データの出どころ: " en="Where the figures come from: " />
                  <T text={i.source} />
                  {i.computed ? (
                    <>
                      {' '}
                      <L
                        ja={`（${asOf} 時点でパートナー台帳から算出）`}
                        en={` (computed from the partners register as of ${asOf})`}
                      />
                    </>
                  ) : null}
                </p>
              </li>
            );
          })}
        </ul>
      )}
      <section aria-labelledby="rp-partners">
        <h2 id="rp-partners">
          <L ja="市外の共創パートナー" en="Partners from outside the city" />
        </h2>
        {partnersFromOutside.length === 0 ? (
          <p>
            <L ja="掲載しているパートナーはありません。" en="No listed partners." />
          </p>
        ) : (
          <ul>
            {partnersFromOutside.map((p) => (
              <li key={p.code}>
                <a href={`/partners/${p.code}`}>
                  <T text={{ ja: p.name.ja, en: p.name.en ?? undefined }} />
                </a>{' '}
                <Paren>
                  <T text={partnerKindLabels[p.kind]} />
                </Paren>
                <SampleBadge sample={p.sample} />
              </li>
            ))}
          </ul>
        )}
        <p>
          <a href="/partners">
            <L ja="すべての共創パートナー" en="All partners" />
          </a>
          <L ja=" ・ " en=" · " />
          <a href="/workshops">
            <L ja="ワークショップの記録" en="Workshop records" />
          </a>
        </p>
      </section>
    </main>
  );
}
