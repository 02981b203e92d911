// Property: a refused write changes nothing observable. For every write route of the API (from
// routeTable, so routes added later are covered) and every kind of refusal (no credentials, a session
// without its CSRF header, a role the policy table refuses, malformed input, a stale version), the
// answer is a 4xx and every table's rows are unchanged (a checksum per table of all its rows, audit
// and published state included), read in one query. Real database, real API; bounded (one database,
// few runs).
import { accountRoles, contextFor, type Role, roleMay, seedDefaultPlan } from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import fc from 'fast-check';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { createApi } from '../create-api';
import { type RouteEntry, routeTable } from '../route-table';
import { bearerHeaders, createTestAccount, sessionHeaders, testAuthSettings } from './testing';

/**
 * Columns a refused request may legitimately touch, left out of the checksum: when a session or token
 * was last used (bookkeeping of the request itself, not data).
 */
const bookkeeping: Record<string, string[]> = {
  sessions: ['last_seen_at', 'expires_at'],
  api_tokens: ['last_used_at'],
};

describeEachDatabase('refused means unchanged', (t) => {
  let api: ReturnType<typeof createApi>;
  const session = new Map<Role, Record<string, string>>();
  let adminToken: Record<string, string> = {};
  let planBody = '';
  let snapshotQuery = '';

  /** One query: per table, its row count and the md5 of all its rows in a stable order. */
  async function snapshot(): Promise<Record<string, string>> {
    if (!snapshotQuery) {
      const tables = await sql<{ name: string; cols: string[] }>`
        SELECT c.table_name AS name, array_agg(c.column_name::text ORDER BY c.ordinal_position) AS cols
        FROM information_schema.columns c JOIN information_schema.tables t
          ON t.table_schema = c.table_schema AND t.table_name = c.table_name
        WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'
        GROUP BY c.table_name ORDER BY 1`.execute(t.handle.db);
      snapshotQuery = tables.rows
        .map(({ name, cols }) => {
          const kept = cols.filter((c) => !bookkeeping[name]?.includes(c));
          const row = `json_build_array(${kept.map((c) => `x."${c}"`).join(', ')})::text`;
          return `SELECT '${name}' AS t, count(*)::text || ':' || coalesce(md5(string_agg(${row}, '|' ORDER BY ${row})), '') AS h FROM "${name}" x`;
        })
        .join(' UNION ALL ');
    }
    const r = await sql<{ t: string; h: string }>`${sql.raw(snapshotQuery)}`.execute(t.handle.db);
    return Object.fromEntries(r.rows.map((x) => [x.t, x.h]));
  }

  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    api = createApi(ctx, {
      auth: { settings: testAuthSettings, loginRateLimit: { max: 1e6, windowSeconds: 60 } },
    });
    for (const role of accountRoles) {
      const account = await createTestAccount(
        ctx,
        role,
        role === 'department-editor' ? { department: 'DEPT-CHILD' } : {},
      );
      session.set(role, await sessionHeaders(ctx, account));
      if (role === 'admin') adminToken = await bearerHeaders(ctx, account);
    }
    const staff = await api.request('http://localhost/api/v1/staff/plan', { headers: adminToken });
    const loaded = (await staff.json()) as { document: unknown; version: number };
    planBody = JSON.stringify({ document: loaded.document, expectedVersion: loaded.version - 1 });
  });

  const writes = () =>
    routeTable.filter((e) => e.kind === 'api' && e.method !== 'GET' && e.method !== 'HEAD');
  const concrete = (e: RouteEntry) => e.path.replace(/\{id\}/g, '1').replace(/\{[^}]+\}/g, 'TOP-HAPPINESS');
  /** A body the route might accept (the plan's own document for a plan save), else arbitrary JSON. */
  const bodyFor = (e: RouteEntry, junk: string) => (e.path === '/api/v1/staff/plan' ? planBody : junk);

  type Refusal = 'no-credentials' | 'csrf-missing' | 'forbidden-role' | 'bad-input' | 'stale-version';
  /** The request a refusal sends, or undefined when the route cannot be refused that way. */
  function requestFor(e: RouteEntry, refusal: Refusal, junk: string): RequestInit | undefined {
    const json = { 'content-type': 'application/json', origin: 'http://localhost' };
    switch (refusal) {
      case 'no-credentials':
        return e.policy === 'public' ? undefined : { headers: json, body: bodyFor(e, junk) };
      case 'csrf-missing': {
        if (e.policy === 'public') return undefined;
        const { 'x-csrf-token': _csrf, ...cookieOnly } = session.get('admin')!;
        return { headers: { ...json, ...cookieOnly }, body: bodyFor(e, junk) };
      }
      case 'forbidden-role': {
        if (e.policy === 'public') return undefined;
        const role = accountRoles.find((r) => !roleMay(r, e.policy as never));
        return role ? { headers: { ...json, ...session.get(role)! }, body: bodyFor(e, junk) } : undefined;
      }
      case 'bad-input':
        return e.hasBody && e.policy !== 'public'
          ? { headers: { ...json, ...adminToken }, body: junk }
          : undefined;
      case 'stale-version':
        // A real document whose expected version is one behind the stored one.
        return e.path === '/api/v1/staff/plan'
          ? { headers: { ...json, ...adminToken }, body: planBody }
          : undefined;
    }
  }

  const junk = fc.oneof(
    fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 })).map((v) => JSON.stringify(v)),
    fc.constantFrom(
      '{',
      '[]',
      'null',
      '{"expectedVersion":-1}',
      '{"value":"\\u0000"}',
      '{"__proto__":{"admin":true}}',
    ),
  );

  it('covers every write route and each kind of refusal', () => {
    const routes = writes();
    expect(routes.length).toBeGreaterThan(20);
    const kinds: Refusal[] = [
      'no-credentials',
      'csrf-missing',
      'forbidden-role',
      'bad-input',
      'stale-version',
    ];
    for (const k of kinds)
      expect(
        routes.some((e) => requestFor(e, k, '{}')),
        k,
      ).toBe(true);
  });

  it('every refused write answers 4xx and leaves every table as it was', async () => {
    const routes = writes();
    const before = await snapshot();
    const refusal = fc.constantFrom<Refusal>(
      'no-credentials',
      'csrf-missing',
      'forbidden-role',
      'bad-input',
      'stale-version',
    );
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: routes.length - 1 }), refusal, junk, async (i, kind, body) => {
        const e = routes[i]!;
        const init = requestFor(e, kind, body);
        if (!init) return;
        tried++;
        const res = await api.request(`http://localhost${concrete(e)}`, { method: e.method, ...init });
        const label = `${kind}: ${e.method} ${e.path} ${body.slice(0, 60)} → ${res.status}`;
        expect(res.status, label).toBeGreaterThanOrEqual(400);
        expect(res.status, label).toBeLessThan(500);
        expect(await snapshot(), label).toEqual(before);
      }),
      { numRuns: 150 },
    );
    // And each route once with each refusal it has, so no route is left to chance.
    for (const e of routes)
      for (const kind of ['no-credentials', 'csrf-missing', 'forbidden-role', 'stale-version'] as const) {
        const init = requestFor(e, kind, '{}');
        if (!init) continue;
        tried++;
        const res = await api.request(`http://localhost${concrete(e)}`, { method: e.method, ...init });
        expect(res.status, `${kind}: ${e.method} ${e.path} → ${res.status}`).toBeGreaterThanOrEqual(400);
        expect(res.status, `${kind}: ${e.method} ${e.path} → ${res.status}`).toBeLessThan(500);
      }
    expect(await snapshot()).toEqual(before);
    expect(tried).toBeGreaterThan(100);
  });
});
