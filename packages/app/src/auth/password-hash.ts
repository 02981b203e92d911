/**
 * Password hashing with Node's built-in scrypt (memory-hard). The stored
 * string carries its parameters: `scrypt$<log2 N>$<r>$<p>$<salt>$<hash>`
 * (base64url), so the cost can be raised later and old hashes still verify;
 * `needsRehash` tells the login to upgrade them. See docs/decisions/0060.
 */

import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { isCommonPassword } from './common-passwords';

export interface ScryptParams {
  log2N: number;
  r: number;
  p: number;
}

/** OWASP's scrypt option N=2^15, r=8, p=3: 32 MiB per hash (measured ~350 ms on 2 cores). */
export const defaultScryptParams: ScryptParams = { log2N: 15, r: 8, p: 3 };

const keyLength = 32;
const saltLength = 16;

function derive(password: string, salt: Buffer, params: ScryptParams): Promise<Buffer> {
  const N = 2 ** params.log2N;
  return new Promise((resolve, reject) =>
    scrypt(
      password.normalize('NFKC'),
      salt,
      keyLength,
      { N, r: params.r, p: params.p, maxmem: 256 * N * params.r + 1024 * 1024 },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export async function hashPassword(
  password: string,
  params: ScryptParams = defaultScryptParams,
): Promise<string> {
  const salt = randomBytes(saltLength);
  const key = await derive(password, salt, params);
  return [
    'scrypt',
    params.log2N,
    params.r,
    params.p,
    salt.toString('base64url'),
    key.toString('base64url'),
  ].join('$');
}

function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | undefined {
  const [tag, n, r, p, salt, key] = stored.split('$');
  if (tag !== 'scrypt' || !n || !r || !p || !salt || !key) return undefined;
  const params = { log2N: Number(n), r: Number(r), p: Number(p) };
  if (![params.log2N, params.r, params.p].every((x) => Number.isInteger(x) && x > 0) || params.log2N > 22) {
    return undefined;
  }
  return { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

/** True when the password matches; false for a wrong password or an unreadable hash. Constant-time compare. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params);
  return key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
}

export function needsRehash(stored: string, params: ScryptParams = defaultScryptParams): boolean {
  const parsed = parse(stored);
  return (
    !parsed || parsed.params.log2N < params.log2N || parsed.params.r < params.r || parsed.params.p < params.p
  );
}

/** A random password for first sign-in and resets: 20 characters from an unambiguous alphabet (≈ 110 bits). */
export function generatePassword(length = 20): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const out: string[] = [];
  while (out.length < length) {
    for (const b of randomBytes(length * 2)) {
      // Rejection sampling keeps every character equally likely.
      if (b < 256 - (256 % alphabet.length) && out.length < length) out.push(alphabet[b % alphabet.length]!);
    }
  }
  return out.join('');
}

export const minPasswordLength = 12;

/**
 * Passwords: at least 12 characters, not the login, not a common or
 * breached-style password (NIST 800-63B style: length and a blocklist over composition rules).
 */
export function passwordAcceptable(password: string, login: string): boolean {
  return (
    [...password].length >= minPasswordLength &&
    password.toLowerCase() !== login.toLowerCase() &&
    !isCommonPassword(password)
  );
}
