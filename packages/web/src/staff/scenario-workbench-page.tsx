/**
 * The scenario workbench: sliders for fertility, migration, added
 * in-migrants and mortality; every change re-projects the city and its
 * districts in the browser at once (the engine is loaded on first use) and
 * the totals, the target year and the districts update, announced politely.
 */
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Chart } from '../charts/chart';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { formatNumber, L, Num, SampleBadge } from '../ui/text';
import { calendarYearText } from '../ui/years';
import { apiClient } from './api-client';
import { type ApiProblem, ProblemsTable, problemsOf } from './survey-problems-view';
import type { Levers, WorkbenchResult } from './workbench-engine';

type Model = Extract<PageModel, { page: 'staff-scenarios' }>;

const neutral: Levers = { fertility: 1, migration: 1, added: 0, mortality: 1 };

const sliders: {
  key: keyof Levers;
  ja: string;
  en: string;
  min: number;
  max: number;
  step: number;
  unit: (v: number, lang: 'ja' | 'en') => string;
}[] = [
  {
    key: 'fertility',
    ja: '出生の水準（仮定に対する倍率）',
    en: 'Fertility (multiple of the assumption)',
    min: 0.5,
    max: 2,
    step: 0.05,
    unit: (v) => `× ${v.toFixed(2)}`,
  },
  {
    key: 'migration',
    ja: '純移動率（仮定に対する倍率）',
    en: 'Net migration rates (multiple of the assumption)',
    min: -1,
    max: 3,
    step: 0.1,
    unit: (v) => `× ${v.toFixed(1)}`,
  },
  {
    key: 'added',
    ja: '追加の転入超過（人／年）',
    en: 'Extra net in-migrants (persons a year)',
    min: 0,
    max: 600,
    step: 10,
    unit: (v, lang) => (lang === 'en' ? `${v} a year` : `年 ${v} 人`),
  },
  {
    key: 'mortality',
    ja: '死亡率（仮定に対する倍率、1未満で長寿命化）',
    en: 'Mortality (multiple; below 1 = longer lives)',
    min: 0.5,
    max: 1.5,
    step: 0.05,
    unit: (v) => `× ${v.toFixed(2)}`,
  },
];

