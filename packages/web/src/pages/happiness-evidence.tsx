/**
 * Evidence on the happiness page, from the newest published survey wave: what
 * drives well-being (LMG relative importance with bootstrap intervals, chart
 * and table) and happiness by district and by age group (estimate and 95%
 * interval per cell, small cells suppressed).
 */
import { figureKey } from '@mirai/core';
import { Chart } from '../charts/chart';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { ScrollArea } from '../ui/scroll-area';
import { Ja, L, Num, T } from '../ui/text';

type Evidence = NonNullable<Extract<PageModel, { page: 'happiness' }>['view']['evidence']>;
type Domain = NonNullable<Evidence['byDistrict']>;

const pct = (x: number) => 100 * x;

/** Where the figures come from: the wave, its fieldwork and its respondents. */
function WaveLine({ e }: { e: Evidence }) {
  const lang = useLang();
  const period = [e.wave.fieldworkStart, e.wave.fieldworkEnd].filter(Boolean).join(' – ');
  return (
    <p data-testid="evidence-wave">
      <L ja="公表済みの最新の調査回：" en="Newest published survey wave: " />
      <Ja>{e.wave.title}</Ja> <span className="code">{e.wave.code}</span>
      {period ? (lang === 'en' ? ` (fieldwork ${period})` : `（調査期間 ${period}）`) : null}
      <L ja="、回答 " en=", n = " />
      <Num value={e.wave.n} />
      <L ja=" 件。" en="." />
    </p>
  );
}

