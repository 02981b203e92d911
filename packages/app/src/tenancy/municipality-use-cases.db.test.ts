// Adding municipalities (decision 0148), on PGlite and PostgreSQL: every registry change an
// operator makes is recorded in the changed municipality's own audit trail, in the same
// transaction (a refused change records nothing), and a municipality added with its plan gets its
// own first administrator, an account of that municipality only.
import { readFileSync } from 'node:fs';
import { listAudit, withMunicipality } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { expect, it } from 'vitest';
import { listAccounts } from '../auth/users';
import { contextFor } from '../context';
import { getCurrentPlan } from '../plan/plan-use-cases';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { addMunicipality } from './municipality-use-cases';

const otherPlan = new URL('../../../../data/examples/midorino/plan.yaml', import.meta.url);

describeEachDatabase('adding municipalities', (t) => {
  it('audits registry changes in the municipality’s own trail and creates its first administrator', async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    const current = await getCurrentPlan(ctx);
    if (!current.ok) throw new Error('no plan');
    const a = current.value.document.municipality.code;
    const text = readFileSync(otherPlan, 'utf8');
    const b = /code:\s*'?"?(\d{5,6})/.exec(text)![1]!;
    const trail = (code: string) =>
      withMunicipality(code, async () =>
        (await listAudit(ctx.database.db))
          .filter((e) => e.entity_type === 'municipality')
          .map((e) => [e.action, e.actor, e.after]),
      );

    expect((await addMunicipality(ctx, { code: a, hosts: ['A.example'], actor: 'cli:op' })).ok).toBe(true);
    const added = await addMunicipality(ctx, {
      code: b,
      hosts: ['b.example'],
      plan: { text, file: 'plan.yaml' },
      actor: 'cli:op',
    });
    if (!added.ok) throw new Error(JSON.stringify(added.problems));
    expect(added.value.admin?.login).toBe('admin');
    expect(added.value.admin?.oneTimePassword).toMatch(/.{12,}/);
    // A host already taken: refused, nothing recorded.
    const taken = await addMunicipality(ctx, { code: a, hosts: ['b.example', 'c.example'], actor: 'cli:op' });
    expect(taken.ok ? '' : taken.problems[0]?.code).toBe('municipality/host-taken');

    expect(await trail(a)).toEqual([['municipality.host-add', 'cli:op', { host: 'a.example' }]]);
    expect(await trail(b)).toEqual([
      [
        'municipality.register',
        'cli:op',
        { code: b, name: expect.objectContaining({ ja: expect.any(String) }) },
      ],
      ['municipality.host-add', 'cli:op', { host: 'b.example' }],
    ]);
    // B's administrator is B's account only.
    const admins = async (code: string) =>
      (await withMunicipality(code, () => listAccounts(ctx)))
        .filter((u) => u.role === 'admin')
        .map((u) => u.login);
    expect(await admins(b)).toEqual(['admin']);
    expect(await admins(a)).toEqual([]);
  });
});
