/** Accounts, sign-in, API tokens, the policy table and the audit trail. */
export * from './actor';
export * from './api-tokens';
export * from './audit-trail';
export * from './auth-problems';
export * from './auth-settings';
export * from './authorize';
export * from './bootstrap-admin';
export * from './item-scopes';
export * from './password-hash';
export * from './policy-table';
export * from './public-user';
export * from './rate-limits';
export * from './roles';
export * from './sessions';
export * from './users';
