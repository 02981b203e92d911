/**
 * The roles. Every account has exactly one; `public` is everyone without an
 * account. Department editors are scoped to their department, partners to
 * the items they are linked to, committee members to what is released to them.
 */
export const accountRoles = [
  'admin',
  'planning-editor',
  'department-editor',
  'reviewer',
  'committee',
  'partner',
] as const;

export type AccountRole = (typeof accountRoles)[number];
export type Role = AccountRole | 'public';

export const allRoles: readonly Role[] = [...accountRoles, 'public'];

export const roleNames: Record<Role, { ja: string; en: string }> = {
  admin: { ja: 'システム管理者', en: 'System administrator' },
  'planning-editor': { ja: '企画担当（編集者）', en: 'Planning division editor' },
  'department-editor': { ja: '担当課（編集者）', en: 'Department editor' },
  reviewer: { ja: '承認者（課長・部長）', en: 'Reviewer (section or department head)' },
  committee: { ja: '委員', en: 'Committee member' },
  partner: { ja: '共創パートナー', en: 'Partner' },
  public: { ja: '一般（ログインなし）', en: 'Public (no account)' },
};

export const isAccountRole = (s: string): s is AccountRole => (accountRoles as readonly string[]).includes(s);
