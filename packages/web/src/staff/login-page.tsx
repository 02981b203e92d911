/** Staff sign-in: login and password, sent to the sign-in API; errors are announced. */
import { type FormEvent, useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { L } from '../ui/text';
import { apiClient } from './api-client';

type Model = Extract<PageModel, { page: 'staff-login' }>;

export function LoginPage({ model }: { model: Model }) {
  const lang = useLang();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    setError(null);
    // No session yet, so no CSRF token: the server checks the Origin of a sign-in.
    const res = await apiClient('session', null).api.v1.auth.login.$post({
      json: { login: String(form.get('login') ?? ''), password: String(form.get('password') ?? '') },
    });
    setBusy(false);
    if (res.ok) {
      const signedIn = await res.json().catch(() => null);
      const next = model.next.startsWith('/staff') ? model.next : '/staff';
      window.location.assign(
        signedIn?.user?.mustChangePassword ? `/staff/password?next=${encodeURIComponent(next)}` : next,
      );
      return;
    }
    const body = await res.json().catch(() => null);
    setError(body && 'error' in body ? body.error.message[lang] : `HTTP ${res.status}`);
  }
  return (
    <main id="main">
      <h1>
        <L ja="職員ログイン" en="Staff sign-in" />
      </h1>
      <noscript>
        <p className="error">
          <L ja="ログインには JavaScript が必要です。" en="Signing in needs JavaScript." />
        </p>
      </noscript>
      <form onSubmit={submit} aria-describedby={error ? 'login-error' : undefined}>
        <div className="field">
          <label htmlFor="login">
            <L ja="ログインID" en="Login" />
          </label>
          <input id="login" name="login" autoComplete="username" required />
        </div>
        <div className="field">
          <label htmlFor="password">
            <L ja="パスワード" en="Password" />
          </label>
          <input id="password" name="password" type="password" autoComplete="current-password" required />
        </div>
        {error ? (
          <p id="login-error" className="error" role="alert">
            {error}
          </p>
        ) : null}
        <button type="submit" disabled={busy}>
          <L ja="ログイン" en="Sign in" />
        </button>
      </form>
    </main>
  );
}
