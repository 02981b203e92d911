/**
 * Citizen happiness: the baseline and target, the trend of recorded values
 * with confidence intervals, and the plan's table of answer shares by age
 * group (each group's mean recomputed from the shares, with the range the
 * rounding of the shares allows).
 */
import { figureKey } from '@mirai/core';
import { Chart } from '../charts/chart';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { Crumbs } from '../ui/layout';
import { ScrollArea } from '../ui/scroll-area';
import { Ja, L, M, Num, Paren } from '../ui/text';
import { FiscalYear, fiscalYearText } from '../ui/years';
import { HappinessByGroup, HappinessDrivers } from './happiness-evidence';
import { WaveBreakdowns } from './wave-breakdowns';

type Model = Extract<PageModel, { page: 'happiness' }>;

function fiscalYearOfMonth(asOf: string): number | null {
  const m = /^(\d{4})-(\d{2})/.exec(asOf);
  if (!m) return null;
  const year = Number(m[1]);
  return Number(m[2]) >= 4 ? year : year - 1;
}

export function HappinessPage({ model }: { model: Model }) {
  const lang = useLang();
  const v = model.view;
  // The baseline's fiscal year ("2022-12" falls in FY2022: April to March).
  const baseFy = v.baseline ? fiscalYearOfMonth(v.baseline.asOf) : null;
  return (
    <main id="main">
      <Crumbs items={[{ label: <M k="happiness" /> }]} />
      <h1>
        <L ja="市民幸福度" en="Citizen happiness" />
      </h1>
      <p>
        <L
          ja="「あなたは現在どの程度幸せですか」への0点（とても不幸）〜10点（とても幸せ）の回答の平均です。"
          en="The mean answer, from 0 (very unhappy) to 10 (very happy), to “How happy are you now?”"
        />
      </p>
      <dl className="facts">
        <dt>
          <M k="baseline" />
        </dt>
        <dd>
          {v.baseline ? (
            <>
              {v.baseline.value}
              <Paren>{v.baseline.asOf}</Paren> <Ja>{v.baseline.source}</Ja>
            </>
          ) : (
            '—'
          )}
        </dd>
        <dt>
          <M k="target" />
        </dt>
        <dd>
          {v.target ? (
            <>
              <FiscalYear fy={v.target.fiscalYear} />:{' '}
              <Num
                value={v.target.value}
                digits={2}
                figure={figureKey(v.indicatorCode, 'target', v.target.fiscalYear)}
              />
              <L ja=" 以上" en=" or more" />
            </>
          ) : (
            '—'
          )}
        </dd>
      </dl>
      <p>
        <a href={`/indicators/${v.indicatorCode}`}>
          <L ja="指標の詳細と変更履歴" en="Indicator details and change history" />
        </a>
      </p>

      <section aria-labelledby="trend">
        <h2 id="trend">
          <L ja="推移" en="Trend" />
        </h2>
        {v.actuals.length > 0 ? (
          <Chart
            caption={
              <L ja="市民幸福度の推移（95%信頼区間つき）" en="Citizen happiness over time (with 95% CI)" />
            }
            spec={{
              kind: 'line',
              // A value axis fitted to the data, its interval and the target (not a fixed 0–10).
              xs: [...(baseFy !== null ? [baseFy] : []), ...v.actuals.map((a) => a.fiscalYear)],
              categories: [...(baseFy !== null ? [baseFy] : []), ...v.actuals.map((a) => a.fiscalYear)].map(
                (y) => fiscalYearText(y, lang),
              ),
              series: [
                {
                  name: lang === 'en' ? 'Happiness' : '幸福度',
                  values: [
                    ...(baseFy !== null && v.baseline ? [v.baseline.value] : []),
                    ...v.actuals.map((a) => a.value),
                  ],
                },
              ],
              band: {
                name: lang === 'en' ? '95% CI' : '95%信頼区間',
                lower: [...(baseFy !== null ? [null] : []), ...v.actuals.map((a) => a.lower ?? null)],
                upper: [...(baseFy !== null ? [null] : []), ...v.actuals.map((a) => a.upper ?? null)],
              },
              ...(v.target
                ? { markY: { at: v.target.value, label: lang === 'en' ? 'Target' : '目標' } }
                : {}),
            }}
            table={
              <table>
                <caption>
                  <L ja="市民幸福度（点）" en="Citizen happiness (points)" />
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
                      <L ja="95%信頼区間" en="95% CI" />
                    </th>
                    <th scope="col">
                      <M k="source" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {baseFy !== null && v.baseline ? (
                    <tr>
                      <th scope="row">
                        <FiscalYear fy={baseFy} />
                      </th>
                      <td className="num">
                        <Num
                          value={v.baseline.value}
                          digits={2}
                          figure={figureKey(v.indicatorCode, 'baseline', v.baseline.asOf.slice(0, 4))}
                        />
                      </td>
                      <td className="num">—</td>
                      <td>
                        <L ja="基準値：" en="Baseline: " />
                        <Ja>{v.baseline.source}</Ja>
                      </td>
                    </tr>
                  ) : null}
                  {v.actuals.map((a) => (
                    <tr key={a.fiscalYear}>
                      <th scope="row">
                        <FiscalYear fy={a.fiscalYear} />
                      </th>
                      <td className="num">
                        <Num
                          value={a.value}
                          digits={2}
                          figure={figureKey(v.indicatorCode, 'actual', a.fiscalYear)}
                        />
                      </td>
                      <td className="num">
                        {a.lower !== undefined && a.upper !== undefined ? (
                          <>
                            <Num value={a.lower} digits={2} /> – <Num value={a.upper} digits={2} />
                          </>
                        ) : (
                          '—'
                        )}
                      </td>
                      <td>
                        <Ja>{a.source}</Ja>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            }
          />
        ) : (
          <p>
            <L
              ja="基準値の後の調査結果はまだ登録されていません。調査の回が取り込まれると、ここに推移が表示されます。"
              en="No survey result after the baseline has been recorded yet; the trend appears here once a survey wave is imported."
            />
          </p>
        )}
      </section>

      {v.evidence ? (
        <>
          <HappinessDrivers e={v.evidence} indicator={v.indicatorCode} />
          <HappinessByGroup e={v.evidence} indicator={v.indicatorCode} />
        </>
      ) : (
        <section aria-labelledby="drivers">
          <h2 id="drivers">
            <L ja="幸福度を左右するもの・地区別・年代別" en="Drivers, districts and age groups" />
          </h2>
          <p>
            <L
              ja="公表済みの調査回がまだないため、要因の分析と地区別・年代別の値は示せません。調査の回が公表されると、ここに表示されます。"
              en="No survey wave is published yet, so drivers and figures by district and age cannot be shown; they appear here once a wave is published."
            />
          </p>
        </section>
      )}

      <section aria-labelledby="waves">
        <h2 id="waves">
          <L ja="調査の回ごとの内訳" en="Breakdowns by survey wave" />
        </h2>
        <WaveBreakdowns waves={v.waves} />
      </section>

      <section aria-labelledby="dist">
        <h2 id="dist">
          <L ja="年代別の回答比率と平均幸福度" en="Answer shares and mean happiness by age group" />
        </h2>
        {v.tableMissing ? (
          <p className="notice" role="status">
            <L ja={v.tableMissing.ja} en={v.tableMissing.en} />
          </p>
        ) : null}
        <ScrollArea
          label={lang === 'en' ? 'Answer shares by age group' : '年代別の回答比率'}
          hidden={v.rows.length === 0}
        >
          <table className="dense">
            <caption>
              <Ja>{v.tableSource}</Ja>
              <L ja="（単位：%、平均は点）" en=" (percent; means in points)" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <L ja="年代" en="Age group" />
                </th>
                {Array.from({ length: 11 }, (_, k) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: the answer values 0..10
                  <th scope="col" key={k}>
                    {k}
                    <L ja="点" en="" />
                  </th>
                ))}
                <th scope="col">
                  <L ja="平均（公表）" en="Mean (published)" />
                </th>
                <th scope="col">
                  <L ja="比率からの再計算（丸めの幅）" en="Recomputed from shares (rounding range)" />
                </th>
              </tr>
            </thead>
            <tbody>
              {v.rows.map((r) => (
                <tr key={r.group}>
                  <th scope="row">
                    <Ja>{r.group}</Ja>
                  </th>
                  {r.shares.map((s, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the answer values 0..10
                    <td className="num" key={k}>
                      <Num value={s} digits={1} />
                    </td>
                  ))}
                  <td className="num">
                    <Num value={r.publishedMean} digits={2} />
                  </td>
                  <td className="num">
                    <Num value={r.mean} digits={2} />
                    <Paren>
                      <Num value={r.lower} digits={2} />–<Num value={r.upper} digits={2} />
                    </Paren>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollArea>
        <p className="note">
          <L
            ja="全体の平均は年代の人口分布で補正した値です。回答者の少ない区分の内訳は、調査の回を取り込む際に秘匿（非表示）されます。"
            en="The overall mean is corrected by the population's age distribution. Breakdowns with few respondents are suppressed when a survey wave is imported."
          />
        </p>
      </section>
    </main>
  );
}
