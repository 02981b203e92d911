/**
 * Accounts (administrators): every account with its role and state, a form
 * to create one (a one-time password is shown once when none is given), and
 * disabling or enabling an account (with the version read).
 */

import type { InferRequestType } from 'hono/client';
import { type FormEvent, useState } from 'react';
import { useLang } from '../i18n/lang';
import type { PageModel } from '../types';
import { L, T } from '../ui/text';
import { apiClient } from './api-client';
import { type ApiProblem, ProblemsTable, problemsOf } from './survey-problems-view';

type Model = Extract<PageModel, { page: 'staff-users' }>;

export function UsersPage({ model }: { model: Model }) {
  const lang = useLang();
  const [problems, setProblems] = useState<ApiProblem[]>([]);
  const [created, setCreated] = useState<{ login: string; oneTimePassword?: string } | null>(null);
  const api = apiClient('accounts', model.session.csrfToken).api.v1.users;
  const roleName = (code: string) => model.roles.find((r) => r.code === code)?.name ?? { ja: code, en: code };

  async function create(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const d = new FormData(e.currentTarget);
    const department = String(d.get('department') ?? '');
    const res = await api.$post({
      json: {
        login: String(d.get('login') ?? '').trim(),
        displayName: String(d.get('displayName') ?? '').trim() || undefined,
        role: String(d.get('role') ?? '') as InferRequestType<typeof api.$post>['json']['role'],
        ...(department ? { department } : {}),
      },
    });
    const body = await res.json().catch(() => null);
    if (res.ok && body && 'user' in body) {
      setProblems([]);
      setCreated({
        login: body.user.login,
        ...(body.oneTimePassword ? { oneTimePassword: body.oneTimePassword } : {}),
      });
    } else setProblems(problemsOf(body));
  }

  async function toggle(id: number, version: number, disabled: boolean) {
    const res = await api[':id'].$patch({
      param: { id: String(id) },
      json: { expectedVersion: version, disabled },
    });
    if (res.ok) window.location.reload();
    else setProblems(problemsOf(await res.json().catch(() => null)));
  }

  return (
    <main id="main">
      <h1>
        <L ja="利用者" en="Accounts" />
      </h1>
      <div className="table-scroll">
        <table id="users">
          <caption>
            <L ja="アカウント" en="Accounts" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <L ja="ログインID" en="Login" />
              </th>
              <th scope="col">
                <L ja="名前" en="Name" />
              </th>
              <th scope="col">
                <L ja="役割" en="Role" />
              </th>
              <th scope="col">
                <L ja="担当課" en="Department" />
              </th>
              <th scope="col">
                <L ja="状態" en="State" />
              </th>
              <th scope="col">
                <L ja="操作" en="Action" />
              </th>
            </tr>
          </thead>
          <tbody>
            {model.users.map((u) => (
              <tr key={u.id}>
                <td>{u.login}</td>
                <td>{u.displayName}</td>
                <td>
                  <T text={roleName(u.role)} />
                </td>
                <td>{u.department ?? '—'}</td>
                <td>
                  {u.disabled ? (
                    <L ja="停止中" en="Disabled" />
                  ) : u.locked ? (
                    <L ja="ロック中" en="Locked" />
                  ) : (
                    <L ja="有効" en="Active" />
                  )}
                  {u.mustChangePassword ? <L ja="（要パスワード変更）" en=" (must change password)" /> : null}
                </td>
                <td>
                  {u.login === model.session.user.login ? (
                    '—'
                  ) : (
                    <button
                      type="button"
                      className="secondary"
                      onClick={() => void toggle(u.id, u.version, !u.disabled)}
                    >
                      {u.disabled ? (
                        <L ja={`${u.login} を有効にする`} en={`Enable ${u.login}`} />
                      ) : (
                        <L ja={`${u.login} を停止する`} en={`Disable ${u.login}`} />
                      )}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <form onSubmit={create}>
        <fieldset>
          <legend>
            <L ja="アカウントを作る" en="Create an account" />
          </legend>
          <div className="field">
            <label htmlFor="new-login">
              <L ja="ログインID（英小文字・数字）" en="Login (lower-case letters, digits)" />
            </label>
            <input id="new-login" name="login" required autoComplete="off" />
          </div>
          <div className="field">
            <label htmlFor="new-name">
              <L ja="表示名" en="Display name" />
            </label>
            <input id="new-name" name="displayName" />
          </div>
          <div className="field">
            <label htmlFor="new-role">
              <L ja="役割" en="Role" />
            </label>
            <select id="new-role" name="role" defaultValue="department-editor">
              {model.roles.map((r) => (
                <option key={r.code} value={r.code}>
                  {r.name[lang]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="new-dept">
              <L ja="担当課（担当課の編集者・承認者）" en="Department (department editors, reviewers)" />
            </label>
            <select id="new-dept" name="department" defaultValue="">
              <option value="">{lang === 'en' ? '(none)' : '（なし）'}</option>
              {model.departments.map((d) => (
                <option key={d.code} value={d.code}>
                  {d.code} {d.name[lang] ?? d.name.ja}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">
            <L ja="作成" en="Create" />
          </button>
        </fieldset>
      </form>
      {created ? (
        <div role="status" id="created-user" className="card">
          <p>
            <L ja={`${created.login} を作成しました。`} en={`Created ${created.login}.`} />
          </p>
          {created.oneTimePassword ? (
            <p>
              <L
                ja="初回用パスワード（この画面でのみ表示。初回ログイン時に変更が必要）"
                en="One-time password (shown only now; must be changed at first sign-in)"
              />
              : <code>{created.oneTimePassword}</code>
            </p>
          ) : null}
        </div>
      ) : null}
      {problems.length > 0 ? <ProblemsTable problems={problems} /> : null}
    </main>
  );
}
