/** Problems of accounts, sign-in, tokens and authorisation. */
import { defineProblem } from '@mirai/core';

export const authProblems = {
  unauthenticated: defineProblem('auth/unauthenticated', 'unauthenticated', () => ({
    ja: 'ログインが必要です',
    en: 'Sign-in required',
  })),
  invalidCredentials: defineProblem('auth/invalid-credentials', 'unauthenticated', () => ({
    ja: 'ログイン名またはパスワードが正しくないか、アカウントが一時的にロックされています',
    en: 'Wrong login or password, or the account is temporarily locked',
  })),
  invalidToken: defineProblem('auth/invalid-token', 'unauthenticated', () => ({
    ja: 'API トークンが無効です（誤り・失効・期限切れ）',
    en: 'The API token is not valid (wrong, revoked or expired)',
  })),
  sessionExpired: defineProblem('auth/session-expired', 'unauthenticated', () => ({
    ja: 'セッションの有効期限が切れました。もう一度ログインしてください',
    en: 'Your session has expired; please sign in again',
  })),
  forbidden: defineProblem<{ action: string; role: string }>('auth/forbidden', 'forbidden', (p) => ({
    ja: `この操作（${p.action}）を行う権限がありません（役割: ${p.role}）`,
    en: `Your role (${p.role}) may not perform ${p.action}`,
  })),
  outOfScope: defineProblem<{ action: string }>('auth/out-of-scope', 'forbidden', (p) => ({
    ja: `この項目は担当範囲外のため操作（${p.action}）できません`,
    en: `This item is outside your scope for ${p.action}`,
  })),
  tokenScope: defineProblem<{ action: string }>('auth/token-scope', 'forbidden', (p) => ({
    ja: `この API トークンには操作（${p.action}）の権限がありません`,
    en: `This API token is not scoped for ${p.action}`,
  })),
  csrf: defineProblem('auth/csrf-failed', 'forbidden', () => ({
    ja: '不正なリクエスト元です（CSRF 対策）。画面を再読み込みしてください',
    en: 'Request origin check failed (CSRF protection); reload the page',
  })),
  passwordChangeRequired: defineProblem('auth/password-change-required', 'forbidden', () => ({
    ja: '初回ログインまたはリセット後です。先にパスワードを変更してください',
    en: 'Change your password before doing anything else',
  })),
  rateLimited: defineProblem<{ retryAfterSeconds: number }>('auth/rate-limited', 'rate-limited', (p) => ({
    ja: `ログインの試行が多すぎます。${p.retryAfterSeconds} 秒後に再度お試しください`,
    en: `Too many sign-in attempts; retry in ${p.retryAfterSeconds} s`,
  })),
  weakPassword: defineProblem<{ min: number }>('auth/weak-password', 'invalid', (p) => ({
    ja: `パスワードは ${p.min} 文字以上で、ログイン名と異なり、よく使われるパスワード（password1234 や同じ語の繰り返しなど）でないものにしてください`,
    en: `Passwords need at least ${p.min} characters, must differ from the login, and must not be a common password (such as password1234 or a word repeated)`,
  })),
  wrongCurrentPassword: defineProblem('auth/wrong-current-password', 'invalid', () => ({
    ja: '現在のパスワードが正しくありません',
    en: 'The current password is wrong',
  })),
  loginTaken: defineProblem<{ login: string }>('auth/login-taken', 'conflict', (p) => ({
    ja: `ログイン名「${p.login}」は既に使われています`,
    en: `The login "${p.login}" is taken`,
  })),
  invalidLogin: defineProblem<{ login: string }>('auth/invalid-login', 'invalid', (p) => ({
    ja: `ログイン名「${p.login}」は使えません（英小文字・数字・. _ - の 1〜100 文字）`,
    en: `"${p.login}" is not a valid login (1–100 of a-z, 0-9, . _ -)`,
  })),
  unknownRole: defineProblem<{ role: string }>('auth/unknown-role', 'invalid', (p) => ({
    ja: `役割「${p.role}」はありません`,
    en: `Unknown role "${p.role}"`,
  })),
  departmentRequired: defineProblem('auth/department-required', 'invalid', () => ({
    ja: '担当課の編集者には担当課コードが必要です',
    en: 'A department editor needs a department code',
  })),
  unknownDepartment: defineProblem<{ code: string }>('auth/unknown-department', 'invalid', (p) => ({
    ja: `担当課コード「${p.code}」は計画にありません`,
    en: `Department "${p.code}" is not in the plan`,
  })),
  userNotFound: defineProblem<{ id: string }>('auth/user-not-found', 'not-found', (p) => ({
    ja: `ユーザー「${p.id}」は見つかりません`,
    en: `User "${p.id}" not found`,
  })),
  userVersionConflict: defineProblem<{ expected: number; actual: number }>(
    'auth/user-version-conflict',
    'conflict',
    (p) => ({
      ja: `ユーザーは他の人が更新しました（想定版 ${p.expected}、現在の版 ${p.actual}）`,
      en: `The user was changed by someone else (expected version ${p.expected}, now ${p.actual})`,
    }),
  ),
  lastAdmin: defineProblem('auth/last-admin', 'conflict', () => ({
    ja: '有効なシステム管理者が一人もいなくなるため変更できません',
    en: 'This would leave no active administrator',
  })),
  adminExists: defineProblem('auth/admin-exists', 'conflict', () => ({
    ja: 'システム管理者は既に登録されています（追加は users add で行います）',
    en: 'An administrator already exists (add more with users add)',
  })),
  unknownScope: defineProblem<{ scope: string }>('auth/unknown-scope', 'invalid', (p) => ({
    ja: `スコープ「${p.scope}」はありません（操作名、「領域:*」、または「*」）`,
    en: `Unknown scope "${p.scope}" (an action, "area:*", or "*")`,
  })),
  scopeBeyondRole: defineProblem<{ scope: string }>('auth/scope-beyond-role', 'forbidden', (p) => ({
    ja: `スコープ「${p.scope}」は所有者の役割で行えない操作を含みます`,
    en: `Scope "${p.scope}" grants actions the owner's role does not have`,
  })),
  tokenNotFound: defineProblem<{ id: string }>('auth/token-not-found', 'not-found', (p) => ({
    ja: `API トークン「${p.id}」は見つかりません`,
    en: `API token "${p.id}" not found`,
  })),
  invalidDateRange: defineProblem<{ from: string; to: string }>('audit/invalid-range', 'invalid', (p) => ({
    ja: `期間が正しくありません（${p.from} 〜 ${p.to}）`,
    en: `Invalid period (${p.from} to ${p.to})`,
  })),
};
