/**
 * The municipality's population data (census and projection tables): what is
 * stored, and a form to import a file (e-Stat's CSV of the census by sex and
 * five-year age, an IPSS table, or Mirai's own columns). "確認する" checks the
 * file and stores nothing; "取り込む" stores it as the table's next version.
 */
import { type FormEvent, useRef, useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { L } from '../ui/text';
import { JapanDate } from '../ui/years';
import { apiClient, bodyOf } from './api-client';
import { type ApiProblem, ProblemsTable, problemsOf } from './survey-problems-view';

type Model = Extract<PageModel, { page: 'staff-population-data' }>;

/** The kinds a municipality imports here, in the order a new municipality needs them. */
export const populationKindLabels: Record<string, { ja: string; en: string }> = {
  'census-sex-age5': { ja: '国勢調査（男女・5歳階級別）', en: 'Census by sex and five-year age' },
  'projection-sex-age5': {
    ja: '将来推計（男女・5歳階級別、社人研）',
    en: 'Projection by sex and five-year age (IPSS)',
  },
  'districts-sex-age5': { ja: '地区別人口（男女・5歳階級別）', en: 'Districts by sex and five-year age' },
  'projection-age3': { ja: '将来推計（3区分）', en: 'Projection in three age groups' },
  'population-series': { ja: '人口の系列（基準・目標）', en: 'Population series (baseline, target)' },
  'happiness-shares': { ja: '幸福度の回答分布（公表値）', en: 'Published happiness answer shares' },
};

export function PopulationDataPage({ model }: { model: Model }) {
  const en = useLang() === 'en';
  const form = useRef<HTMLFormElement>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [result, setResult] = useState<{ rows: number; version: number; dryRun: boolean } | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(dryRun: boolean) {
    const f = form.current;
    if (!f?.reportValidity()) return;
    const data = new FormData(f);
    if (dryRun) data.set('dryRun', 'true');
    setBusy(true);
    const api = apiClient('population', model.session.csrfToken).api.v1.staff.population.datasets;
    const res = await api.$post({ form: {} as never }, bodyOf(data));
    const body = await res.json().catch(() => null);
    setBusy(false);
    if (!res.ok) {
      setProblems(problemsOf(body));
      setResult(null);
      return;
    }
    setProblems([]);
    const r = body as { rows: number; version: number };
    setResult({ rows: r.rows, version: r.version, dryRun });
    if (!dryRun) window.location.assign('/staff/population-data?imported=1');
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void send(false);
  };

  return (
    <main id="main">
      <h1>
        <L ja="人口データ" en="Population data" />
      </h1>
      <p>
        <L
          ja="人口のページと人口シナリオの試算は、ここに登録した国勢調査と将来推計の表を使います。e-Stat からダウンロードした国勢調査の CSV（男女別5歳階級別人口、UTF-8 または Shift_JIS）はそのまま取り込めます。"
          en="The population pages and the scenario workbench use the census and projection tables stored here. e-Stat's CSV of the census by sex and five-year age (UTF-8 or Shift_JIS) is read as it is."
        />
      </p>
      <section aria-labelledby="stored-h">
        <h2 id="stored-h">
          <L ja="登録済みの表" en="Stored tables" />
        </h2>
        {model.datasets.length === 0 ? (
          <p id="no-datasets">
            <L ja="まだ登録されていません。" en="None yet." />
          </p>
        ) : (
          <div className="table-scroll">
            <table id="datasets">
              <thead>
                <tr>
                  <th scope="col">
                    <L ja="コード" en="Code" />
                  </th>
                  <th scope="col">
                    <L ja="種類" en="Kind" />
                  </th>
                  <th scope="col">
                    <L ja="題名" en="Title" />
                  </th>
                  <th scope="col">
                    <L ja="行数" en="Rows" />
                  </th>
                  <th scope="col">
                    <L ja="版" en="Version" />
                  </th>
                  <th scope="col">
                    <L ja="登録日" en="Stored" />
                  </th>
                  <th scope="col">
                    <L ja="出典" en="Source" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {model.datasets.map((d) => {
                  const kind = populationKindLabels[d.kind];
                  return (
                    <tr key={d.code}>
                      <td>
                        <code>{d.code}</code>
                      </td>
                      <td>{kind ? <L ja={kind.ja} en={kind.en} /> : d.kind}</td>
                      <td>
                        <span lang="ja">{d.title.ja}</span>
                        {d.sample ? <L ja="（サンプル）" en=" (sample)" /> : null}
                      </td>
                      <td className="num">{d.rows.toLocaleString('ja-JP')}</td>
                      <td className="num">{d.version}</td>
                      <td>
                        <JapanDate iso={d.createdAt} />
                      </td>
                      <td lang="ja">{d.source}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {model.canImport ? (
        <section aria-labelledby="import-h">
          <h2 id="import-h">
            <L ja="表を取り込む" en="Import a table" />
          </h2>
          <form ref={form} onSubmit={submit}>
            <div className="field">
              <label htmlFor="pd-kind">
                <L ja="種類" en="Kind" />
              </label>
              <select id="pd-kind" name="kind" required defaultValue="census-sex-age5">
                {Object.entries(populationKindLabels).map(([k, v]) => (
                  <option key={k} value={k}>
                    {en ? v.en : v.ja}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="pd-file">
                <L ja="ファイル（CSV または xlsx）" en="File (CSV or xlsx)" />
              </label>
              <input id="pd-file" name="file" type="file" accept=".csv,.txt,.xlsx" required />
            </div>
            <div className="field">
              <label htmlFor="pd-code">
                <L
                  ja="コード（同じコードで取り込むと次の版になります）"
                  en="Code (the same code stores the next version)"
                />
              </label>
              <input
                id="pd-code"
                name="code"
                required
                maxLength={64}
                pattern="[A-Za-z0-9][A-Za-z0-9_\-]*"
                placeholder="census"
              />
            </div>
            <div className="field">
              <label htmlFor="pd-title">
                <L ja="題名" en="Title (Japanese)" />
              </label>
              <input
                id="pd-title"
                name="titleJa"
                required
                maxLength={200}
                placeholder="国勢調査 男女・5歳階級別人口"
              />
            </div>
            <div className="field">
              <label htmlFor="pd-title-en">
                <L ja="題名（英語、任意）" en="Title (English, optional)" />
              </label>
              <input id="pd-title-en" name="titleEn" maxLength={200} />
            </div>
            <div className="field">
              <label htmlFor="pd-source">
                <L ja="出典（ページに表示します）" en="Source (shown on the pages)" />
              </label>
              <input
                id="pd-source"
                name="source"
                required
                maxLength={500}
                placeholder="総務省統計局「国勢調査」（e-Stat）"
              />
            </div>
            <div className="field">
              <label htmlFor="pd-layout">
                <L ja="ファイルの形" en="File layout" />
              </label>
              <select id="pd-layout" name="layout" defaultValue="auto">
                <option value="auto">{en ? 'Detect' : '自動判定'}</option>
                <option value="estat">{en ? "e-Stat's CSV" : 'e-Stat の CSV'}</option>
                <option value="tidy">{en ? "Mirai's columns" : 'Mirai の列'}</option>
              </select>
            </div>
            <label className="check">
              <input type="checkbox" name="sample" value="true" />{' '}
              <L ja="説明用のサンプルとして表示する" en="Mark as an illustrative sample" />
            </label>
            <p className="actions">
              <button type="button" className="secondary" disabled={busy} onClick={() => void send(true)}>
                <L ja="確認する（保存しない）" en="Check (store nothing)" />
              </button>{' '}
              <button type="submit" disabled={busy}>
                <L ja="取り込む" en="Import" />
              </button>
            </p>
          </form>
          {result?.dryRun ? (
            <p id="dataset-checked" role="status">
              <L
                ja={`問題はありません（${result.rows} 行）。「取り込む」で保存します。`}
                en={`No problems (${result.rows} rows). "Import" stores it.`}
              />
            </p>
          ) : null}
          {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
        </section>
      ) : null}
    </main>
  );
}
