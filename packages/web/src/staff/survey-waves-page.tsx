/**
 * The survey waves, drafts included, with a button to publish a draft: the
 * server publishes only the version shown here (409 when someone changed the
 * wave meanwhile; the page then says so and offers to reload). Publishing
 * records no indicator actual.
 */
import { formatWarekiDate } from '@mirai/core';
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel, StaffSurveyWave } from '../types';
import { Ja, L } from '../ui/text';
import { apiClient } from './api-client';
import { type ApiProblem, problemsOf } from './survey-problems-view';

type Model = Extract<PageModel, { page: 'staff-survey-waves' }>;

function wareki(date: string | null): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})/.exec(date) : null;
  if (!m) return '—';
  return formatWarekiDate({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) });
}

export function SurveyWavesPage({ model }: { model: Model }) {
  const lang = useLang();
  const [busy, setBusy] = useState<string | null>(null);
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [published, setPublished] = useState<string | null>(null);

  async function publish(w: StaffSurveyWave) {
    setBusy(w.code);
    setProblems([]);
    const res = await apiClient('surveys', model.session.csrfToken).api.v1.surveys.waves[
      ':code'
    ].publish.$post({
      param: { code: w.code },
      json: { expectedVersion: w.version },
    });
    const json = (await res.json().catch(() => null)) as unknown;
    setBusy(null);
    if (!res.ok) {
      setProblems(problemsOf(json));
      return;
    }
    setPublished(w.code);
    window.location.reload();
  }

  return (
    <main id="main">
      <h1>
        <L ja="調査の回と公表" en="Survey waves and publication" />
      </h1>
      <p>
        <L
          ja="取り込んだ回は下書きです。公表すると、幸福度のページ（要因・地区別・年代別）と調査の表が市民に見えるようになります。"
          en="An imported wave is a draft. Once published, the happiness page (drivers, by district and age) and the wave's tables are public."
        />{' '}
        <a href="/staff/surveys/import">
          <L ja="回を取り込む" en="Import a wave" />
        </a>
      </p>
      {model.waves.length === 0 ? (
        <p id="no-waves">
          <L ja="調査の回はまだありません。" en="No survey wave yet." />
        </p>
      ) : (
        <div className="table-scroll">
          <table id="survey-waves">
            <caption>
              <L ja="調査の回（下書きを含む）" en="Survey waves (drafts included)" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <L ja="コード" en="Code" />
                </th>
                <th scope="col">
                  <L ja="名前" en="Title" />
                </th>
                <th scope="col">
                  <L ja="調査開始" en="Fieldwork from" />
                </th>
                <th scope="col">
                  <L ja="回答数" en="Respondents" />
                </th>
                <th scope="col">
                  <L ja="設問数" en="Questions" />
                </th>
                <th scope="col">
                  <L ja="状態" en="Status" />
                </th>
                <th scope="col">
                  <L ja="操作" en="Action" />
                </th>
              </tr>
            </thead>
            <tbody>
              {model.waves.map((w) => (
                <tr key={w.code}>
                  <td>
                    <code>{w.code}</code>
                  </td>
                  <td>
                    <Ja>{w.title}</Ja>
                  </td>
                  <td>{wareki(w.fieldworkStart)}</td>
                  <td className="num">{w.responses}</td>
                  <td className="num">{w.questions}</td>
                  <td>
                    {w.status === 'published' ? (
                      <L ja="公表済み" en="Published" />
                    ) : (
                      <L ja="下書き" en="Draft" />
                    )}
                  </td>
                  <td>
                    {w.status === 'published' ? (
                      '—'
                    ) : (
                      <button
                        type="button"
                        onClick={() => void publish(w)}
                        disabled={busy !== null}
                        aria-label={lang === 'en' ? `Publish ${w.code}` : `${w.code} を公表する`}
                      >
                        <L ja="公表する" en="Publish" />
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div aria-live="polite" id="publish-status">
        {published ? (
          <p>
            <L ja={`回「${published}」を公表しました。`} en={`Published wave "${published}".`} />
          </p>
        ) : null}
        {problems.length > 0 ? (
          <div role="alert" id="publish-problems">
            {problems.map((p) => (
              <p key={p.code}>
                {p.message[lang]} <code>{p.code}</code>
              </p>
            ))}
            <button type="button" className="secondary" onClick={() => window.location.reload()}>
              <L ja="読み込み直す" en="Reload" />
            </button>
          </div>
        ) : null}
      </div>
    </main>
  );
}
