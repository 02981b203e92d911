/**
 * The probabilistic projection on the population page: the base projection's
 * Monte Carlo drawn as its median with 80% and 95% bands on the numeric time
 * axis (and the table), and the chance of reaching the plan's target in the
 * target year, with how it was computed.
 */
import { figureKey } from '@mirai/core';
import { Chart } from '../charts/chart';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { formatNumber, L, Num } from '../ui/text';
import { CalendarYear, FiscalYear } from '../ui/years';

type View = Extract<PageModel, { page: 'population' }>['view'];

export function ProbabilisticProjection({ v }: { v: View }) {
  const lang = useLang();
  const p = v.probabilistic;
  if (!p) return null;
  const subject = v.figures.subject;
  const r = p.reach;
  const percent = r ? Math.round(100 * r.probability) : null;
  return (
    <section aria-labelledby="probabilistic">
      <h2 id="probabilistic">
        <L ja="確率的な将来推計" en="Probabilistic projection" />
      </h2>
      {p.problem ? (
        <p className="notice" role="status">
          <L ja={p.problem.ja} en={p.problem.en} />
        </p>
      ) : (
        <>
          {r && percent !== null ? (
            <p className="lead" data-testid="reach-probability">
              {lang === 'en' ? (
                <>
                  {'Chance of reaching the target of '}
                  <Num value={r.threshold} figure={figureKey(subject, 'target', r.year)} />
                  {' or more in '}
                  <FiscalYear fy={r.year} />
                  {': '}
                  <strong>
                    <span data-figure={figureKey(subject, 'reachprobability', r.year)}>
                      {percent < 1 && r.reached > 0 ? 'under 1' : String(percent)}
                    </span>
                    %
                  </strong>
                  {` (${formatNumber(r.reached, 'en')} of ${formatNumber(p.trajectories, 'en')} trajectories; Monte Carlo error ±${(100 * 1.96 * r.standardError).toFixed(1)} points).`}
                </>
              ) : (
                <>
                  <FiscalYear fy={r.year} />
                  {'に目標の '}
                  <Num value={r.threshold} figure={figureKey(subject, 'target', r.year)} />
                  {' 人以上になる確率：'}
                  <strong>
                    <span data-figure={figureKey(subject, 'reachprobability', r.year)}>
                      {percent < 1 && r.reached > 0 ? '1未満' : String(percent)}
                    </span>
                    %
                  </strong>
                  {`（${formatNumber(p.trajectories, 'ja')} 通りの試行のうち ${formatNumber(r.reached, 'ja')} 通り。試行数による誤差 ±${(100 * 1.96 * r.standardError).toFixed(1)} ポイント）。`}
                </>
              )}
            </p>
          ) : null}
          <p>
            <L ja={`${p.basis.ja}。`} en={`${p.basis.en}.`} />{' '}
            <L
              ja="中央値と、試行の80%・95%が収まる範囲を帯で示します。政策の効果は含みません。"
              en="The median and the ranges holding 80% and 95% of the trajectories are drawn as bands. No policy effect is included."
            />
          </p>
          <Chart
            caption={
              <L
                ja="総人口の確率的推計（人）：中央値と80%・95%区間"
                en="Total population, probabilistic: median with 80% and 95% intervals"
              />
            }
            spec={{
              kind: 'line',
              categories: p.bands.map((b) => String(b.year)),
              xs: p.bands.map((b) => b.year),
              series: [
                {
                  name: lang === 'en' ? 'Median' : '中央値',
                  values: p.bands.map((b) => Math.round(b.median)),
                },
              ],
              bands: [
                {
                  name: lang === 'en' ? '95% interval' : '95%区間',
                  lower: p.bands.map((b) => Math.round(b.lower95)),
                  upper: p.bands.map((b) => Math.round(b.upper95)),
                },
                {
                  name: lang === 'en' ? '80% interval' : '80%区間',
                  lower: p.bands.map((b) => Math.round(b.lower80)),
                  upper: p.bands.map((b) => Math.round(b.upper80)),
                },
              ],
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
              <table>
                <caption>
                  <L
                    ja="確率的推計の総人口（人）"
                    en="Probabilistic projection, total population (persons)"
                  />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <L ja="年" en="Year" />
                    </th>
                    <th scope="col">
                      <L ja="中央値" en="Median" />
                    </th>
                    <th scope="col">
                      <L ja="80%区間" en="80% interval" />
                    </th>
                    <th scope="col">
                      <L ja="95%区間" en="95% interval" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {p.bands.map((b) => (
                    <tr key={b.year}>
                      <th scope="row">
                        <CalendarYear year={b.year} />
                      </th>
                      <td className="num">
                        <Num value={b.median} figure={figureKey(subject, 'mcmedian', b.year)} />
                      </td>
                      <td className="num">
                        <Num value={b.lower80} /> – <Num value={b.upper80} />
                      </td>
                      <td className="num">
                        <Num value={b.lower95} /> – <Num value={b.upper95} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        </>
      )}
    </section>
  );
}
