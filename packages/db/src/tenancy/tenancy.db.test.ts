// Tenancy in the database (decisions 0135–0137): every table but the global ones belongs to a
// municipality and is guarded by row-level security; the wrapper binds each connection.
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { audit } from '../audit';
import { registerMunicipality, tablesWithoutTenancy } from '../repositories/municipality.repository';
import { describeEachDatabase } from '../testing/each-database';
import { globally, withMunicipality } from './binding';

const actorsSeen = async (db: Parameters<typeof audit>[0]) =>
  (await sql<{ actor: string }>`SELECT actor FROM audit_log ORDER BY id`.execute(db)).rows.map(
    (r) => r.actor,
  );

describeEachDatabase('tenancy', (t) => {
  it('gives every table but the global ones a municipality and an isolation policy', async () => {
    // A table added later without makeTenantTable() shows up here.
    expect(await tablesWithoutTenancy(t.handle.db)).toEqual([]);
    const { rows } = await sql<{ n: number }>`
      SELECT count(*)::int AS n FROM pg_class WHERE relnamespace = current_schema()::regnamespace
      AND relkind = 'r' AND relrowsecurity`.execute(t.handle.db);
    expect(rows[0]!.n).toBeGreaterThan(30);
  });

  it('keeps each municipality to its own rows, whatever the query says', async () => {
    const { db } = t.handle;
    // One municipality only: unbound work is that municipality's (a single install works unchanged).
    await registerMunicipality(db, { code: '99001', name: { ja: '（サンプル）甲町' }, hosts: ['a.example'] });
    await audit(db, { actor: 'unbound', action: 'x', entityType: 't', entityId: '1' });
    await registerMunicipality(db, { code: '99002', name: { ja: '（サンプル）乙村' }, hosts: ['b.example'] });
    await withMunicipality('99001', () =>
      audit(db, { actor: 'a', action: 'x', entityType: 't', entityId: '1' }),
    );
    await withMunicipality('99002', () =>
      audit(db, { actor: 'b', action: 'x', entityType: 't', entityId: '1' }),
    );
    expect(await withMunicipality('99001', () => actorsSeen(db))).toEqual(['unbound', 'a']);
    expect(await withMunicipality('99002', () => actorsSeen(db))).toEqual(['b']);
    // Several municipalities and no binding: nothing is seen, nothing can be written.
    expect(await actorsSeen(db)).toEqual([]);
    await expect(audit(db, { actor: 'lost', action: 'x', entityType: 't', entityId: '1' })).rejects.toThrow();
    // Naming the other municipality explicitly is refused by the policy.
    await expect(
      withMunicipality('99001', () =>
        sql`INSERT INTO audit_log (actor, action, entity_type, entity_id, municipality_code)
            VALUES ('sneaky', 'x', 't', '1', '99002')`.execute(db),
      ),
    ).rejects.toThrow(/row-level security|policy/);
    // Nor can bound work rewrite the registry.
    await expect(
      withMunicipality('99001', () =>
        sql`UPDATE municipality_hosts SET municipality_code = '99001'`.execute(db),
      ),
    ).rejects.toThrow(/permission/);
    // Global work sees everything.
    expect(await globally(() => actorsSeen(db))).toEqual(['unbound', 'a', 'b']);
  });

  it('never lets two municipalities share a connection at the same time', async () => {
    const { db } = t.handle;
    const seen = await Promise.all(
      Array.from({ length: 12 }, (_, i) => {
        const code = i % 2 === 0 ? '99001' : '99002';
        return withMunicipality(code, () =>
          db.transaction().execute(async (tx) => {
            await sql`SELECT pg_sleep(0.01)`.execute(tx);
            const r = await sql<{ m: string }>`SELECT current_setting('mirai.municipality') AS m`.execute(tx);
            const a = await actorsSeen(tx);
            return { code, m: r.rows[0]!.m, a };
          }),
        );
      }),
    );
    for (const s of seen) {
      expect(s.m).toBe(s.code);
      expect(s.a).toEqual(s.code === '99001' ? ['unbound', 'a'] : ['b']);
    }
  });
});
