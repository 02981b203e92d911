/**
 * A measure's co-creation on its public page: partners' accepted activity
 * reports (with photos), residents' comments and proposals (a hidden one shows
 * its reason, never silently gone), a form to post (confirmed by e-mail) and
 * a form to follow the measure by e-mail.
 */
import { useEffect, useState } from 'react';
import { useLang } from '../i18n/lang';
import { apiClient } from '../staff/api-client';
import type { MeasureCocreationView } from '../types';
import { L, Paren, SampleBadge, T } from '../ui/text';
import { FollowForm } from './follow-form';
import { ReportList } from './report-list';

type Status = { ok: boolean; text: string } | null;

const voices = () => apiClient('voices', null).api.v1;
/** A form field as text ('' when absent or a file). */
const text = (v: FormDataEntryValue | null) => (typeof v === 'string' ? v : '');

async function post(
  call: Promise<{ ok: boolean; json(): Promise<unknown> }>,
): Promise<{ ok: boolean; data: Record<string, unknown> }> {
  const res = await call;
  return { ok: res.ok, data: ((await res.json().catch(() => null)) ?? {}) as Record<string, unknown> };
}
const errorText = (data: Record<string, unknown>, lang: string) => {
  const e = data.error as { message?: { ja: string; en: string } } | undefined;
  return e?.message ? (lang === 'en' ? e.message.en : e.message.ja) : 'Error';
};

export function MeasureCocreation({ code, view }: { code: string; view: MeasureCocreationView }) {
  const lang = useLang();
  const [formToken, setFormToken] = useState<string | null>(null);
  const [status, setStatus] = useState<Status>(null);
  useEffect(() => {
    voices()
      .voices.form.$get()
      .then((r) => r.json())
      .then((d) => setFormToken(d.formToken))
      .catch(() => {});
  }, []);
  return (
    <>
      <section aria-labelledby="partner-reports">
        <h2 id="partner-reports">
          <L ja="パートナーの活動報告" en="Partners' activity reports" />
        </h2>
        {view.reports.length === 0 ? (
          <p>
            <L ja="受理された報告はまだありません。" en="No accepted reports yet." />
          </p>
        ) : (
          <ReportList reports={view.reports} />
        )}
      </section>
      {view.workshops && view.workshops.length > 0 ? (
        <section aria-labelledby="workshops-shaping">
          <h2 id="workshops-shaping">
            <L ja="この施策に関わったワークショップ" en="Workshops that shaped this measure" />
          </h2>
          <ul>
            {view.workshops.map((w) => (
              <li key={w.code} data-workshop={w.code}>
                <a href={`/workshops/${w.code}`}>
                  <T text={{ ja: w.title.ja, en: w.title.en ?? undefined }} />
                </a>{' '}
                <time dateTime={w.heldOn}>{w.heldOn}</time> <SampleBadge sample={w.sample} />
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-labelledby="voices">
        <h2 id="voices">
          <L ja="市民の声（意見・提案）" en="Residents' voices (comments and proposals)" />
        </h2>
        <ul className="voices">
          {view.voices.map((v) => (
            <li key={v.id} data-voice={v.id}>
              <p>
                <strong>
                  {v.kind === 'proposal' ? <L ja="提案" en="Proposal" /> : <L ja="意見" en="Comment" />}
                </strong>{' '}
                {v.author} ・ {v.createdAt.slice(0, 10)}
              </p>
              {v.status === 'hidden' ? (
                <p className="hidden-voice">
                  <L ja="この投稿は非表示です。理由: " en="This post is hidden. Reason: " />
                  {v.hiddenReason}
                </p>
              ) : (
                <p>{v.body}</p>
              )}
              {v.targetCode !== code ? (
                <p>
                  <L ja="（" en="(" />
                  <a href={`/${v.targetKind === 'measure' ? 'measures' : 'indicators'}/${v.targetCode}`}>
                    {v.targetCode}
                  </a>
                  <L
                    ja="への投稿。市がこの施策に関連づけました）"
                    en=", linked to this measure by the city)"
                  />
                </p>
              ) : null}
              {v.answer ? (
                <div className="voice-answer">
                  <p>
                    <strong>
                      <L ja="市の回答" en="The city's answer" />
                    </strong>
                    {v.answeredAt ? <Paren>{v.answeredAt.slice(0, 10)}</Paren> : ''}: {v.answer}
                  </p>
                  {v.linkedMeasure ? (
                    <p>
                      <L ja="関連づけた施策: " en="Linked to the measure: " />
                      <a href={`/measures/${v.linkedMeasure}`}>{v.linkedMeasure}</a>
                    </p>
                  ) : null}
                </div>
              ) : null}
            </li>
          ))}
        </ul>
        <form
          aria-labelledby="voice-form-title"
          onSubmit={async (e) => {
            e.preventDefault();
            const f = new FormData(e.currentTarget);
            const r = await post(
              voices().voices.$post({
                json: {
                  targetKind: 'measure',
                  targetCode: code,
                  kind: text(f.get('kind')),
                  body: text(f.get('body')),
                  email: text(f.get('email')),
                  name: text(f.get('name')) || undefined,
                  website: text(f.get('website')) || undefined,
                  formToken: formToken ?? '',
                },
              }),
            );
            setStatus({
              ok: r.ok,
              text: r.ok
                ? r.data.status === 'visible'
                  ? lang === 'en'
                    ? 'Posted.'
                    : '投稿しました。'
                  : lang === 'en'
                    ? 'Check your e-mail: open the link to confirm your address, and your post appears.'
                    : '確認メールを送りました。メールのリンクを開くと投稿が公開されます。'
                : errorText(r.data, lang),
            });
          }}
        >
          <h3 id="voice-form-title">
            <L ja="意見・提案を書く" en="Write a comment or proposal" />
          </h3>
          <label>
            <L ja="種類" en="Kind" />{' '}
            <select name="kind" defaultValue="comment">
              <option value="comment">{lang === 'en' ? 'Comment' : '意見'}</option>
              <option value="proposal">{lang === 'en' ? 'Proposal' : '提案'}</option>
            </select>
          </label>
          <label>
            <L ja="本文" en="Text" /> <textarea name="body" required maxLength={2000} rows={4} />
          </label>
          <label>
            <L ja="お名前（表示名・任意）" en="Name (shown, optional)" /> <input name="name" maxLength={50} />
          </label>
          <label>
            <L ja="メールアドレス（公開しません）" en="E-mail (not shown)" />{' '}
            <input name="email" type="email" required />
          </label>
          <div aria-hidden="true" className="hp">
            <label>
              Website <input name="website" tabIndex={-1} autoComplete="off" />
            </label>
          </div>
          <button type="submit" disabled={!formToken}>
            <L ja="送信" en="Send" />
          </button>
          {status ? <p role="status">{status.text}</p> : null}
        </form>
      </section>
      <FollowForm kind="measure" code={code} />
    </>
  );
}
