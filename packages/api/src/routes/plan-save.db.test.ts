// Saving the plan document through PUT /api/v1/staff/plan: a planning editor's change becomes a new
// audited version (public when approved, staff-only when draft); a stale version is 409, an invalid
// document 422 with every problem and its path, a department editor 403. Real database and accounts.
import { contextFor, getCurrentPlan, seedDefaultPlan } from '@mirai/app';
import type { PlanDocument } from '@mirai/core';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createTestAccount, sessionHeaders, testAuthSettings } from '../auth/testing';
import { createApi } from '../create-api';

interface ErrorAnswer {
  error: {
    code: string;
    message: { ja: string; en: string };
    details?: {
      where?: { path?: string };
      problems?: { code: string; message: { ja: string; en: string }; where?: { path?: string } }[];
    };
  };
}

describeEachDatabase('saving the plan document (staff)', (t) => {
  let api: ReturnType<typeof createApi>;
  let editor: Record<string, string>;
  let clerk: Record<string, string>;
  let loaded: { document: PlanDocument; version: number };

  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    api = createApi(ctx, { auth: { settings: testAuthSettings } });
    const common = { origin: 'http://localhost', 'content-type': 'application/json' };
    editor = { ...(await sessionHeaders(ctx, await createTestAccount(ctx, 'planning-editor'))), ...common };
    clerk = {
      ...(await sessionHeaders(
        ctx,
        await createTestAccount(ctx, 'department-editor', { department: 'DEPT-CHILD' }),
      )),
      ...common,
    };
    const current = await getCurrentPlan(ctx);
    if (!current.ok) throw new Error('no plan');
    loaded = { document: current.value.document, version: current.value.version };
  });

  const put = (headers: Record<string, string>, body: unknown) =>
    api.request('http://localhost/api/v1/staff/plan', {
      method: 'PUT',
      headers,
      body: JSON.stringify(body),
    });
  const publicField = async (code: string) => {
    const res = await api.request(`http://localhost/api/v1/fields/${code}`);
    expect(res.status).toBe(200);
    return (await res.json()) as { desiredState: { ja: string } };
  };
  const publicVersion = async () => {
    const res = await api.request('http://localhost/api/v1/plan');
    return ((await res.json()) as { version: number }).version;
  };
  const auditCount = async () =>
    Number(
      (
        await sql<{
          n: number;
        }>`SELECT count(*)::int AS n FROM audit_log WHERE action = 'plan.revise'`.execute(t.handle.db)
      ).rows[0]?.n,
    );
  const edited = (desired: string, status?: PlanDocument['plan']['status']): PlanDocument => {
    const doc = structuredClone(loaded.document);
    const field = doc.fields.find((f) => f.code === 'A-1');
    if (!field) throw new Error('no field A-1');
    field.desiredState = { ja: desired, en: 'Edited in a test' };
    if (status) doc.plan.status = status;
    return doc;
  };

  it('a planning editor saves a change: a new audited version the public sees', async () => {
    const before = await auditCount();
    const res = await put(editor, {
      document: edited('誰もが安心して子どもを育てられるまち（試験）'),
      expectedVersion: loaded.version,
      note: 'A-1 のありたい姿を更新',
    });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as { code: string; version: number };
    expect(saved.version).toBe(loaded.version + 1);
    expect(await auditCount()).toBe(before + 1);
    const entry = await sql<{ actor: string }>`
      SELECT actor FROM audit_log WHERE action = 'plan.revise' ORDER BY id DESC LIMIT 1`.execute(t.handle.db);
    expect(entry.rows[0]?.actor).toMatch(/^user:t-planning-editor-/);
    expect(await publicVersion()).toBe(saved.version);
    expect((await publicField('A-1')).desiredState.ja).toBe('誰もが安心して子どもを育てられるまち（試験）');
    loaded = { document: edited('誰もが安心して子どもを育てられるまち（試験）'), version: saved.version };
  });

  it('a draft is saved for staff but the public keeps the approved version', async () => {
    const res = await put(editor, {
      document: edited('下書きのありたい姿', 'draft'),
      expectedVersion: loaded.version,
    });
    expect(res.status).toBe(200);
    const saved = (await res.json()) as { version: number };
    expect(saved.version).toBe(loaded.version + 1);
    expect(await publicVersion()).toBe(loaded.version);
    expect((await publicField('A-1')).desiredState.ja).not.toBe('下書きのありたい姿');
    const staff = await api.request('http://localhost/api/v1/staff/plan', { headers: editor });
    expect(((await staff.json()) as { version: number }).version).toBe(saved.version);
    loaded = { document: edited('下書きのありたい姿', 'draft'), version: saved.version };
  });

  it('a stale expected version is 409 plan/version-conflict and stores nothing', async () => {
    const before = await auditCount();
    const res = await put(editor, {
      document: edited('古い版からの変更'),
      expectedVersion: loaded.version - 1,
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as ErrorAnswer;
    expect(body.error.code).toBe('plan/version-conflict');
    expect(body.error.message.ja).toContain(`現在の版 ${loaded.version}`);
    expect(await auditCount()).toBe(before);
  });

  it('an invalid document is 422 with every problem and its path', async () => {
    const doc = edited('形式の誤り') as unknown as { measures: Record<string, unknown>[] };
    const first = doc.measures[0];
    if (!first) throw new Error('no measure');
    first.field = 'Z-9';
    first.name = { ja: '' };
    first.promotionPeriod = 'medium';
    const res = await put(editor, { document: doc, expectedVersion: loaded.version });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorAnswer;
    expect(body.error.code).toBe('plan/invalid-shape');
    const problems = body.error.details?.problems ?? [];
    expect(problems.length).toBeGreaterThanOrEqual(2);
    const paths = problems.map((p) => p.where?.path);
    expect(paths).toContain('measures[0].name.ja');
    expect(paths).toContain('measures[0].promotionPeriod');
    for (const p of problems) expect(p.message.ja.length * p.message.en.length).toBeGreaterThan(0);

    // Shape right, rules wrong: an unknown field code is reported at its path.
    const ruled = edited('規則の誤り');
    const m = ruled.measures[0];
    if (!m) throw new Error('no measure');
    m.field = 'Z-9';
    const res2 = await put(editor, { document: ruled, expectedVersion: loaded.version });
    expect(res2.status).toBe(422);
    const body2 = (await res2.json()) as ErrorAnswer;
    const all = body2.error.details?.problems ?? [
      { code: body2.error.code, message: body2.error.message, where: body2.error.details?.where },
    ];
    expect(all.map((p) => p.where?.path)).toContain('measures[0].field');
  });

  it('a document naming another plan is refused (422 at plan.code), not stored as a second plan', async () => {
    const doc = edited('別の計画');
    doc.plan.code = 'OTHER-PLAN';
    const res = await put(editor, { document: doc, expectedVersion: loaded.version });
    expect(res.status).toBe(422);
    const body = (await res.json()) as ErrorAnswer;
    expect(body.error.code).toBe('plan/unknown-code');
    expect(body.error.details?.where?.path).toBe('plan.code');
    const plans = await sql<{ n: number }>`SELECT count(*)::int AS n FROM plans`.execute(t.handle.db);
    expect(Number(plans.rows[0]?.n)).toBe(1);
  });

  it('a department editor may not save the plan (403)', async () => {
    const res = await put(clerk, { document: edited('部署からの変更'), expectedVersion: loaded.version });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorAnswer).error.code).toBe('auth/forbidden');
  });
});
