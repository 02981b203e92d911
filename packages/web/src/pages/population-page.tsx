/**
 * Population: totals and the three age groups from the census into the
 * projection (with the boundary between them), pyramids, named baselines and
 * scenarios side by side, the plan's target and the back-casting answer.
 */
import { figureKey, figureKeys } from '@mirai/core';
import { Chart } from '../charts/chart';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { Crumbs } from '../ui/layout';
import { formatNumber, isJapanese, Ja, L, M, Num, Paren, SampleBadge, T } from '../ui/text';
import { CalendarYear, FiscalYear } from '../ui/years';
import { ProbabilisticProjection } from './population-probabilistic';

type Model = Extract<PageModel, { page: 'population' }>;

export function PopulationPage({ model }: { model: Model }) {
  const lang = useLang();
  const v = model.view;
  const cats = v.points.map((p) => String(p.year));
  const boundary = String(v.lastCensusYear);
  const kindLabel = (k: string) =>
    k === 'census' ? (lang === 'en' ? 'Census' : '国勢調査') : lang === 'en' ? 'Projection' : '推計';
  const target = v.target;
  const f = v.figures;
  const fig = (series: string, year: number, subject = f.subject) => figureKey(subject, series, year);
  const pointFigure = (kind: string, year: number, subject = f.subject) =>
    kind === 'census'
      ? figureKeys(
          fig('census', year, subject),
          subject === f.subject && String(year) === f.baselineYear && fig('baseline', year),
        )
      : fig(f.base, year, subject);
  const tgtIdx = v.target ? v.compareYears.indexOf(v.target.fiscalYear) : -1;
  // Nothing stored to show: the notice alone. With the census alone (decision 0162), the notice and
  // the census part of the page, nothing that needs a projection. (Each part keeps its place among
  // main's children, so the ids React derives from it are the same as with both tables.)
  const censusOnly = v.missing !== undefined;
  if (v.missing && v.points.length === 0)
    return (
      <main id="main">
        <Crumbs items={[{ label: <M k="population" /> }]} />
        <h1>
          <L ja={`${v.areaName.ja}の人口`} en={`Population of ${v.areaName.en}`} />
        </h1>
        <p className="notice" role="status">
          <L ja={v.missing.ja} en={v.missing.en} />
        </p>
      </main>
    );
  return (
    <main id="main">
      <Crumbs items={[{ label: <M k="population" /> }]} />
      <h1>
        <L ja={`${v.areaName.ja}の人口`} en={`Population of ${v.areaName.en}`} />
      </h1>
      {v.missing ? (
        <p className="notice" role="status">
          <L ja={v.missing.ja} en={v.missing.en} />
        </p>
      ) : v.target ? (
        <p className="lead">
          <L ja="目標" en="Target" />: <FiscalYear fy={v.target.fiscalYear} />
          <L ja="に " en=": " />
          <Num value={v.target.value} figure={fig('target', v.target.fiscalYear)} />
          <L ja=" 人以上" en=" or more" />
          {v.baseAtTargetYear !== null ? (
            <>
              {' '}
              <L ja={`（${v.baseName.ja}に沿うと `} en={` (on the ${v.baseName.en} path: `} />
              <Num value={v.baseAtTargetYear} figure={fig(f.base, v.target.fiscalYear)} />
              <L ja=" 人）" en=")" />
            </>
          ) : null}
        </p>
      ) : null}

      <section aria-labelledby="groups">
        <h2 id="groups">
          <L ja="年齢3区分の人口の推移" en="Population in three age groups" />
        </h2>
        <Chart
          caption={
            censusOnly ? (
              <L
                ja={`国勢調査（${v.points[0]?.year ?? ''}〜${v.lastCensusYear}年）`}
                en={`Census (${v.points[0]?.year ?? ''}–${v.lastCensusYear})`}
              />
            ) : (
              <L
                ja={`${v.lastCensusYear}年までは国勢調査、その後は${v.baseName.ja}（${v.series[0]?.basis.ja ?? ''}）。点線の縦線が境目`}
                en={`Census up to ${v.lastCensusYear}, then ${v.baseName.en} (${v.series[0]?.basis.en ?? ''}); the dotted line marks the boundary`}
              />
            )
          }
          spec={{
            kind: 'line',
            categories: cats,
            xs: v.points.map((p) => p.year),
            fromZero: true,
            series: [
              { name: lang === 'en' ? 'Total' : '総人口', values: v.points.map((p) => Math.round(p.total)) },
              { name: lang === 'en' ? '0–14' : '0〜14歳', values: v.points.map((p) => Math.round(p.young)) },
              {
                name: lang === 'en' ? '15–64' : '15〜64歳',
                values: v.points.map((p) => Math.round(p.working)),
              },
              { name: lang === 'en' ? '65+' : '65歳以上', values: v.points.map((p) => Math.round(p.old)) },
            ],
            ...(censusOnly
              ? {}
              : { markX: { at: boundary, label: lang === 'en' ? 'census | projection' : '国勢調査｜推計' } }),
          }}
          table={
            <table>
              <caption>
                <L ja="年齢3区分別人口（人）" en="Population by three age groups (persons)" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <M k="year" />
                  </th>
                  <th scope="col">
                    <L ja="種別" en="Kind" />
                  </th>
                  <th scope="col">
                    <L ja="総人口" en="Total" />
                  </th>
                  <th scope="col">
                    <L ja="0〜14歳" en="0–14" />
                  </th>
                  <th scope="col">
                    <L ja="15〜64歳" en="15–64" />
                  </th>
                  <th scope="col">
                    <L ja="65歳以上" en="65+" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {v.points.map((p) => (
                  <tr key={p.year} className={p.kind}>
                    <th scope="row">
                      <CalendarYear year={p.year} />
                    </th>
                    <td>{kindLabel(p.kind)}</td>
                    <td className="num">
                      <Num value={p.total} figure={pointFigure(p.kind, p.year)} />
                    </td>
                    <td className="num">
                      <Num value={p.young} figure={pointFigure(p.kind, p.year, `${f.subject}[0-14]`)} />
                    </td>
                    <td className="num">
                      <Num value={p.working} figure={pointFigure(p.kind, p.year, `${f.subject}[15-64]`)} />
                    </td>
                    <td className="num">
                      <Num value={p.old} figure={pointFigure(p.kind, p.year, `${f.subject}[65+]`)} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          }
        />
      </section>

      <section aria-labelledby="pyramids">
        <h2 id="pyramids">
          <L ja="人口ピラミッド" en="Population pyramids" />
        </h2>
        <div className="grid-3">
          {v.pyramids.map((p) => (
            <Chart
              key={p.year}
              caption={
                <>
                  <CalendarYear year={p.year} />
                  <Paren>{kindLabel(p.kind)}</Paren>
                </>
              }
              spec={{
                kind: 'pyramid',
                categories: p.rows.map((r) => r.ageGroup),
                male: p.rows.map((r) => r.male),
                female: p.rows.map((r) => r.female),
                maleLabel: lang === 'en' ? 'Male' : '男性',
                femaleLabel: lang === 'en' ? 'Female' : '女性',
              }}
              table={
                <details>
                  <summary>
                    <L ja={`${p.year}年の男女・5歳階級別人口`} en={`${p.year} by sex and 5-year age group`} />
                  </summary>
                  <table className="dense">
                    <thead>
                      <tr>
                        <th scope="col">
                          <L ja="年齢" en="Age" />
                        </th>
                        <th scope="col">
                          <L ja="男性" en="Male" />
                        </th>
                        <th scope="col">
                          <L ja="女性" en="Female" />
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {p.rows.map((r) => (
                        <tr key={r.ageGroup}>
                          <th scope="row">{r.ageGroup}</th>
                          <td className="num">
                            <Num value={r.male} />
                          </td>
                          <td className="num">
                            <Num value={r.female} />
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </details>
              }
            />
          ))}
        </div>
      </section>

      {censusOnly ? null : (
        <section aria-labelledby="scenarios">
          <h2 id="scenarios">
            <L ja="推計とシナリオの比較" en="Projections and scenarios side by side" />
          </h2>
          <Chart
            caption={
              <L
                ja="総人口（人）：推計・計画の値・試算"
                en="Total population: projections, the plan's figures, scenarios"
              />
            }
            spec={{
              kind: 'line',
              categories: v.compareYears.map(String),
              xs: v.compareYears,
              series: v.series.map((s) => ({
                name: s.name[lang],
                values: s.values.map((x) => (x === null ? null : Math.round(x))),
                dashed: s.kind !== 'projection',
              })),
              ...(v.target
                ? {
                    markY: {
                      at: v.target.value,
                      label: lang === 'en' ? `Target ${v.target.value}` : `目標 ${v.target.value}`,
                    },
                  }
                : {}),
            }}
            table={
              <div>
                <table className="dense">
                  <caption>
                    <L ja="総人口の比較（人）" en="Total population compared (persons)" />
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <L ja="系列" en="Series" />
                      </th>
                      {v.compareYears.map((y, k) => (
                        <th scope="col" key={y} className={k === tgtIdx ? 'hl' : undefined}>
                          <CalendarYear year={y} />
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {v.series.map((s) => (
                      <tr key={s.key}>
                        <th scope="row">
                          {s.name[lang]} {s.approximate ? <L ja="（約）" en=" (approx.)" /> : null}{' '}
                          <SampleBadge sample={s.sample} />
                        </th>
                        {s.values.map((x, k) => (
                          <td className={`num${k === tgtIdx ? ' hl' : ''}`} key={v.compareYears[k]}>
                            <Num value={x} figure={fig(s.key, v.compareYears[k] ?? 0)} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            }
          />
          {v.notes.length > 0 ? (
            <ul className="notice" role="status">
              {v.notes.map((n) => (
                <li key={n.en}>
                  <L ja={n.ja} en={n.en} />
                </li>
              ))}
            </ul>
          ) : null}
          <h3>
            <M k="source" />
          </h3>
          <ul className="sources">
            {v.series.map((s) => (
              <li key={s.key}>
                <strong>{s.name[lang]}</strong>{' '}
                <span className="basis">
                  <Paren>{s.basis[lang]}</Paren>
                </span>
                : <Ja>{s.source}</Ja>
                {s.note ? <span lang={isJapanese(s.note) ? 'ja' : 'en'}> — {s.note}</span> : null}
              </li>
            ))}
          </ul>
        </section>
      )}

      {censusOnly ? null : <ProbabilisticProjection v={v} />}

      {censusOnly ? null : (
        <section aria-labelledby="backcast">
          <h2 id="backcast">
            <L ja="目標から逆算すると" en="Back-casting from the target" />
          </h2>
          {target && v.backcastBase ? (
            <p data-testid="backcast-base">
              {v.backcastBase.calibration === null ? (
                <L
                  ja={`出発点：${v.backcastBase.name.ja}（${target.fiscalYear}年に ${formatNumber(v.backcastBase.value, 'ja')} 人）。計画に目標年の基準推計がないため、この推計から逆算しています。`}
                  en={`Starting point: ${v.backcastBase.name.en} (${formatNumber(v.backcastBase.value, 'en')} in ${target.fiscalYear}); the plan names no baseline for the target year.`}
                />
              ) : lang === 'en' ? (
                <>
                  {`Starting point: the plan's ${v.backcastBase.name.en} (about ${formatNumber(v.backcastBase.value, 'en')} in ${v.backcastBase.year}; `}
                  <Ja>{v.backcastBase.source}</Ja>
                  {`). The ${v.baseName.en} assumptions pass through it with ${formatNumber(v.backcastBase.calibration ?? 0, 'en')} net in-migrants a year added; the answers below are what the target needs on top of that.`}
                </>
              ) : (
                `出発点：計画の${v.backcastBase.name.ja}（${v.backcastBase.year}年に約 ${formatNumber(v.backcastBase.value, 'ja')} 人；${v.backcastBase.source}）。${v.baseName.ja}の仮定に毎年 ${formatNumber(v.backcastBase.calibration ?? 0, 'ja')} 人の転入超過を加えるとこの値を通るため、それを基準とし、目標までに必要な上乗せを求めています。`
              )}
            </p>
          ) : null}
          {target ? (
            <ul>
              {v.backcast.map((b) => (
                <li key={b.lever}>
                  {b.value === null ? (
                    b.problem?.[lang]
                  ) : b.lever === 'added-migrants' ? (
                    <L
                      ja={`${v.backcastBase?.name.ja ?? v.baseName.ja}に加えて、毎年 ${formatNumber(b.value, 'ja')} 人の転入超過（20〜30歳代中心）があれば、${target.fiscalYear}年に ${formatNumber(b.achievedTotal ?? 0, 'ja')} 人になります。`}
                      en={`On top of ${v.backcastBase?.name.en ?? v.baseName.en}, ${formatNumber(b.value, 'en')} more net in-migrants a year (mostly in their 20s and 30s) give ${formatNumber(b.achievedTotal ?? 0, 'en')} in ${target.fiscalYear}.`}
                    />
                  ) : (
                    <L
                      ja={`${v.backcastBase?.name.ja ?? v.baseName.ja}を出発点に、純移動率を ${formatNumber(b.value, 'ja', 2)} 倍にすると、${target.fiscalYear}年に ${formatNumber(b.achievedTotal ?? 0, 'ja')} 人になります。`}
                      en={`From ${v.backcastBase?.name.en ?? v.baseName.en}, multiplying the net migration rates by ${formatNumber(b.value, 'en', 2)} gives ${formatNumber(b.achievedTotal ?? 0, 'en')} in ${target.fiscalYear}.`}
                    />
                  )}
                </li>
              ))}
            </ul>
          ) : (
            <p>
              <L ja="計画に人口の目標がありません。" en="The plan has no population target." />
            </p>
          )}
        </section>
      )}

      {censusOnly ? null : (
        <section aria-labelledby="districts">
          <h2 id="districts">
            <L ja="地区別" en="Districts" />
          </h2>
          <ul className="inline-list">
            {model.districts.map((d) => (
              <li key={d.code}>
                <a href={`/districts/${d.code}`}>
                  <T text={d.name} />
                </a>
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
