// Property: malformed bodies sent to every write endpoint (from routeTable, so later routes are
// included) get a catalogued 4xx problem, and the database is unchanged (row counts of every
// table and the audit trail's last id). Real database, real API, an administrator's token.
import * as app from '@mirai/app';
import { contextFor, seedDefaultPlan } from '@mirai/app';
import * as core from '@mirai/core';
import { describeEachDatabase } from '@mirai/db/testing';
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../create-api';
import { routeTable } from '../route-table';
import { httpProblems } from './http-problems';
import { bearerHeaders, createTestAccount, testAuthSettings } from './testing';

/** Every problem code declared with defineProblem in an exported catalogue. */
function catalogueCodes(): Set<string> {
  const codes = new Set<string>();
  const visit = (v: unknown, depth: number) => {
    if (typeof v !== 'object' || v === null || depth > 2) return;
    const d = v as { code?: unknown; kind?: unknown; create?: unknown };
    if (typeof d.code === 'string' && typeof d.kind === 'string' && typeof d.create === 'function') {
      codes.add(d.code);
      return;
    }
    for (const x of Object.values(v)) visit(x, depth + 1);
  };
  for (const mod of [core, app, { httpProblems }]) for (const x of Object.values(mod)) visit(x, 0);
  return codes;
}

describeEachDatabase('malformed bodies to every write endpoint', (t) => {
  let api: ReturnType<typeof createApi>;
  let headers: Record<string, string>;
  const codes = catalogueCodes();

  async function snapshot(): Promise<Record<string, number>> {
    const db = t.handle.db;
    const tables = await sql<{ name: string }>`
      SELECT table_name AS name FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`.execute(db);
    const counts: Record<string, number> = {};
    for (const { name } of tables.rows) {
      const r = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.id(name)}`.execute(db);
      counts[name] = Number(r.rows[0]!.n);
    }
    const last = await sql<{ id: number | null }>`SELECT max(id)::int AS id FROM audit_log`.execute(db);
    counts['audit_log.max_id'] = Number(last.rows[0]!.id ?? 0);
    return counts;
  }

  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    api = createApi(ctx, {
      auth: { settings: testAuthSettings, loginRateLimit: { max: 1e6, windowSeconds: 60 } },
    });
    headers = await bearerHeaders(ctx, await createTestAccount(ctx, 'admin'));
  });

  it('knows the catalogue', () => {
    for (const c of ['request/invalid', 'auth/unauthenticated', 'plan/field-not-found'])
      expect(codes).toContain(c);
  });

  const body = fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v)),
    fc.dictionary(fc.string(), fc.jsonValue()).map((v) => JSON.stringify(v)),
    fc.string(),
    fc.constantFrom('{', '[1,', '{"login":', 'null', '\u0000', '{"__proto__":{"admin":true}}'),
  );
  const contentType = fc.constantFrom('application/json', 'text/plain', 'application/octet-stream');

  it('every answer is a catalogued 4xx and nothing is stored', async () => {
    const writes = routeTable.filter((e) => e.hasBody && e.method !== 'GET');
    expect(writes.length).toBeGreaterThanOrEqual(6);
    const before = await snapshot();
    for (const e of writes) {
      const path = e.path.replace(/\{id\}/g, '1').replace(/\{[^}]+\}/g, 'TOP-HAPPINESS');
      await fc.assert(
        fc.asyncProperty(body, contentType, async (text, type) => {
          const res = await api.request(`http://localhost${path}`, {
            method: e.method,
            headers: { ...headers, 'content-type': type },
            body: text,
          });
          const label = `${e.method} ${e.path} (${type}) ${JSON.stringify(text).slice(0, 80)} → ${res.status}`;
          expect(res.status, label).toBeGreaterThanOrEqual(400);
          expect(res.status, label).toBeLessThan(500);
          const answer = (await res.json()) as {
            error: { code: string; message: { ja: string; en: string } };
          };
          expect(codes.has(answer.error.code), `${label} ${answer.error.code}`).toBe(true);
          expect(answer.error.message.ja.length * answer.error.message.en.length).toBeGreaterThan(0);
        }),
        { numRuns: 40 },
      );
    }
    expect(await snapshot()).toEqual(before);
  });
});
