/** A user as shown to clients and written to the audit trail: never the password hash. */
import type { StoredUser } from '@mirai/db';

export interface PublicUser {
  id: number;
  login: string;
  displayName: string;
  role: string;
  department: string | null;
  /** Where reminders are mailed (optional). */
  email: string | null;
  links: string[];
  disabled: boolean;
  mustChangePassword: boolean;
  locked: boolean;
  version: number;
}

export function publicUser(u: StoredUser, now = new Date()): PublicUser {
  return {
    id: u.id,
    login: u.login,
    displayName: u.displayName,
    role: u.role,
    department: u.departmentCode,
    email: u.email,
    links: u.linkedCodes,
    disabled: u.disabled,
    mustChangePassword: u.mustChangePassword,
    locked: u.lockedUntil !== null && u.lockedUntil > now,
    version: u.version,
  };
}
export type { StoredUser } from '@mirai/db';
