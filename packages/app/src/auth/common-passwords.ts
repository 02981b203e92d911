/**
 * Common and breached-style passwords are refused: the 49,000 most common
 * passwords of breach corpora (the list shipped with @zxcvbn-ts/language-common),
 * the same with digits or symbols appended (`password1234`), and any password
 * that is one short piece repeated (`passwordpassword`, `abcabcabcabc`).
 */
import { dictionary } from '@zxcvbn-ts/language-common';

let common: Set<string> | undefined;
const commonSet = () => {
  common ??= new Set(dictionary.passwords.map((p) => p.toLowerCase()));
  return common;
};

/** Whether a password is common or built from a common one in an obvious way. */
export function isCommonPassword(password: string): boolean {
  const lower = password.toLowerCase();
  const set = commonSet();
  if (set.has(lower)) return true;
  const base = lower.replace(/[\d\W_]+$/u, '');
  if (base.length >= 4 && base !== lower && set.has(base)) return true;
  // One piece repeated: passwordpassword, abcabcabcabc, 121212121212.
  if (/^(.{1,})\1+$/su.test(lower)) {
    const unit = /^(.+?)\1+$/su.exec(lower)?.[1] ?? lower;
    if (unit.length <= 8 || set.has(unit)) return true;
  }
  return false;
}
