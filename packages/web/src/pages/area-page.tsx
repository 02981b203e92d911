/**
 * One area's page (/areas/CODE) at any layer: where it sits (parents,
 * children, school districts' shares), its population from the reconciled
 * district run, the indicators with values for it (on the city's page the
 * districts' values rolled up, saying how), the district map, and the
 * measures that target it with their promotion periods and partners.
 */
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { DistrictMap } from '../ui/district-map';
import { Crumbs } from '../ui/layout';
import { MeasureFilterForm, PeriodBadge, TargetAreas } from '../ui/measure-filter';
import { Level } from '../ui/site';
import { Ja, L, Num, Paren, pick, SampleBadge, T } from '../ui/text';
import { CalendarYear, FiscalYear } from '../ui/years';
import { AreaHappiness } from './area-happiness';

type Model = Extract<PageModel, { page: 'area' }>;

export function AreaPage({ model }: { model: Model }) {
  const lang = useLang();
  const { view } = model;
  const a = view.area;
  const names = new Map(model.areas.map((x) => [x.code, x.name]));
  const mapped = view.indicators.find((i) => i.byDistrict.some((d) => d.value !== null));
  const measures = view.measures.filter(
    (m) => !model.filter.period || m.promotionPeriod === model.filter.period,
  );
  return (
    <main id="main">
      <Crumbs
        items={[
          { href: '/areas', label: <L ja="地域" en="Areas" /> },
          ...[...view.ancestors]
            .reverse()
            .map((x) => ({ href: `/areas/${x.code}`, label: <T text={x.name} /> })),
          { label: <T text={a.name} /> },
        ]}
      />
      <h1>
        <T text={a.name} />{' '}
        <small>
          <Paren>
            <T text={view.layerName} />
          </Paren>
        </small>{' '}
        <SampleBadge sample={a.sample} />
      </h1>
      {a.shares.length > 0 ? (
        <p>
          <L ja="この小学校区が含まれる地区: " en="Districts this school district lies in: " />
          {a.shares.map((s, i) => (
            <span key={s.area}>
              {i > 0 ? (lang === 'en' ? ', ' : '、') : ''}
              <a href={`/areas/${s.area}`}>{pick(names.get(s.area) ?? { ja: s.area }, lang).value}</a>{' '}
              {Math.round(s.share * 100)}%
            </span>
          ))}
        </p>
      ) : null}
      {view.children.length > 0 ? (
        <section aria-labelledby="children">
          <h2 id="children">
            <L ja="含まれる地域" en="Areas within" />
          </h2>
          <ul className="inline-list">
            {view.children.map((c) => (
              <li key={c.code}>
                <a href={`/areas/${c.code}`}>
                  <T text={c.name} />
                </a>{' '}
                <SampleBadge sample={c.sample} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {view.map && mapped ? (
        <section aria-labelledby="map">
          <h2 id="map">
            <L ja="地区別の地図" en="Map by district" />
          </h2>
          <DistrictMap
            outline={view.outline}
            tiles={view.map.tiles}
            cols={view.map.cols}
            rows={view.map.rows}
            values={Object.fromEntries(mapped.byDistrict.map((d) => [d.area, d.value]))}
            unit={mapped.unit}
            caption={mapped.name}
          />
          <table>
            <caption>
              <T text={mapped.name} />
              {mapped.fiscalYear !== null ? (
                <>
                  {' '}
                  <FiscalYear fy={mapped.fiscalYear} />
                </>
              ) : null}
              <SampleBadge sample={mapped.sample} />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <L ja="地区" en="District" />
                </th>
                <th scope="col">
                  <T text={mapped.unit} />
                </th>
              </tr>
            </thead>
            <tbody>
              {mapped.byDistrict.map((d) => (
                <tr key={d.area}>
                  <th scope="row">
                    <a href={`/areas/${d.area}`}>{pick(names.get(d.area) ?? { ja: d.area }, lang).value}</a>
                  </th>
                  <td className="num">
                    <Num value={d.value} />
                  </td>
                </tr>
              ))}
            </tbody>
            {mapped.rollUp ? (
              <tfoot>
                <tr>
                  <th scope="row">
                    <T text={a.name} />
                    <Paren>
                      <T text={mapped.rollUp.method} />
                    </Paren>
                  </th>
                  <td className="num">
                    <Num
                      value={mapped.rollUp.value}
                      digits={mapped.rollUp.aggregation === 'weighted-mean' ? 1 : 0}
                    />
                  </td>
                </tr>
              </tfoot>
            ) : null}
          </table>
        </section>
      ) : null}

      <section aria-labelledby="population">
        <h2 id="population">
          <L ja="人口" en="Population" /> {view.population?.sample ? <SampleBadge sample /> : null}
        </h2>
        {view.population ? (
          <>
            <p>
              <Ja>{view.population.method}</Ja>
            </p>
            <table>
              <caption>
                <L ja="総人口の推計（人）" en="Projected total population (persons)" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <L ja="年" en="Year" />
                  </th>
                  <th scope="col">
                    <L ja="総人口" en="Total" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {view.population.years.map((y, i) => (
                  <tr key={y}>
                    <th scope="row">
                      <CalendarYear year={y} />
                    </th>
                    <td className="num">
                      <Num value={view.population?.totals[i] ?? null} figure={view.population?.figures[i]} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        ) : (
          <p>
            <L
              ja="この地域の人口データはまだありません。"
              en="There are no population figures for this area yet."
            />
          </p>
        )}
      </section>

      {a.layer !== 'region' ? (
        <AreaHappiness waves={view.happiness} city={a.layer === 'city'} area={a.code} />
      ) : null}

      <section aria-labelledby="indicators">
        <h2 id="indicators">
          <L ja="この地域の指標" en="Indicators for this area" />
        </h2>
        {view.indicators.length === 0 ? (
          <p>
            <L
              ja="この地域の値を持つ指標はまだありません。"
              en="No indicator has values for this area yet."
            />
          </p>
        ) : (
          <table>
            <thead>
              <tr>
                <th scope="col">
                  <L ja="指標" en="Indicator" />
                </th>
                <th scope="col">
                  <L ja="年度" en="Fiscal year" />
                </th>
                <th scope="col">
                  <L ja="値" en="Value" />
                </th>
                {view.map ? (
                  <th scope="col">
                    <L ja="地区の値から" en="From the districts" />
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {view.indicators.map((i) => (
                <tr key={i.code}>
                  <th scope="row">
                    <a href={`/indicators/${i.code}`}>
                      <T text={i.name} />
                    </a>{' '}
                    <SampleBadge sample={i.sample} />
                  </th>
                  <td>{i.fiscalYear !== null ? <FiscalYear fy={i.fiscalYear} /> : '—'}</td>
                  <td className="num">
                    <Num value={i.value} /> <T text={i.unit} />
                  </td>
                  {view.map ? (
                    <td>
                      {i.rollUp ? (
                        <>
                          <Num
                            value={i.rollUp.value}
                            digits={i.rollUp.aggregation === 'weighted-mean' ? 1 : 0}
                          />{' '}
                          <small>
                            <Paren>
                              <T text={i.rollUp.method} />
                              {i.rollUp.missing.length > 0 ? (
                                <L
                                  ja={`、${i.rollUp.missing.length}地区の値がないため求めていません`}
                                  en={`; not formed: ${i.rollUp.missing.length} district(s) missing`}
                                />
                              ) : null}
                            </Paren>
                          </small>
                        </>
                      ) : (
                        '—'
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <section aria-labelledby="measures">
        <h2 id="measures">
          <L ja="この地域を対象とする" en="What targets this area: " />
          <Level k="measure" />
        </h2>
        {view.measures.length > 0 ? (
          <MeasureFilterForm
            action={`/areas/${a.code}`}
            filter={model.filter}
            areas={[]}
            shown={measures.length}
            total={view.measures.length}
          />
        ) : null}
        {measures.length === 0 ? (
          <p>
            <L ja="この地域を対象とするものはまだありません。" en="Nothing targets this area yet." />
          </p>
        ) : (
          <ul>
            {measures.map((m) => (
              <li key={m.code}>
                <a href={`/measures/${m.code}`}>
                  <T text={m.name} />
                </a>{' '}
                <SampleBadge sample={m.sample} /> <PeriodBadge period={m.promotionPeriod} />{' '}
                <TargetAreas codes={m.targetAreas} areas={model.areas} />
                {m.partners.length > 0 ? (
                  <>
                    {' '}
                    <L ja="パートナー: " en="Partners: " />
                    {m.partners.map((p) => pick(p.name, lang).value).join(lang === 'en' ? ', ' : '、')}
                  </>
                ) : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </main>
  );
}
