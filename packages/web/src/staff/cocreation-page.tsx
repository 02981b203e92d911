/**
 * Co-creation in the workspace. A partner account files activity reports on
 * the items its organisation is linked to (with photos) and sees their review;
 * staff accept or return submitted reports with a comment, and moderate
 * residents' voices (hide with a reason that stays visible, or show again).
 */
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { L, T } from '../ui/text';
import { apiClient, bodyOf } from './api-client';

type Model = Extract<PageModel, { page: 'staff-cocreation' }>;

const statusLabel = {
  submitted: ['確認待ち', 'Awaiting review'],
  accepted: ['受理', 'Accepted'],
  returned: ['差し戻し', 'Returned'],
} as const;

export function CocreationPage({ model }: { model: Model }) {
  const lang = useLang();
  const [message, setMessage] = useState<string | null>(null);
  const partners = apiClient('partners', model.session.csrfToken).api.v1;
  const voices = apiClient('voices', model.session.csrfToken).api.v1.staff.voices;
  const send = async (call: Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>) => {
    const res = await call;
    const data = ((await res.json().catch(() => null)) ?? {}) as {
      error?: { message: { ja: string; en: string } };
    };
    if (res.ok) window.location.reload();
    else
      setMessage(
        data.error ? (lang === 'en' ? data.error.message.en : data.error.message.ja) : String(res.status),
      );
  };
  return (
    <main id="main">
      <h1>
        <L ja="共創：パートナーの報告と市民の声" en="Co-creation: partner reports and residents' voices" />
      </h1>
      {message ? <p role="alert">{message}</p> : null}
      {model.mode === 'partner' ? (
        <form
          aria-labelledby="new-report"
          onSubmit={(e) => {
            e.preventDefault();
            void send(partners['partner-reports'].$post(undefined, bodyOf(new FormData(e.currentTarget))));
          }}
        >
          <h2 id="new-report">
            <L ja="活動を報告する" en="Report an activity" />
          </h2>
          <label>
            <L ja="対象（連携している施策・事業）" en="On (a linked measure or project)" />{' '}
            <select name="itemCode" required>
              {model.items.map((i) => (
                <option key={i.code} value={i.code}>
                  {i.code} {lang === 'en' ? (i.name.en ?? i.name.ja) : i.name.ja}
                </option>
              ))}
            </select>
          </label>
          <label>
            <L ja="件名" en="Title" /> <input name="title" required maxLength={200} />
          </label>
          <label>
            <L ja="内容" en="What was done" /> <textarea name="body" required maxLength={4000} rows={4} />
          </label>
          <label>
            <L ja="実施日" en="Date" /> <input name="activityDate" type="date" required />
          </label>
          <label>
            <L ja="場所" en="Place" /> <input name="place" maxLength={200} />
          </label>
          <label>
            <L ja="参加・到達人数" en="People reached" /> <input name="peopleReached" inputMode="numeric" />
          </label>
          <label>
            <L ja="活動時間（時間）" en="Hours" /> <input name="hours" inputMode="decimal" />
          </label>
          <label>
            <L ja="金額（円）" en="Money (JPY)" /> <input name="moneyYen" inputMode="numeric" />
          </label>
          <label>
            <L
              ja="写真（JPEG・PNG・GIF・WebP、5MBまで、5枚まで）"
              en="Photos (JPEG, PNG, GIF, WebP; up to 5 MB each, 5 files)"
            />{' '}
            <input name="photos" type="file" multiple accept="image/jpeg,image/png,image/gif,image/webp" />
          </label>
          <button type="submit">
            <L ja="報告する" en="Submit" />
          </button>
        </form>
      ) : null}
      <section aria-labelledby="reports">
        <h2 id="reports">
          <L ja="活動報告" en="Reports" />
        </h2>
        <table>
          <thead>
            <tr>
              <th scope="col">ID</th>
              <th scope="col">
                <L ja="パートナー" en="Partner" />
              </th>
              <th scope="col">
                <L ja="対象" en="Item" />
              </th>
              <th scope="col">
                <L ja="件名・内容" en="Report" />
              </th>
              <th scope="col">
                <L ja="状態" en="Status" />
              </th>
            </tr>
          </thead>
          <tbody>
            {model.reports.map((r) => (
              <tr key={r.id} data-report={r.id}>
                <td>{r.id}</td>
                <td>
                  <T text={{ ja: r.partner.name.ja, en: r.partner.name.en ?? r.partner.name.ja }} />
                </td>
                <td>{r.itemCode}</td>
                <td>
                  <strong>{r.title}</strong> ({r.activityDate}) {r.body}
                  {r.proposal ? ` [${r.proposal.indicatorCode}: ${r.proposal.value}]` : ''}
                </td>
                <td>
                  {lang === 'en' ? statusLabel[r.status][1] : statusLabel[r.status][0]}
                  {r.reviewComment ? ` — ${r.reviewComment}` : ''}
                  {model.mode === 'staff' && r.status === 'submitted' ? (
                    <form
                      onSubmit={(e) => {
                        e.preventDefault();
                        const f = new FormData(e.currentTarget);
                        const decision =
                          (e.nativeEvent as SubmitEvent).submitter?.getAttribute('value') ?? 'accept';
                        void send(
                          partners['partner-reports'][':id'].review.$post({
                            param: { id: String(r.id) },
                            json: {
                              decision: decision === 'return' ? 'return' : 'accept',
                              comment: String(f.get('comment') ?? '') || undefined,
                              expectedVersion: r.version,
                            },
                          }),
                        );
                      }}
                    >
                      <label>
                        <L ja="コメント" en="Comment" /> <input name="comment" maxLength={2000} />
                      </label>
                      <button type="submit" value="accept">
                        <L ja="受理" en="Accept" />
                      </button>{' '}
                      <button type="submit" value="return">
                        <L ja="差し戻し" en="Return" />
                      </button>
                    </form>
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {model.mode === 'staff' ? (
        <section aria-labelledby="voices">
          <h2 id="voices">
            <L ja="市民の声の管理" en="Moderating residents' voices" />
          </h2>
          <table>
            <thead>
              <tr>
                <th scope="col">ID</th>
                <th scope="col">
                  <L ja="対象" en="On" />
                </th>
                <th scope="col">
                  <L ja="投稿" en="Post" />
                </th>
                <th scope="col">
                  <L ja="状態・操作" en="Status and action" />
                </th>
              </tr>
            </thead>
            <tbody>
              {model.voices.map((v) => (
                <tr key={v.id} data-voice={v.id}>
                  <td>{v.id}</td>
                  <td>{v.targetCode}</td>
                  <td>
                    <strong>
                      {v.kind === 'proposal' ? <L ja="提案" en="Proposal" /> : <L ja="意見" en="Comment" />}
                    </strong>{' '}
                    {v.author} ({v.email}): {v.originalBody}
                  </td>
                  <td>
                    {v.status}
                    {v.hiddenReason ? ` — ${v.hiddenReason}` : ''}
                    {v.status === 'visible' ? (
                      <form
                        onSubmit={(e) => {
                          e.preventDefault();
                          const f = new FormData(e.currentTarget);
                          void send(
                            voices[':id'].moderate.$post({
                              param: { id: String(v.id) },
                              json: {
                                action: 'hide',
                                reason: String(f.get('reason') ?? ''),
                                expectedVersion: v.version,
                              },
                            }),
                          );
                        }}
                      >
                        <label>
                          <L ja="非表示の理由（公開されます）" en="Reason to hide (shown publicly)" />{' '}
                          <input name="reason" required maxLength={500} />
                        </label>
                        <button type="submit">
                          <L ja="非表示にする" en="Hide" />
                        </button>
                      </form>
                    ) : null}
                    {v.answer ? (
                      <p>
                        <L ja="回答済み: " en="Answered: " />
                        {v.answer}
                        {v.linkedMeasure ? ` → ${v.linkedMeasure}` : ''}
                      </p>
                    ) : null}
                    {v.status === 'visible' ? (
                      <form
                        className="voice-answer-form"
                        onSubmit={(e) => {
                          e.preventDefault();
                          const f = new FormData(e.currentTarget);
                          const linked = String(f.get('linkedMeasure') ?? '');
                          void send(
                            voices[':id'].answer.$post({
                              param: { id: String(v.id) },
                              json: {
                                answer: String(f.get('answer') ?? ''),
                                ...(linked ? { linkedMeasure: linked } : {}),
                                expectedVersion: v.version,
                              },
                            }),
                          );
                        }}
                      >
                        <label>
                          <L ja="回答（公開されます）" en="Answer (shown publicly)" />{' '}
                          <textarea
                            name="answer"
                            required
                            maxLength={4000}
                            rows={2}
                            defaultValue={v.answer ?? ''}
                          />
                        </label>
                        <label>
                          <L ja="関連づける施策" en="Link to a measure" />{' '}
                          <select name="linkedMeasure" defaultValue={v.linkedMeasure ?? ''}>
                            <option value="">{lang === 'en' ? '(none)' : '（なし）'}</option>
                            {(model.measures ?? []).map((m) => (
                              <option key={m.code} value={m.code}>
                                {m.code} {lang === 'en' ? (m.name.en ?? m.name.ja) : m.name.ja}
                              </option>
                            ))}
                          </select>
                        </label>
                        <button type="submit">
                          <L ja="回答する" en="Answer" />
                        </button>
                      </form>
                    ) : null}
                    {v.status === 'hidden' ? (
                      <button
                        type="button"
                        onClick={() =>
                          void send(
                            voices[':id'].moderate.$post({
                              param: { id: String(v.id) },
                              json: { action: 'show', expectedVersion: v.version },
                            }),
                          )
                        }
                      >
                        <L ja="再表示" en="Show again" />
                      </button>
                    ) : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </main>
  );
}
