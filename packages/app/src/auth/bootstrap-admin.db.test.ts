// The first start creates the administrator once; the next start creates and prints nothing.
import { listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { expect, it } from 'vitest';
import { contextFor } from '../context';
import { bootstrapFirstAdmin } from './bootstrap-admin';
import { login } from './sessions';

describeEachDatabase('first administrator', (t) => {
  it('is created with a one-time password on the first start only, and must change it', async () => {
    const ctx = contextFor(t.handle);
    const cheap = { scrypt: { log2N: 10, r: 8, p: 1 } };
    const first = await bootstrapFirstAdmin(ctx, cheap);
    expect(first?.login).toBe('admin');
    expect(first?.oneTimePassword).toMatch(/^[A-Za-z0-9]{20}$/);
    expect(await bootstrapFirstAdmin(ctx, cheap)).toBeUndefined();
    const signedIn = await login(ctx, { login: 'admin', password: first!.oneTimePassword }, cheap);
    expect(signedIn.ok && signedIn.value.user.mustChangePassword).toBe(true);
    const created = await listAudit(t.handle.db, { entityType: 'user' });
    expect(created.map((a) => [a.actor, a.action])).toEqual([['system:bootstrap', 'user.create']]);
    expect(JSON.stringify(created)).not.toContain(first!.oneTimePassword);
  });
});
