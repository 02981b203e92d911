/** The staff menu under the site header: workspace pages, who is signed in, sign-out. */
import type { StaffSession } from '../types';
import { L } from '../ui/text';
import { apiClient } from './api-client';

export function StaffBar({ session, path }: { session: StaffSession; path: string }) {
  async function logout() {
    await apiClient('session', session.csrfToken).api.v1.auth.logout.$post();
    window.location.assign('/staff/login');
  }
  const items = [
    { href: '/staff', ja: 'ワークスペース', en: 'Workspace' },
    { href: '/staff/rounds', ja: '行政評価', en: 'Evaluation' },
    { href: '/staff/inbox', ja: '受信箱', en: 'Inbox' },
    { href: '/staff/my-sheets', ja: '自分のシート', en: 'My sheets' },
    { href: '/staff/scenarios', ja: 'シナリオ試算', en: 'Scenarios' },
    { href: '/staff/indicators', ja: '実績値の入力', en: 'Actuals' },
    { href: '/staff/surveys/import', ja: '調査の取り込み', en: 'Survey import' },
    { href: '/staff/surveys', ja: '調査の回', en: 'Survey waves' },
    { href: '/staff/tokens', ja: 'APIトークン', en: 'Tokens' },
  ];
  return (
    <nav className="staff-bar" aria-label={'職員メニュー / Staff menu'}>
      <ul>
        {items.map((i) => (
          <li key={i.href}>
            <a href={i.href} aria-current={path === i.href ? 'page' : undefined}>
              <L ja={i.ja} en={i.en} />
            </a>
          </li>
        ))}
        <li className="who">{session.user.displayName}</li>
        <li>
          <button type="button" className="secondary" onClick={logout}>
            <L ja="ログアウト" en="Sign out" />
          </button>
        </li>
      </ul>
    </nav>
  );
}
