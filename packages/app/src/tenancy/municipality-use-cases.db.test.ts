// Adding municipalities (decision 0148), on PGlite and PostgreSQL: every registry change an
// operator makes is recorded in the changed municipality's own audit trail, in the same
// transaction (a refused change records nothing), and a municipality added with its plan gets its
// own first administrator, an account of that municipality only. Adding is all or nothing
// (decision 0156): a database failure injected at the plan or the administrator step leaves no
// registry entry, host, plan, account or audit entry of the municipality.
import { readFileSync } from 'node:fs';
import { globally, listAudit, withMunicipality } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
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

describeEachDatabase('adding a municipality all or nothing', (t) => {
  it('adds a municipality all or nothing: a failure at the plan or the administrator step leaves nothing', async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    const text = readFileSync(otherPlan, 'utf8');
    const b = /code:\s*'?"?(\d{5,6})/.exec(text)![1]!;
    const db = ctx.database.db;
    /** Everything of B anywhere, read as global work (no row-level security). */
    const traces = () =>
      globally(async () => {
        const one = async (q: ReturnType<typeof sql<{ n: number }>>) =>
          Number((await q.execute(db)).rows[0]!.n);
        return {
          registry: await one(sql`SELECT count(*)::int AS n FROM municipalities WHERE code = ${b}`),
          hosts: await one(
            sql`SELECT count(*)::int AS n FROM municipality_hosts WHERE municipality_code = ${b}`,
          ),
          audit: await one(sql`SELECT count(*)::int AS n FROM audit_log WHERE municipality_code = ${b}`),
          plans: await one(sql`SELECT count(*)::int AS n FROM plans WHERE municipality_code = ${b}`),
          users: await one(sql`SELECT count(*)::int AS n FROM users WHERE municipality_code = ${b}`),
        };
      });
    const none = { registry: 0, hosts: 0, audit: 0, plans: 0, users: 0 };
    await globally(() =>
      sql`CREATE FUNCTION mirai_test_fail() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'injected failure'; END $$`.execute(db),
    );
    const add = () =>
      addMunicipality(ctx, {
        code: b,
        hosts: ['b.example'],
        plan: { text, file: 'plan.yaml' },
        actor: 'cli:op',
      });
    for (const table of ['plan_versions', 'users']) {
      await globally(() =>
        sql`CREATE TRIGGER mirai_test_fail BEFORE INSERT ON ${sql.id(table)}
          FOR EACH ROW EXECUTE FUNCTION mirai_test_fail()`.execute(db),
      );
      await expect(add(), table).rejects.toThrow(/injected failure/);
      expect(await traces(), table).toEqual(none);
      await globally(() => sql`DROP TRIGGER mirai_test_fail ON ${sql.id(table)}`.execute(db));
    }
    await globally(() => sql`DROP FUNCTION mirai_test_fail()`.execute(db));
    // Without the failure, the same command adds all of it.
    const added = await add();
    if (!added.ok) throw new Error(JSON.stringify(added.problems));
    expect(await traces()).toEqual({ registry: 1, hosts: 1, audit: 4, plans: 1, users: 1 });
    expect(added.value.municipality.hosts).toEqual(['b.example']);
    expect(added.value.admin?.login).toBe('admin');
  });
});
