/** The dataset catalogue on the open-data page: each dataset with its licence, source, last update (Japan time) and files. */
import type { Catalogue } from '@mirai/api';
import { useLang } from '../i18n/lang';
import { ScrollArea } from '../ui/scroll-area';
import { L, SampleBadge, T } from '../ui/text';

/** `2026-12-06T21:42:05+09:00` as 2026年12月6日 21:42 / 6 Dec 2026 21:42 JST (the text is already Japan time). */
export function japanTimeText(iso: string, lang: 'ja' | 'en'): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  if (!m) return iso;
  const [, y, mo, d, h, mi] = m;
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  return lang === 'en'
    ? `${Number(d)} ${months[Number(mo) - 1]} ${y} ${h}:${mi} JST`
    : `${y}年${Number(mo)}月${Number(d)}日 ${h}:${mi}`;
}

export function OpenDataCatalogue({ catalogue }: { catalogue: Catalogue }) {
  const lang = useLang();
  return (
    <section aria-labelledby="datasets">
      <h2 id="datasets">
        <L ja="データセット" en="Datasets" />
      </h2>
      <p>
        <L
          ja="CSV は Excel でそのまま開けます（UTF-8・BOM 付き。Shift_JIS 版もあります）。コードは先頭の 0 を保ったまま表示されます。プログラムで読むときは JSON、またはコードを加工しない CSV（?codes=plain）をお使いください。"
          en="The CSV files open directly in Excel (UTF-8 with BOM; a Shift_JIS version too), with codes keeping their leading zeros. For programs, use the JSON, or the CSV with plain codes (?codes=plain)."
        />{' '}
        <L ja="機械可読の目録：" en="Machine-readable catalogue: " />
        <a href="/open-data/catalog.jsonld">DCAT (JSON-LD)</a>
        <L ja=" ・ " en=" · " />
        <a href="/api/3/action/package_list">
          <L ja="CKAN 互換 API" en="CKAN-compatible API" />
        </a>
      </p>
      <ScrollArea
        label={lang === 'en' ? 'Datasets (scrolls sideways)' : 'データセットの一覧（横にスクロールできます）'}
      >
        <table className="datasets">
          <caption>
            <L ja="提供しているデータセット" en="Datasets offered" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <L ja="データセット" en="Dataset" />
              </th>
              <th scope="col">
                <L ja="ライセンス" en="Licence" />
              </th>
              <th scope="col">
                <L ja="出典" en="Source" />
              </th>
              <th scope="col">
                <L ja="最終更新" en="Last updated" />
              </th>
              <th scope="col">
                <L ja="ダウンロード" en="Download" />
              </th>
            </tr>
          </thead>
          <tbody>
            {catalogue.datasets.map((d) => {
              const csv = d.distributions.find((x) => x.format === 'CSV')?.url ?? '';
              const json = d.distributions.find((x) => x.format === 'JSON')?.url ?? '';
              return (
                <tr key={d.id} id={d.id}>
                  <th scope="row">
                    <T text={d.title} /> <SampleBadge sample={d.sample} />
                    <p className="dataset-description">
                      <T text={d.description} />
                    </p>
                  </th>
                  <td>
                    <a href={d.licence.url} rel="license">
                      <T text={d.licence.title} />
                    </a>
                  </td>
                  <td>
                    <T text={d.source} />
                  </td>
                  <td>
                    {d.modified ? <time dateTime={d.modified}>{japanTimeText(d.modified, lang)}</time> : '—'}
                  </td>
                  <td>
                    <ul className="downloads">
                      <li>
                        <a href={csv} download>
                          <L ja="CSV（UTF-8）" en="CSV (UTF-8)" />
                        </a>
                      </li>
                      <li>
                        <a href={`${csv}?encoding=sjis`} download>
                          <L ja="CSV（Shift_JIS）" en="CSV (Shift_JIS)" />
                        </a>
                      </li>
                      <li>
                        <a href={`${csv}?header=en`} download>
                          <L ja="CSV（英語の見出し）" en="CSV (English headers)" />
                        </a>
                      </li>
                      <li>
                        <a href={json} download>
                          JSON
                        </a>
                      </li>
                    </ul>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </ScrollArea>
      <p>
        <L ja="公開者：" en="Publisher: " />
        <T text={catalogue.publisher.name} />
        <L
          ja="。ライセンスの指定がないデータは "
          en=". Unless stated otherwise, the data is licensed under "
        />
        <a href={catalogue.licence.url} rel="license">
          <T text={catalogue.licence.title} />
        </a>
        <L ja=" で提供します。" en="." />
      </p>
    </section>
  );
}
