/**
 * Changing one's own password (required after a one-time password): the
 * current and the new password, the new one typed twice and checked as typed.
 */
import { type FormEvent, useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { L } from '../ui/text';
import { apiClient } from './api-client';
import { type ApiProblem, ProblemsTable, problemsOf } from './survey-problems-view';

type Model = Extract<PageModel, { page: 'staff-password' }>;
const MIN = 12;

export function PasswordPage({ model }: { model: Model }) {
  const lang = useLang();
  const [next, setNext] = useState('');
  const [again, setAgain] = useState('');
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const message =
    next.length > 0 && next.length < MIN
      ? lang === 'en'
        ? `At least ${MIN} characters.`
        : `${MIN} 文字以上にしてください。`
      : again.length > 0 && again !== next
        ? lang === 'en'
          ? 'The two entries differ.'
          : '2 回の入力が一致しません。'
        : null;
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    if (message || next.length === 0) return;
    const d = new FormData(e.currentTarget);
    const res = await apiClient('session', model.session.csrfToken).api.v1.auth.password.$post({
      json: { currentPassword: String(d.get('current') ?? ''), newPassword: next },
    });
    if (res.ok) {
      const to = new URLSearchParams(window.location.search).get('next') ?? '/staff';
      window.location.assign(to.startsWith('/staff') ? to : '/staff');
    } else setProblems(problemsOf(await res.json().catch(() => null)));
  }
  return (
    <main id="main">
      <h1>
        <L ja="パスワードの変更" en="Change your password" />
      </h1>
      {model.session.user.mustChangePassword ? (
        <p className="sample-note">
          <L
            ja="初回用のパスワードでログインしています。続けるには新しいパスワードを設定してください。"
            en="You signed in with a one-time password; set a new one to continue."
          />
        </p>
      ) : null}
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor="current">
            <L ja="現在のパスワード" en="Current password" />
          </label>
          <input id="current" name="current" type="password" autoComplete="current-password" required />
        </div>
        <div className="field">
          <label htmlFor="new-password">
            <L ja={`新しいパスワード（${MIN} 文字以上）`} en={`New password (at least ${MIN} characters)`} />
          </label>
          <input
            id="new-password"
            type="password"
            autoComplete="new-password"
            required
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            aria-describedby="password-msg"
          />
        </div>
        <div className="field">
          <label htmlFor="new-password-again">
            <L ja="新しいパスワード（確認）" en="New password (again)" />
          </label>
          <input
            id="new-password-again"
            type="password"
            autoComplete="new-password"
            required
            value={again}
            onChange={(e) => setAgain(e.currentTarget.value)}
            aria-describedby="password-msg"
          />
        </div>
        <p id="password-msg" className={message ? 'error' : 'note'} aria-live="polite">
          {message ?? ''}
        </p>
        <button type="submit">
          <L ja="変更する" en="Change" />
        </button>
      </form>
      {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
    </main>
  );
}
