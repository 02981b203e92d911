/** One district: projected totals, children and the share aged 65+, from the illustrative district sample. */
import { figureKey } from '@mirai/core';
import { Chart } from '../charts/chart';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { Crumbs } from '../ui/layout';
import { Ja, L, M, Num, SampleBadge, T } from '../ui/text';
import { CalendarYear } from '../ui/years';

type Model = Extract<PageModel, { page: 'district' }>;

export function DistrictPage({ model }: { model: Model }) {
  const lang = useLang();
  const d = model.view.districts.find((x) => x.code === model.code);
  if (!d) return null;
  const subject = model.view.figures.subject;
  return (
    <main id="main">
      <Crumbs
        items={[{ href: '/population', label: <M k="population" /> }, { label: <T text={d.name} /> }]}
      />
      <h1>
        <T text={d.name} /> <L ja="地区の人口" en="district: population" /> <SampleBadge sample={d.sample} />
      </h1>
      {d.sample ? (
        <p className="sample-note">
          <L
            ja="この地区の数値は説明用のサンプルです（市の国勢調査人口を2010年の世帯数で按分して作成）。実際の地区別人口ではありません。"
            en="This district's figures are an illustrative sample (the city's census split by 2010 household counts), not real district data."
          />
        </p>
      ) : null}
      {model.view.missing ? (
        <p className="notice" role="status">
          <L ja={model.view.missing.ja} en={model.view.missing.en} />
        </p>
      ) : (
        <p>
          <Ja>{model.view.method}</Ja>
        </p>
      )}
      <Chart
        caption={
          <L
            ja="地区の総人口と0〜14歳人口の推計（人）"
            en="Projected total and children aged 0–14 (persons)"
          />
        }
        spec={{
          kind: 'line',
          categories: d.years.map(String),
          xs: d.years,
          fromZero: true,
          series: [
            {
              name: lang === 'en' ? 'Total' : '総人口',
              values: d.totals.map((x) => (x === null ? null : Math.round(x))),
            },
            {
              name: lang === 'en' ? '0–14' : '0〜14歳',
              values: d.young.map((x) => (x === null ? null : Math.round(x))),
            },
          ],
          markX: { at: String(d.years[0] ?? ''), label: lang === 'en' ? 'base' : '基準' },
        }}
        table={
          <table>
            <caption>
              <T text={d.name} />
              <L ja="（サンプル）" en=" (sample)" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <M k="year" />
                </th>
                <th scope="col">
                  <L ja="総人口" en="Total" />
                </th>
                <th scope="col">
                  <L ja="0〜14歳" en="0–14" />
                </th>
                <th scope="col">
                  <L ja="65歳以上の割合" en="Share 65+" />
                </th>
              </tr>
            </thead>
            <tbody>
              {d.years.map((y, k) => (
                <tr key={y}>
                  <th scope="row">
                    <CalendarYear year={y} />
                  </th>
                  <td className="num">
                    <Num value={d.totals[k]} figure={figureKey(`${subject}@${d.code}`, 'districts', y)} />
                  </td>
                  <td className="num">
                    <Num
                      value={d.young[k]}
                      figure={figureKey(`${subject}@${d.code}[0-14]`, 'districts', y)}
                    />
                  </td>
                  <td className="num">
                    {d.shares65[k] === null || d.shares65[k] === undefined
                      ? '—'
                      : `${((d.shares65[k] as number) * 100).toFixed(1)}%`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
      <h2>
        <L ja="ほかの地区" en="Other districts" />
      </h2>
      <ul className="inline-list">
        {model.view.districts
          .filter((x) => x.code !== d.code)
          .map((x) => (
            <li key={x.code}>
              <a href={`/districts/${x.code}`}>
                <T text={x.name} />
              </a>
            </li>
          ))}
      </ul>
    </main>
  );
}
