/**
 * One indicator: actuals against the baseline and the targets (with the
 * confidence band of survey indicators), status and why, sources, the last
 * update and every correction (change history).
 */
import { figureKey } from '@mirai/core';
import { Chart } from '../charts/chart';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { baselineFigure, comparisonText, decimals } from '../ui/indicator-card';
import { Crumbs } from '../ui/layout';
import { StatusBadge } from '../ui/status-badge';
import { L, M, Num, Paren, SampleBadge, T } from '../ui/text';
import { FiscalYear, fiscalYearText } from '../ui/years';
import { FollowForm } from './follow-form';

type Model = Extract<PageModel, { page: 'indicator' }>;

export function IndicatorPage({ model }: { model: Model }) {
  const lang = useLang();
  const i = model.indicator;
  const d = i.definition;
  const city = i.values.filter((v) => !v.area);
  const years = [...new Set([...city.map((v) => v.fiscalYear), ...d.targets.map((t) => t.fiscalYear)])].sort(
    (a, b) => a - b,
  );
  const actual = years.map((y) => city.find((v) => v.fiscalYear === y)?.current.value ?? null);
  const target = years.map((y) => d.targets.find((t) => t.fiscalYear === y)?.value ?? null);
  const hasCi = city.some((v) => v.current.ci);
  const dig = decimals(d.baseline?.value ?? d.finalTarget?.value ?? 0);
  const history = i.values
    .flatMap((v) => v.versions.map((ver) => ({ v, ver })))
    .sort((a, b) => b.ver.enteredAt.localeCompare(a.ver.enteredAt));
  const updated = history[0]?.ver.enteredAt;
  return (
    <main id="main">
      <Crumbs items={[{ label: <T text={i.name} /> }]} />
      <h1>
        <T text={i.name} /> <SampleBadge sample={i.sample} />
      </h1>
      <p>
        <M k="status" />: <StatusBadge statusKey={i.status.key} label={i.status.label} />
      </p>
      {i.status.explanation.length > 0 ? (
        <ul className="explain">
          {i.status.explanation.map((e) => (
            <li key={e.ja}>
              <T text={e} />
            </li>
          ))}
        </ul>
      ) : null}
      <dl className="facts">
        <dt>
          <M k="baseline" />
        </dt>
        <dd>
          {d.baseline ? (
            <>
              <Num
                value={d.baseline.value}
                digits={dig}
                figure={baselineFigure(i.code, d.frequency, d.baseline.asOf)}
              />{' '}
              <T text={d.unit} />
              <Paren>{d.baseline.asOf}</Paren> <M k="source" />: <T text={d.baseline.source} />
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>
          <M k="target" />
        </dt>
        <dd>
          {d.finalTarget ? (
            <>
              <FiscalYear fy={d.finalTarget.fiscalYear} />:{' '}
              <Num
                value={d.finalTarget.value}
                digits={dig}
                figure={figureKey(i.code, 'target', d.finalTarget.fiscalYear)}
              />{' '}
              <T text={d.unit} />
              {comparisonText(d.finalTarget.comparison, lang)}
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>
          <L ja="最終更新" en="Last update" />
        </dt>
        <dd>
          {updated ? (
            updated.slice(0, 10)
          ) : (
            <L ja="実績値はまだ登録されていません" en="No actual recorded yet" />
          )}
        </dd>
      </dl>
      {years.length > 0 ? (
        <Chart
          caption={<L ja="実績値と目標値の推移" en="Actuals and targets over time" />}
          spec={{
            kind: 'line',
            categories: years.map((y) => fiscalYearText(y, lang)),
            xs: years,
            series: [
              { name: lang === 'en' ? 'Actual' : '実績値', values: actual },
              { name: lang === 'en' ? 'Target' : '目標値', values: target, dashed: true },
            ],
            ...(hasCi
              ? {
                  band: {
                    name: lang === 'en' ? '95% confidence interval' : '95%信頼区間',
                    lower: years.map((y) => city.find((v) => v.fiscalYear === y)?.current.ci?.lower ?? null),
                    upper: years.map((y) => city.find((v) => v.fiscalYear === y)?.current.ci?.upper ?? null),
                  },
                }
              : {}),
            ...(d.baseline
              ? { markY: { at: d.baseline.value, label: lang === 'en' ? 'Baseline' : '基準値' } }
              : {}),
          }}
          table={
            <table>
              <caption>
                <T text={i.name} />
                <Paren>
                  <T text={d.unit} />
                </Paren>
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <M k="fiscalYear" />
                  </th>
                  <th scope="col">
                    <L ja="実績値" en="Actual" />
                  </th>
                  {hasCi ? (
                    <th scope="col">
                      <L ja="95%信頼区間" en="95% CI" />
                    </th>
                  ) : null}
                  <th scope="col">
                    <L ja="目標値" en="Target" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {years.map((y, k) => {
                  const cur = city.find((v) => v.fiscalYear === y)?.current;
                  const ci = cur?.ci;
                  return (
                    <tr key={y}>
                      <th scope="row">
                        <FiscalYear fy={y} />
                      </th>
                      <td className="num">
                        <Num
                          value={actual[k]}
                          digits={dig}
                          figure={cur && !cur.date ? figureKey(i.code, 'actual', y) : undefined}
                        />
                      </td>
                      {hasCi ? (
                        <td className="num">
                          {ci ? (
                            <>
                              <Num value={ci.lower} digits={2} /> – <Num value={ci.upper} digits={2} />
                            </>
                          ) : (
                            '—'
                          )}
                        </td>
                      ) : null}
                      <td className="num">
                        <Num value={target[k]} digits={dig} figure={figureKey(i.code, 'target', y)} />
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          }
        />
      ) : null}
      <section aria-labelledby="history">
        <h2 id="history">
          <L ja="変更履歴（登録と訂正）" en="Change history (records and corrections)" />
        </h2>
        {history.length > 0 ? (
          <table>
            <caption>
              <L ja="実績値の版" en="Versions of the actuals" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <M k="fiscalYear" />
                </th>
                <th scope="col">
                  <M k="value" />
                </th>
                <th scope="col">
                  <M k="source" />
                </th>
                <th scope="col">
                  <L ja="登録日時" en="Recorded" />
                </th>
                <th scope="col">
                  <L ja="備考" en="Note" />
                </th>
              </tr>
            </thead>
            <tbody>
              {history.map(({ v, ver }) => (
                <tr key={ver.id}>
                  <td>
                    <FiscalYear fy={v.fiscalYear} />
                    {v.area ? <Paren>{v.area}</Paren> : ''}
                  </td>
                  <td className="num">
                    <Num value={ver.value} digits={dig} />
                  </td>
                  <td>{ver.source}</td>
                  <td>{ver.enteredAt.slice(0, 16).replace('T', ' ')}</td>
                  <td>{ver.note ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p>
            <L ja="まだ記録はありません。" en="Nothing recorded yet." />
          </p>
        )}
      </section>
      <FollowForm kind="indicator" code={d.code} />
    </main>
  );
}
