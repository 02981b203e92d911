// Workshops on a real database: staff record one with its files (checked by size and first
// bytes), edit it at the version read (a stale version is a conflict), publish it; the public
// sees it only once published; every write is audited and a refused one changes nothing.
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import type { UserActor } from '../auth/actor';
import { type AppContext, contextFor } from '../context';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import {
  createWorkshop,
  getWorkshop,
  listWorkshops,
  publishWorkshop,
  updateWorkshop,
  workshopFile,
} from './workshop-use-cases';

const user = (role: UserActor['role'], login: string): UserActor => ({
  kind: 'user',
  via: 'session',
  userId: 1,
  login,
  role,
  department: null,
  links: [],
  mustChangePassword: false,
});
const planning = user('planning-editor', 'kikaku');
const partner = user('partner', 'p');
const anon = { kind: 'anonymous', role: 'public' } as const;
const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 73, 72, 68, 82]);
const pdf = new TextEncoder().encode('%PDF-1.4\n%sample\n');
const codes = (r: { ok: boolean; problems?: { code: string }[] }) =>
  r.ok ? [] : r.problems!.map((p) => p.code);
const input = {
  code: 'WS-2023-01',
  title: { ja: '（サンプル）未来を語るワークショップ', en: '(Sample) Workshop on the future' },
  heldOn: '2023-07-15',
  place: '市民交流センター',
  participants: { residents: 24, youth: 8, 'from-outside': 5 },
  outputs: ['駅前に交流拠点を', '市外の人と一緒に地域課題に取り組む'],
  shaped: ['B-6', 'B-6-M01'],
  sample: true,
};

describeEachDatabase('workshops', (t) => {
  let ctx: AppContext;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
  });

  it('refuses bad input and other roles, changing nothing', async () => {
    expect(codes(await createWorkshop(ctx, partner, input))).toEqual(['auth/forbidden']);
    const bad = await createWorkshop(
      ctx,
      planning,
      { ...input, heldOn: '2023-02-30', participants: { residents: -1, aliens: 3 }, shaped: ['NO-SUCH'] },
      [{ name: 'photo.png', bytes: new TextEncoder().encode('<script>x</script>') }],
    );
    expect(codes(bad)).toEqual([
      'workshops/invalid',
      'workshops/invalid',
      'workshops/invalid',
      'cocreation/unknown-item',
      'cocreation/file-type',
    ]);
    const big = await createWorkshop(ctx, planning, input, [
      { name: 'big.pdf', bytes: new Uint8Array(5 * 1024 * 1024 + 1).fill(0x25) },
    ]);
    expect(codes(big)).toEqual(['cocreation/file-too-large']);
    const { rows } = await sql`SELECT 1 FROM workshops`.execute(t.handle.db);
    expect(rows).toHaveLength(0);
  });

  it('records, edits at the version read (409 when stale), publishes; the public sees it only then', async () => {
    const made = await createWorkshop(ctx, planning, input, [
      { name: 'board.png', bytes: png },
      { name: 'notes.pdf', bytes: pdf },
    ]);
    if (!made.ok) throw new Error(JSON.stringify(made.problems));
    expect(made.value).toMatchObject({ published: false, version: 1, participantTotal: 37 });
    expect(made.value.files.map((f) => f.mediaType)).toEqual(['image/png', 'application/pdf']);
    expect(made.value.shaped.map((s) => [s.code, s.kind])).toEqual([
      ['B-6', 'field'],
      ['B-6-M01', 'measure'],
    ]);
    expect(codes(await getWorkshop(ctx, anon, 'WS-2023-01'))).toEqual(['cocreation/workshop-not-found']);
    const fileId = made.value.files[0]!.id;
    expect(codes(await workshopFile(ctx, anon, 'WS-2023-01', fileId))).toEqual([
      'cocreation/workshop-not-found',
    ]);
    expect((await listWorkshops(ctx, anon)).ok && (await listWorkshops(ctx, anon))).toMatchObject({
      value: [],
    });

    const { code: _c, sample: _s, ...rest } = input;
    const edited = await updateWorkshop(ctx, planning, 'WS-2023-01', {
      ...rest,
      place: 'えんぱーく',
      expectedVersion: 1,
    });
    expect(edited.ok && [edited.value.place, edited.value.version]).toEqual(['えんぱーく', 2]);
    const stale = await updateWorkshop(ctx, planning, 'WS-2023-01', {
      ...rest,
      place: '古い',
      expectedVersion: 1,
    });
    expect(codes(stale)).toEqual(['cocreation/stale-version']);
    expect(codes(await publishWorkshop(ctx, planning, 'WS-2023-01', { expectedVersion: 1 }))).toEqual([
      'cocreation/stale-version',
    ]);
    const published = await publishWorkshop(ctx, planning, 'WS-2023-01', { expectedVersion: 2 });
    expect(published.ok && published.value.published).toBe(true);

    const pub = await getWorkshop(ctx, anon, 'WS-2023-01');
    expect(pub.ok && [pub.value.place, pub.value.outputs]).toEqual(['えんぱーく', input.outputs]);
    const f = await workshopFile(ctx, anon, 'WS-2023-01', fileId);
    expect(f.ok && [f.value.mediaType, f.value.bytes.length]).toEqual(['image/png', png.length]);
    const { rows } = await sql<{ action: string }>`
      SELECT action FROM audit_log WHERE entity_type = 'workshop' ORDER BY id`.execute(t.handle.db);
    expect(rows.map((r) => r.action)).toEqual(['workshop.create', 'workshop.update', 'workshop.publish']);
  });
});
