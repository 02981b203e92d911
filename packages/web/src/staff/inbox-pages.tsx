/**
 * The inbox (受信箱): the account's notifications, unread first marked, each
 * linking to its sheet; following a link or pressing 既読にする marks it read.
 * "My sheets": the sheets of open rounds that wait on this account.
 */
import { sheetStateLabels } from '@mirai/core';
import { useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { Ja, L, Paren, T } from '../ui/text';
import { FiscalYear } from '../ui/years';
import { apiClient } from './api-client';

type InboxModel = Extract<PageModel, { page: 'staff-inbox' }>;
type MySheetsModel = Extract<PageModel, { page: 'staff-my-sheets' }>;

export function InboxPage({ model }: { model: InboxModel }) {
  const lang = useLang();
  const notifications = apiClient('notifications', model.session.csrfToken).api.v1.staff.notifications;
  const [read, setRead] = useState(() => new Set(model.notifications.filter((n) => n.read).map((n) => n.id)));
  const unread = model.notifications.filter((n) => !read.has(n.id)).length;
  async function markRead(id: string) {
    const res = await notifications[':id'].read.$post({ param: { id } });
    if (res.ok) setRead((s) => new Set([...s, id]));
  }
  return (
    <main id="main">
      <h1>
        <L ja="受信箱" en="Inbox" />
      </h1>
      <p id="inbox-summary" role="status">
        <L
          ja={`未読 ${unread}件 ／ 全 ${model.notifications.length}件`}
          en={`${unread} unread of ${model.notifications.length}`}
        />
      </p>
      {model.allDepartments ? (
        <p>
          <L
            ja="所属が設定されていないため、すべての課のシートのお知らせが届きます。"
            en="Your account has no department, so you are told about every department's sheets."
          />
        </p>
      ) : null}
      {model.notifications.length === 0 ? (
        <p>
          <L ja="お知らせはありません。" en="No notifications." />
        </p>
      ) : (
        <ul id="inbox" className="inbox">
          {model.notifications.map((n) => {
            const isRead = read.has(n.id);
            return (
              <li key={n.id} className={isRead ? 'read' : 'unread'} data-id={n.id}>
                <span className="badge">
                  {isRead ? <L ja="既読" en="Read" /> : <L ja="未読" en="Unread" />}
                </span>{' '}
                <time dateTime={n.createdAt}>
                  {new Date(n.createdAt).toLocaleString(lang === 'en' ? 'en-GB' : 'ja-JP', {
                    timeZone: 'Asia/Tokyo',
                  })}
                </time>{' '}
                {n.link ? (
                  <a
                    href={n.link}
                    onClick={(e) => {
                      if (isRead) return;
                      e.preventDefault();
                      const href = n.link as string;
                      void markRead(n.id).finally(() => window.location.assign(href));
                    }}
                  >
                    {n.message[lang]}
                  </a>
                ) : (
                  n.message[lang]
                )}{' '}
                {isRead ? null : (
                  <button type="button" className="secondary" onClick={() => void markRead(n.id)}>
                    <L ja="既読にする" en="Mark read" />
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </main>
  );
}

const actionText: Record<string, { ja: string; en: string }> = {
  submit: { ja: '入力・提出', en: 'fill in and submit' },
  approve: { ja: '承認・差し戻し', en: 'approve or return' },
  return: { ja: '差し戻し', en: 'return' },
  review: { ja: '確認', en: 'review' },
  see: { ja: '委員会確認', en: 'committee check' },
};

export function MySheetsPage({ model }: { model: MySheetsModel }) {
  return (
    <main id="main">
      <h1>
        <L ja="自分の評価シート" en="My evaluation sheets" />
      </h1>
      <p>
        <L
          ja="開いている評価の回で、あなたの対応を待っているシートです。"
          en="Sheets of open rounds that wait on you."
        />
      </p>
      {model.sheets.length === 0 ? (
        <p>
          <L ja="対応が必要なシートはありません。" en="No sheet waits on you." />
        </p>
      ) : (
        <div className="table-scroll">
          <table id="my-sheets">
            <caption>
              <L ja="対応が必要なシート" en="Sheets awaiting you" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <L ja="年度" en="Year" />
                </th>
                <th scope="col">
                  <L ja="シート" en="Sheet" />
                </th>
                <th scope="col">
                  <L ja="課" en="Department" />
                </th>
                <th scope="col">
                  <L ja="状態" en="State" />
                </th>
                <th scope="col">
                  <L ja="すること" en="To do" />
                </th>
                <th scope="col">
                  <L ja="期限" en="Due" />
                </th>
              </tr>
            </thead>
            <tbody>
              {model.sheets.map((s) => (
                <tr key={s.id}>
                  <td>
                    <FiscalYear fy={s.fiscalYear} />
                  </td>
                  <th scope="row">
                    <a href={`/staff/sheets/${encodeURIComponent(s.id)}`}>
                      <Ja>{s.name}</Ja>
                      <Paren>{s.code}</Paren>
                    </a>
                  </th>
                  <td>{s.departmentCode}</td>
                  <td>
                    <T
                      text={
                        sheetStateLabels[s.state as keyof typeof sheetStateLabels] ?? {
                          ja: s.state,
                          en: s.state,
                        }
                      }
                    />
                  </td>
                  <td>
                    <T
                      text={
                        actionText[s.actions.includes('approve') ? 'approve' : (s.actions[0] ?? '')] ?? {
                          ja: s.actions.join('、'),
                          en: s.actions.join(', '),
                        }
                      }
                    />
                  </td>
                  <td>{s.due ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </main>
  );
}
