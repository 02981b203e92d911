/**
 * The accessibility page: the site's JIS X 8341-3:2016 statement (target AA,
 * partial conformance, honestly scoped) and the results of the project's own
 * axe-core runs (written by e2e/accessibility.test.ts, bundled with the server).
 */
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { Crumbs } from '../ui/layout';
import { ScrollArea } from '../ui/scroll-area';
import { useSite } from '../ui/site';
import { L, Paren, T } from '../ui/text';
import { japanTimeText } from './open-data-catalogue';

type Model = Extract<PageModel, { page: 'accessibility' }>;

export function AccessibilityPage({ model }: { model: Model }) {
  const lang = useLang();
  const site = useSite();
  const r = model.report;
  const pages = r ? [...new Set(r.runs.map((x) => x.path))] : [];
  const failed = r ? r.violations.length : 0;
  return (
    <main id="main">
      <Crumbs items={[{ label: <L ja="アクセシビリティ" en="Accessibility" /> }]} />
      <h1>
        <L ja="アクセシビリティ方針と試験結果" en="Accessibility policy and test results" />
      </h1>
      <section aria-labelledby="policy">
        <h2 id="policy">
          <L ja="方針" en="Policy" />
        </h2>
        <p>
          <T text={site.municipality} />
          <L
            ja="は、このサイトを高齢の方や障害のある方を含む誰もが利用できるよう、日本産業規格 JIS X 8341-3:2016「高齢者・障害者等配慮設計指針－情報通信における機器，ソフトウェア及びサービス－第3部：ウェブコンテンツ」の適合レベル AA に準拠することを目標とします。"
            en=" aims for this site to be usable by everyone, older people and people with disabilities included, and targets conformance level AA of JIS X 8341-3:2016 (Japan's standard identical to WCAG 2.0)."
          />
        </p>
      </section>
      <section aria-labelledby="conformance">
        <h2 id="conformance">
          <L ja="対応度" en="Conformance" />
        </h2>
        <p>
          <strong>
            <L
              ja="JIS X 8341-3:2016 の適合レベル AA に一部準拠"
              en="Partially conforms to JIS X 8341-3:2016 level AA"
            />
          </strong>
        </p>
        <p>
          <L
            ja="試験は自動試験ツール axe-core による機械的な確認のみです。自動では判定できない達成基準（代替テキストの内容の適切さ、音声読み上げでの読み順、キーボードだけでのすべての操作、動画・音声がないことの確認など）は、まだ人による試験を行っていません。そのため「準拠」ではなく「一部準拠」と表記します。グラフには同じ数値の表を添えています。"
            en="Testing so far is automated only (axe-core). Success criteria that a tool cannot judge (whether alternative text fits, reading order with a screen reader, every operation by keyboard alone, and so on) have not yet been tested by people, so we state partial conformance, not conformance. Every chart comes with a table of the same figures."
          />
        </p>
      </section>
      <section aria-labelledby="results">
        <h2 id="results">
          <L ja="試験結果" en="Test results" />
        </h2>
        {r ? (
          <>
            <dl className="test-summary">
              <dt>
                <L ja="試験日" en="Tested" />
              </dt>
              <dd>
                <time dateTime={r.testedAt}>{japanTimeText(r.testedAt, lang)}</time>
              </dd>
              <dt>
                <L ja="試験ツール" en="Tool" />
              </dt>
              <dd>axe-core {r.axeVersion}</dd>
              <dt>
                <L ja="確認した基準" en="Rule sets" />
              </dt>
              <dd>{r.tags.join(', ')}</dd>
              <dt>
                <L ja="対象ページ" en="Pages" />
              </dt>
              <dd>
                <L ja={`${pages.length} ページ`} en={`${pages.length} pages`} />
                <Paren>
                  {r.languages.map((l) =>
                    l === 'ja' ? (
                      <span lang="ja" key={l}>
                        日本語{' '}
                      </span>
                    ) : (
                      <span lang="en" key={l}>
                        English{' '}
                      </span>
                    ),
                  )}
                  <L ja="・" en="; " />
                  <L ja="画面幅 " en="widths " />
                  {r.viewports.map((v) => `${v.width}×${v.height}`).join(lang === 'en' ? ', ' : '・')}
                </Paren>
                <L ja="、" en=", " />
                <L ja={`計 ${r.runs.length} 回`} en={`${r.runs.length} runs`} />
              </dd>
              <dt>
                <L ja="結果" en="Result" />
              </dt>
              <dd>
                {failed === 0 ? (
                  <L ja="違反は検出されませんでした。" en="No violations found." />
                ) : (
                  <L
                    ja={`${failed} 件の違反が検出されました（下表）。`}
                    en={`${failed} violations found (below).`}
                  />
                )}
              </dd>
            </dl>
            {failed > 0 && (
              <ScrollArea label={lang === 'en' ? 'Violations' : '検出された違反'}>
                <table>
                  <caption>
                    <L ja="検出された違反" en="Violations found" />
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">
                        <L ja="ページ" en="Page" />
                      </th>
                      <th scope="col">
                        <L ja="言語・画面幅" en="Language, width" />
                      </th>
                      <th scope="col">
                        <L ja="ルール" en="Rule" />
                      </th>
                      <th scope="col">
                        <L ja="箇所" en="Elements" />
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {r.violations.map((v) => (
                      <tr key={`${v.path}-${v.lang}-${v.width}-${v.id}`}>
                        <td>
                          <code>{v.path}</code>
                        </td>
                        <td>
                          {v.lang}・{v.width}px
                        </td>
                        <td>{v.id}</td>
                        <td>{v.nodes}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollArea>
            )}
            <ScrollArea label={lang === 'en' ? 'Rules checked' : '確認したルール'}>
              <table>
                <caption>
                  <L
                    ja="確認したルールと結果（適用された実行回数）"
                    en="Rules checked and results (runs where the rule applied)"
                  />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <L ja="ルール" en="Rule" />
                    </th>
                    <th scope="col">
                      <L ja="適合" en="Passed" />
                    </th>
                    <th scope="col">
                      <L ja="違反" en="Violated" />
                    </th>
                    <th scope="col">
                      <L ja="要確認" en="Needs review" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {r.rules.map((x) => (
                    <tr key={x.id}>
                      <th scope="row">
                        <code>{x.id}</code>
                      </th>
                      <td>{x.passed}</td>
                      <td>{x.violated}</td>
                      <td>{x.incomplete}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollArea>
            <details>
              <summary>
                <L ja="試験したページの一覧" en="Pages tested" />
              </summary>
              <ul>
                {pages.map((p) => (
                  <li key={p}>
                    <a href={p}>
                      <code>{p}</code>
                    </a>
                  </li>
                ))}
              </ul>
            </details>
          </>
        ) : (
          <p>
            <L ja="試験結果はまだありません。" en="No test results yet." />
          </p>
        )}
      </section>
      <p>
        <L ja="使いにくい点がありましたら、" en="If anything is hard to use, please tell us through the " />
        <a href="/contact">
          <L ja="お問い合わせ" en="contact page" />
        </a>
        <L ja="からお知らせください。" en="." />
      </p>
    </main>
  );
}