export function HappinessDrivers({ e, indicator }: { e: Evidence; indicator: string }) {
  const lang = useLang();
  const d = e.drivers;
  return (
    <section aria-labelledby="drivers">
      <h2 id="drivers">
        <L ja="幸福度を左右するもの" en="What drives happiness" />
      </h2>
      <WaveLine e={e} />
      {'problem' in d ? (
        <p className="notice" role="status">
          <L ja={d.problem.ja} en={d.problem.en} />
        </p>
      ) : (
        <>
          <p>
            <L
              ja={`幸福度の回答のばらつきのうち、各設問で説明できる割合（LMG 法による決定係数 R² の分解。設問を加える順序すべてについて平均した R² の増分）です。合計は R² = ${(100 * d.r2).toFixed(1)}% になります。区間は回答者を復元抽出した ${d.replicates.toLocaleString('ja-JP')} 回のブートストラップによる95%区間（乱数の種 ${d.seed}）です。`}
              en={`How much of the variation in happiness each question accounts for (the LMG decomposition of R²: the gain in R² from adding the question, averaged over every order). They add up to R² = ${(100 * d.r2).toFixed(1)}%. Intervals: 95% from ${d.replicates.toLocaleString('en-US')} bootstrap resamples of respondents (seed ${d.seed}).`}
            />{' '}
            {d.weighted ? (
              <L ja="回答者の重みを用いています。" en="Respondents are weighted." />
            ) : (
              <L
                ja="重みづけはしていません（要因の大きさの比較のため）。"
                en="Respondents are unweighted (the aim is to compare drivers)."
              />
            )}{' '}
            <L ja="相関であって因果ではありません。" en="These are associations, not causes." />
          </p>
          <Chart
            caption={
              <L
                ja={`幸福度の要因（LMG、説明できる割合 %、95%区間）n = ${d.n}`}
                en={`Drivers of happiness (LMG, % of variance explained, 95% interval), n = ${d.n}`}
              />
            }
            spec={{
              kind: 'interval-bar',
              categories: d.shares.map((s) => s.wording[lang]),
              estimate: d.shares.map((s) => Number(pct(s.lmg).toFixed(2))),
              lower: d.shares.map((s) => Number(pct(s.lower).toFixed(2))),
              upper: d.shares.map((s) => Number(pct(s.upper).toFixed(2))),
              estimateLabel: lang === 'en' ? 'LMG (%)' : 'LMG（%）',
              intervalLabel: lang === 'en' ? '95% interval' : '95%区間',
            }}
            table={
              <table>
                <caption>
                  <L ja="設問ごとの LMG（%）" en="LMG by question (%)" />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <L ja="設問" en="Question" />
                    </th>
                    <th scope="col">
                      <L ja="説明できる割合（%）" en="Variance explained (%)" />
                    </th>
                    <th scope="col">
                      <L ja="95%区間" en="95% interval" />
                    </th>
                    <th scope="col">
                      <L ja="R² に占める割合（%）" en="Share of R² (%)" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.shares.map((s) => (
                    <tr key={s.code}>
                      <th scope="row">
                        <T text={s.wording} />
                      </th>
                      <td className="num">
                        <Num
                          value={pct(s.lmg)}
                          digits={1}
                          figure={figureKey(indicator, `lmg${s.code}`, e.wave.code)}
                        />
                      </td>
                      <td className="num">
                        <Num value={pct(s.lower)} digits={1} /> – <Num value={pct(s.upper)} digits={1} />
                      </td>
                      <td className="num">
                        <Num value={d.r2 > 0 ? pct(s.lmg / d.r2) : null} digits={1} />
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

function DomainRows({ t, indicator, wave }: { t: Domain; indicator: string; wave: string }) {
  return (
    <tbody>
      {t.cells.map((c) => (
        <tr key={c.level} data-suppressed={c.suppressed ? 'true' : undefined}>
          <th scope="row">
            {c.area ? (
              <a href={`/areas/${c.area.code}`}>
                <T text={c.area.name} />
              </a>
            ) : (
              <Ja>{c.level}</Ja>
            )}
          </th>
          <td className="num">
            <Num value={c.n} />
          </td>
          {c.suppressed ? (
            <td colSpan={2}>
              <L ja="秘匿（回答が少ないため）" en="Suppressed (too few respondents)" />
            </td>
          ) : (
            <>
              <td className="num">
                <Num
                  value={c.estimate}
                  digits={2}
                  figure={c.area ? figureKey(`${indicator}@${c.area.code}`, 'survey', wave) : undefined}
                />
              </td>
              <td className="num">
                <Num value={c.lower} digits={2} /> – <Num value={c.upper} digits={2} />
              </td>
            </>
          )}
        </tr>
      ))}
    </tbody>
  );
}

function DomainTable({
  t,
  heading,
  indicator,
  wave,
}: {
  t: Domain;
  heading: { ja: string; en: string };
  indicator: string;
  wave: string;
}) {
  return (
    <table>
      <caption>
        <L ja={heading.ja} en={heading.en} />
      </caption>
      <thead>
        <tr>
          <th scope="col">
            <L
              ja={heading.ja.startsWith('地区') ? '地区' : '年代'}
              en={heading.en.includes('district') ? 'District' : 'Age group'}
            />
          </th>
          <th scope="col">
            <L ja="回答数" en="Respondents" />
          </th>
          <th scope="col">
            <L ja="平均（点）" en="Mean (points)" />
          </th>
          <th scope="col">
            <L ja="95%信頼区間" en="95% CI" />
          </th>
        </tr>
      </thead>
      <DomainRows t={t} indicator={indicator} wave={wave} />
    </table>
  );
}

export function HappinessByGroup({ e, indicator }: { e: Evidence; indicator: string }) {
  const lang = useLang();
  return (
    <section aria-labelledby="by-group">
      <h2 id="by-group">
        <L ja="地区別・年代別の幸福度" en="Happiness by district and by age group" />
      </h2>
      <WaveLine e={e} />
      <p>
        <L
          ja={`調査の設計による推定値（母集団の区分が登録されていれば事後層化）と95%信頼区間です。回答が ${e.minCell} 件未満の区分は、個人が特定されないよう秘匿しています。`}
          en={`Estimates from the survey's design (post-stratified where population cells are stored) with 95% confidence intervals. Cells with fewer than ${e.minCell} respondents are suppressed so no one can be identified.`}
        />
      </p>
      {e.byDistrict ? (
        <ScrollArea label={lang === 'en' ? 'Happiness by district' : '地区別の幸福度'}>
          <DomainTable
            t={e.byDistrict}
            heading={{ ja: '地区別の幸福度', en: 'Happiness by district' }}
            indicator={indicator}
            wave={e.wave.code}
          />
        </ScrollArea>
      ) : (
        <p>
          <L
            ja="この調査回には回答者の地区を示す項目がありません。"
            en="This wave records no district for its respondents."
          />
        </p>
      )}
      {e.byAge ? (
        <ScrollArea label={lang === 'en' ? 'Happiness by age group' : '年代別の幸福度'}>
          <DomainTable
            t={e.byAge}
            heading={{ ja: '年代別の幸福度', en: 'Happiness by age group' }}
            indicator={indicator}
            wave={e.wave.code}
          />
        </ScrollArea>
      ) : (
        <p>
          <L
            ja="この調査回には回答者の年代を示す項目がありません。"
            en="This wave records no age group for its respondents."
          />
        </p>
      )}
    </section>
  );
}
