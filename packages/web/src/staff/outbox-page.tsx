/**
 * The outbox for administrators: every e-mail the system sent or, in embedded
 * mode without SMTP, would have sent (held), newest first: followers' notices,
 * sign-up confirmations, reminders, whatever module queued it. Filtered by
 * status and kind with a plain GET form (works without scripts).
 */
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { L } from '../ui/text';

type Model = Extract<PageModel, { page: 'staff-outbox' }>;

const statusLabel: Record<string, [string, string]> = {
  pending: ['送信待ち', 'Pending'],
  sending: ['送信中', 'Sending'],
  sent: ['送信済み', 'Sent'],
  held: ['保留（SMTP 未設定）', 'Held (no SMTP)'],
  failed: ['失敗', 'Failed'],
  unknown: ['不明（再送しない）', 'Unknown (not resent)'],
};

export function OutboxPage({ model }: { model: Model }) {
  const { outbox, filter } = model;
  const en = useLang() === 'en';
  return (
    <main id="main">
      <h1>
        <L ja="送信箱" en="Outbox" />
      </h1>
      <p id="outbox-mode">
        {outbox.mode === 'smtp' ? (
          <>
            <L ja="SMTP サーバーから送信しています: " en="Sending through SMTP: " />
            <code>{outbox.smtp}</code>
          </>
        ) : (
          <L
            ja="SMTP サーバーが設定されていないため（MIRAI_SMTP_URL）、メールは送信せずここに保存しています。下の一覧は、送信されるはずだったメールです。"
            en="No SMTP server is configured (MIRAI_SMTP_URL), so mail is held here, not sent. The list below is what would have been sent."
          />
        )}{' '}
        <L ja="差出人: " en="From: " />
        <code>{outbox.from}</code>
      </p>
      <ul className="counts" aria-label="件数 / Counts">
        {Object.entries(outbox.counts).map(([status, n]) => (
          <li key={status}>
            <L ja={statusLabel[status]?.[0] ?? status} en={statusLabel[status]?.[1] ?? status} />: {n}
          </li>
        ))}
      </ul>
      <form method="get" action="/staff/outbox" aria-labelledby="outbox-filter">
        <h2 id="outbox-filter">
          <L ja="絞り込み" en="Filter" />
        </h2>
        <label>
          <L ja="状態" en="Status" />{' '}
          <select name="status" defaultValue={filter.status ?? ''}>
            <option value="">{en ? 'All' : 'すべて'}</option>
            {Object.entries(statusLabel).map(([s, [ja, eng]]) => (
              <option key={s} value={s}>
                {en ? eng : ja}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          <L ja="種類（例: follow, voice-confirm）" en="Kind (e.g. follow, voice-confirm)" />{' '}
          <input name="kind" defaultValue={filter.kind ?? ''} maxLength={60} />
        </label>{' '}
        <button type="submit">
          <L ja="表示" en="Show" />
        </button>
      </form>
      {outbox.messages.length === 0 ? (
        <p>
          <L ja="該当するメールはありません。" en="No messages." />
        </p>
      ) : (
        <div className="table-scroll">
          <table id="outbox">
            <caption>
              <L ja="メール（新しい順、200件まで）" en="Messages (newest first, up to 200)" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <L ja="作成日時" en="Queued" />
                </th>
                <th scope="col">
                  <L ja="種類" en="Kind" />
                </th>
                <th scope="col">
                  <L ja="宛先" en="To" />
                </th>
                <th scope="col">
                  <L ja="件名と本文" en="Subject and text" />
                </th>
                <th scope="col">
                  <L ja="状態" en="Status" />
                </th>
              </tr>
            </thead>
            <tbody>
              {outbox.messages.map((m) => (
                <tr key={m.id} data-mail={m.id}>
                  <td>{m.createdAt.slice(0, 19).replace('T', ' ')}</td>
                  <td>{m.kind}</td>
                  <td>{m.to}</td>
                  <td>
                    <details>
                      <summary>{m.subject}</summary>
                      <pre className="mail-text">{m.text}</pre>
                    </details>
                  </td>
                  <td>
                    <L
                      ja={statusLabel[m.status]?.[0] ?? m.status}
                      en={statusLabel[m.status]?.[1] ?? m.status}
                    />
                    {m.sentAt ? ` ${m.sentAt.slice(0, 19).replace('T', ' ')}` : ''}
                    {m.attempts > 0 ? ` (${m.attempts})` : ''}
                    {m.lastError ? ` — ${m.lastError}` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
