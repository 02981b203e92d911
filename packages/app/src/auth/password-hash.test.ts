import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  defaultScryptParams,
  generatePassword,
  hashPassword,
  needsRehash,
  passwordAcceptable,
  verifyPassword,
} from './password-hash';

const cheap = { log2N: 10, r: 8, p: 1 };

describe('password hashing (scrypt)', () => {
  it('uses the recorded default parameters and verifies only the right password', async () => {
    const stored = await hashPassword('correct horse battery', defaultScryptParams);
    expect(stored.split('$').slice(0, 4)).toEqual(['scrypt', '15', '8', '3']);
    expect(await verifyPassword('correct horse battery', stored)).toBe(true);
    expect(await verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(needsRehash(stored)).toBe(false);
  });

  it('salts: the same password hashes differently; old cheaper hashes ask for a rehash', async () => {
    const a = await hashPassword('same password', cheap);
    const b = await hashPassword('same password', cheap);
    expect(a).not.toBe(b);
    expect(await verifyPassword('same password', b)).toBe(true);
    expect(needsRehash(a)).toBe(true);
  });

  it('rejects unreadable or tampered hashes without throwing', async () => {
    const stored = await hashPassword('x'.repeat(12), cheap);
    const parts = stored.split('$');
    parts[5] = Buffer.from('tampered-key-000000000000000000').toString('base64url');
    expect(await verifyPassword('x'.repeat(12), parts.join('$'))).toBe(false);
    for (const bad of ['', 'bcrypt$1$2', 'scrypt$99$8$1$aa$bb', 'scrypt$x$8$1$aa$bb']) {
      expect(await verifyPassword('x', bad)).toBe(false);
    }
  });

  it('normalises full-width input (NFKC) so Ｐａｓｓ and Pass are the same password', async () => {
    const stored = await hashPassword('Password2024', cheap);
    expect(await verifyPassword('Ｐａｓｓｗｏｒｄ２０２４', stored)).toBe(true);
  });

  it('property: any password verifies against its own hash and not against another', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, maxLength: 40 }),
        fc.string({ minLength: 1, maxLength: 40 }),
        async (p, q) => {
          const stored = await hashPassword(p, cheap);
          expect(await verifyPassword(p, stored)).toBe(true);
          if (p.normalize('NFKC') !== q.normalize('NFKC'))
            expect(await verifyPassword(q, stored)).toBe(false);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('generated passwords are long, from the alphabet, and acceptable', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 50; i++) {
      const p = generatePassword();
      expect(p).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{20}$/);
      expect(passwordAcceptable(p, 'admin')).toBe(true);
      seen.add(p);
    }
    expect(seen.size).toBe(50);
    expect(passwordAcceptable('short', 'x')).toBe(false);
    expect(passwordAcceptable('administrator', 'Administrator')).toBe(false);
  });
});

describe('common and breached-style passwords', () => {
  it('refuses list entries, list entries with digits appended, and repeated pieces', () => {
    for (const weak of [
      'passwordpassword',
      'password1234',
      'qwertyuiop123',
      '123456789012',
      'abcabcabcabc',
      'aaaaaaaaaaaa',
      'iloveyou2024!',
      'Password1234',
    ]) {
      expect(passwordAcceptable(weak, 'tanaka'), weak).toBe(false);
    }
  });
  it('accepts long passwords that are not built from a common one', () => {
    for (const good of [
      '塩尻の春は遅いが確かに来る',
      'violet-harbor-87-tundra',
      'Kq7-hostile-test-secret-9',
    ]) {
      expect(passwordAcceptable(good, 'tanaka'), good).toBe(true);
    }
  });
});
