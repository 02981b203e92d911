/** Tunable numbers of sign-in and sessions, with the defaults argued in docs/decisions/0061. */
import { defaultScryptParams, type ScryptParams } from './password-hash';

export interface AuthSettings {
  scrypt: ScryptParams;
  /** A session ends after this long without a request. */
  sessionIdleMinutes: number;
  /** …and at the latest this long after sign-in. */
  sessionAbsoluteHours: number;
  /** Consecutive failed sign-ins that lock an account… */
  maxFailedLogins: number;
  /** …for this long. */
  lockoutMinutes: number;
}

export const defaultAuthSettings: AuthSettings = {
  scrypt: defaultScryptParams,
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  maxFailedLogins: 5,
  lockoutMinutes: 15,
};

export const authSettings = (s: Partial<AuthSettings> = {}): AuthSettings => ({
  ...defaultAuthSettings,
  ...s,
});
