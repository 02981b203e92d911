/**
 * One's own API tokens: list, create (name, scopes, expiry; the secret is
 * shown once) and revoke.
 */
import { type FormEvent, useState } from 'react';
import type { PageModel } from '../types';
import { L } from '../ui/text';
import { apiClient } from './api-client';
import { type ApiProblem, ProblemsTable, problemsOf } from './survey-problems-view';

type Model = Extract<PageModel, { page: 'staff-tokens' }>;

export function TokensPage({ model }: { model: Model }) {
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [secret, setSecret] = useState<string | null>(null);
  const api = apiClient('tokens', model.session.csrfToken).api.v1.tokens;
  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const days = Number(d.get('days'));
    const res = await api.$post({
      json: {
        name: String(d.get('name') ?? '').trim(),
        scopes: String(d.get('scopes') ?? '')
          .split(/[\s,]+/)
          .filter(Boolean),
        ...(days > 0 ? { expiresInDays: days } : {}),
      },
    });
    const body = await res.json().catch(() => null);
    if (res.ok && body && 'secret' in body) {
      setProblems([]);
      setSecret(body.secret);
    } else setProblems(problemsOf(body));
  }
  async function revoke(id: number) {
    const res = await api[':id'].$delete({ param: { id: String(id) } });
    if (res.ok) window.location.reload();
    else setProblems(problemsOf(await res.json().catch(() => null)));
  }
  return (
    <main id="main">
      <h1>
        <L ja="API トークン" en="API tokens" />
      </h1>
      {model.tokens.length === 0 ? (
        <p>
          <L ja="トークンはありません。" en="No tokens." />
        </p>
      ) : (
        <div className="table-scroll">
          <table id="tokens">
            <caption>
              <L ja="自分のトークン" en="Your tokens" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <L ja="名前" en="Name" />
                </th>
                <th scope="col">
                  <L ja="権限" en="Scopes" />
                </th>
                <th scope="col">
                  <L ja="期限" en="Expires" />
                </th>
                <th scope="col">
                  <L ja="最終使用" en="Last used" />
                </th>
                <th scope="col">
                  <L ja="操作" en="Action" />
                </th>
              </tr>
            </thead>
            <tbody>
              {model.tokens.map((t) => (
                <tr key={t.id}>
                  <td>{t.name}</td>
                  <td>{t.scopes.join(', ')}</td>
                  <td>{t.expiresAt?.slice(0, 10) ?? '—'}</td>
                  <td>{t.lastUsedAt?.slice(0, 16).replace('T', ' ') ?? '—'}</td>
                  <td>
                    {t.revokedAt ? (
                      <L ja="失効済み" en="Revoked" />
                    ) : (
                      <button type="button" className="secondary" onClick={() => void revoke(t.id)}>
                        <L ja={`「${t.name}」を失効させる`} en={`Revoke “${t.name}”`} />
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <form onSubmit={create}>
        <fieldset>
          <legend>
            <L ja="トークンを作る" en="Create a token" />
          </legend>
          <div className="field">
            <label htmlFor="token-name">
              <L ja="名前（用途）" en="Name (purpose)" />
            </label>
            <input id="token-name" name="name" required />
          </div>
          <div className="field">
            <label htmlFor="token-scopes">
              <L
                ja="権限（空白区切り、例 indicators:write）"
                en="Scopes (space-separated, e.g. indicators:write)"
              />
            </label>
            <input
              id="token-scopes"
              name="scopes"
              required
              defaultValue="indicators:write"
              aria-describedby="token-scopes-list"
            />
            <p id="token-scopes-list" className="note">
              <L ja="使える権限：" en="Known scopes: " />
              {model.knownScopes.join(' ')}
              <L ja="（「領域:*」「*」も可）" en=" (also “area:*” and “*”)" />
            </p>
          </div>
          <div className="field">
            <label htmlFor="token-days">
              <L ja="有効日数" en="Valid for days" />
            </label>
            <input id="token-days" name="days" type="number" min={1} max={3650} defaultValue={90} />
          </div>
          <button type="submit">
            <L ja="作成" en="Create" />
          </button>
        </fieldset>
      </form>
      {secret ? (
        <div role="status" className="card" id="token-secret">
          <p>
            <L ja="トークンの値（この画面でのみ表示されます）" en="The token (shown only now)" />:{' '}
            <code>{secret}</code>
          </p>
        </div>
      ) : null}
      {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
    </main>
  );
}