export function ScenarioWorkbenchPage({ model }: { model: Model }) {
  const lang = useLang();
  const wb = model.workbench;
  const [levers, setLevers] = useState<Levers>(neutral);
  const [result, setResult] = useState<WorkbenchResult>(wb.baseline);
  const engine = useRef<typeof import('./workbench-engine') | null>(null);
  const targetYear = wb.target?.fiscalYear;

  useEffect(() => {
    let cancelled = false;
    const run = (m: typeof import('./workbench-engine')) => {
      if (!cancelled) setResult(m.recalcWorkbench(wb.set, levers, targetYear));
    };
    if (engine.current) run(engine.current);
    else
      import('./workbench-engine').then((m) => {
        engine.current = m;
        run(m);
      });
    return () => {
      cancelled = true;
    };
  }, [levers, wb.set, targetYear]);

  const [saved, setSaved] = useState<string | null>(null);
  const [saveProblems, setSaveProblems] = useState<ApiProblem[]>([]);
  async function saveScenario(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const m = engine.current ?? (await import('./workbench-engine'));
    const res = await apiClient('population', model.session.csrfToken).api.v1.population.scenarios.$post({
      json: {
        code: String(d.get('code') ?? '').trim(),
        name: String(d.get('name') ?? '').trim(),
        area: wb.set.city.area ?? 'city',
        spec: wb.set.city as unknown as Record<string, unknown>,
        scenario: { ...m.scenarioFor(wb.set.city, levers, 1), name: String(d.get('name') ?? '').trim() },
        provenance: { source: 'Mirai シナリオ試算（職員が条件を設定）', note: JSON.stringify(levers) },
      },
    });
    const body = (await res.json().catch(() => null)) as { code?: string } | null;
    if (res.ok) {
      setSaveProblems([]);
      setSaved(body?.code ?? '');
    } else setSaveProblems(problemsOf(body));
  }
  const base = wb.baseline;
  const diff = wb.target && result.atTarget !== null ? result.atTarget - wb.target.value : null;
  const last = result.years.length - 1;
  const cityName = (name: string) => name;
  return (
    <main id="main">
      <h1>
        <L ja="人口シナリオの試算" en="Population scenario workbench" />
      </h1>
      <p>
        <L
          ja="市は社人研2018年推計の仮定、地区は説明用サンプルの地区別人口から求めた率を使い、地区の合計を市に合わせています。スライダーを動かすと、その場で再計算します。"
          en="The city follows the IPSS 2018 assumptions; districts use rates from the illustrative district sample, raked to the city. Moving a slider recalculates at once."
        />
      </p>
      <form className="workbench" onSubmit={(e) => e.preventDefault()}>
        <fieldset>
          <legend>
            <L ja="条件" en="Assumptions" />
          </legend>
          {sliders.map((s) => (
            <div className="slider" key={s.key}>
              <label htmlFor={`lever-${s.key}`}>{lang === 'en' ? s.en : s.ja}</label>
              <input
                id={`lever-${s.key}`}
                type="range"
                min={s.min}
                max={s.max}
                step={s.step}
                value={levers[s.key]}
                aria-valuetext={s.unit(levers[s.key], lang)}
                onChange={(e) => setLevers({ ...levers, [s.key]: Number(e.currentTarget.value) })}
              />
              <output htmlFor={`lever-${s.key}`} id={`out-${s.key}`}>
                {s.unit(levers[s.key], lang)}
              </output>
            </div>
          ))}
          <button type="button" className="secondary" onClick={() => setLevers(neutral)}>
            <L ja="仮定に戻す" en="Reset to the assumptions" />
          </button>
        </fieldset>
      </form>

      <section aria-labelledby="answer">
        <h2 id="answer">
          <L ja="結果" en="Result" />
        </h2>
        <p className="lead" aria-live="polite" id="workbench-answer">
          {wb.target && result.atTarget !== null ? (
            <>
              {calendarYearText(wb.target.fiscalYear, lang)}
              <L ja="の総人口：" en=": total population " />
              <span data-testid="at-target">{formatNumber(result.atTarget, lang)}</span>
              <L ja=" 人（目標 " en=" (target " />
              {formatNumber(wb.target.value, lang)}
              <L ja=" 人との差 " en=", difference " />
              {diff !== null ? `${diff >= 0 ? '+' : ''}${formatNumber(diff, lang)}` : '—'}
              <L ja="）" en=")" />
            </>
          ) : null}
        </p>
        <p className="note">
          <L ja="計算時間" en="Computed in" /> {result.ms.toFixed(1)} ms
        </p>
        {result.problems.length > 0 ? (
          <ul className="error" role="alert">
            {result.problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        ) : null}
        <Chart
          caption={<L ja="総人口：仮定どおりと試算" en="Total population: assumptions and this scenario" />}
          spec={{
            kind: 'line',
            categories: result.years.map(String),
            xs: result.years,
            series: [
              {
                name: lang === 'en' ? 'Assumptions' : '仮定どおり',
                values: base.total.map(Math.round),
                dashed: true,
              },
              { name: lang === 'en' ? 'Scenario' : '試算', values: result.total.map(Math.round) },
            ],
            ...(wb.target
              ? { markY: { at: wb.target.value, label: lang === 'en' ? 'Target' : '目標' } }
              : {}),
          }}
          table={
            <div className="table-scroll">
              <table id="workbench-city">
                <caption>
                  <L ja="市全体（人）" en="The city (persons)" />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <L ja="年" en="Year" />
                    </th>
                    <th scope="col">
                      <L ja="仮定どおり" en="Assumptions" />
                    </th>
                    <th scope="col">
                      <L ja="試算" en="Scenario" />
                    </th>
                    <th scope="col">0–14</th>
                    <th scope="col">15–64</th>
                    <th scope="col">65+</th>
                  </tr>
                </thead>
                <tbody>
                  {result.years.map((y, k) => (
                    <tr key={y}>
                      <th scope="row">{calendarYearText(y, lang)}</th>
                      <td className="num">
                        <Num value={base.total[k]} />
                      </td>
                      <td className="num">
                        <Num value={result.total[k]} />
                      </td>
                      <td className="num">
                        <Num value={result.young[k]} />
                      </td>
                      <td className="num">
                        <Num value={result.working[k]} />
                      </td>
                      <td className="num">
                        <Num value={result.old[k]} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          }
        />
      </section>

      <form onSubmit={saveScenario}>
        <fieldset>
          <legend>
            <L ja="この条件を市のシナリオとして保存" en="Save these assumptions as a city scenario" />
          </legend>
          <div className="field">
            <label htmlFor="scenario-code">
              <L ja="コード（英数字）" en="Code (letters, digits)" />
            </label>
            <input id="scenario-code" name="code" required pattern="[A-Za-z0-9][A-Za-z0-9_-]{0,63}" />
          </div>
          <div className="field">
            <label htmlFor="scenario-name">
              <L ja="名前" en="Name" />
            </label>
            <input id="scenario-name" name="name" required />
          </div>
          <button type="submit">
            <L ja="保存して計算" en="Save and run" />
          </button>
        </fieldset>
      </form>
      {saved !== null ? (
        <p role="status" id="scenario-saved">
          <L ja={`シナリオ「${saved}」を保存しました。`} en={`Saved scenario “${saved}”.`} />
        </p>
      ) : null}
      {saveProblems.length > 0 ? <ProblemsTable problems={saveProblems} /> : null}

      <section aria-labelledby="wb-districts">
        <h2 id="wb-districts">
          <L ja="地区別" en="Districts" /> <SampleBadge sample={wb.set.sample} />
        </h2>
        <div className="table-scroll">
          <table id="workbench-districts">
            <caption>
              <L
                ja="地区の総人口（人、説明用サンプル）"
                en="District totals (persons, illustrative sample)"
              />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <L ja="地区" en="District" />
                </th>
                <th scope="col">{result.years[0] ?? ''}</th>
                <th scope="col">
                  {result.years[last] ?? ''} <L ja="仮定どおり" en="assumptions" />
                </th>
                <th scope="col">
                  {result.years[last] ?? ''} <L ja="試算" en="scenario" />
                </th>
              </tr>
            </thead>
            <tbody>
              {result.districts.map((d, k) => (
                <tr key={d.name}>
                  <th scope="row">
                    {wb.districtCodes[d.name] ? (
                      <a href={`/districts/${wb.districtCodes[d.name]}`}>{cityName(d.name)}</a>
                    ) : (
                      d.name
                    )}
                  </th>
                  <td className="num">
                    <Num value={d.total[0]} />
                  </td>
                  <td className="num">
                    <Num value={base.districts[k]?.total[last]} />
                  </td>
                  <td className="num">
                    <Num value={d.total[last]} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </main>
  );
}
