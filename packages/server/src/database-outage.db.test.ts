// The database connection dropped and restored under a running server (PostgreSQL only: runs when
// TEST_DATABASE_URL is set). The server reaches PostgreSQL through a TCP proxy on loopback; the
// proxy resets every connection and refuses new ones, then accepts again. Meanwhile answers that
// need the database are a clear 503 (`database/unavailable`, Retry-After; /readyz 503), a cached
// public answer is still served, and nothing crashes; afterwards the same process answers 200
// again without a restart (decision 0141).
import { randomBytes } from 'node:crypto';
import { contextFor, globally, seedDefaultPlan } from '@mirai/app';
import { createDatabase, type MiraiDatabase, migrateToLatest } from '@mirai/db';
import { serverOf, startTcpProxy, type TcpProxy } from '@mirai/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from './start-server';

const url = process.env.TEST_DATABASE_URL;

describe.skipIf(!url)('database connection dropped and restored [postgres]', () => {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  let proxy: TcpProxy;
  let handle: MiraiDatabase;
  let server: RunningServer;
  beforeAll(async () => {
    proxy = await startTcpProxy(serverOf(url!));
    handle = await createDatabase({ kind: 'postgres', url: proxy.via(url!), schema });
    await migrateToLatest(handle.db, schema);
    await seedDefaultPlan(handle.db);
    server = await startServer(contextFor(handle), 0);
  });
  afterAll(async () => {
    proxy.restore();
    await server?.close(1000);
    // Dropping the schema is global work (tenancy, decision 0137).
    await globally(async () => {
      await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(handle.db);
      await sql`DROP SCHEMA IF EXISTS ${sql.id(`${schema}_boss`)} CASCADE`.execute(handle.db);
    });
    await handle.close();
    await proxy.close();
  });

  const get = (path: string, accept = 'application/json') =>
    fetch(`${server.url}${path.replace(/^\//, '')}`, { headers: { accept } });

  it('answers 503 database/unavailable while the database is away, and recovers without a restart', async () => {
    expect((await get('/readyz')).status).toBe(200);
    expect((await get('/api/v1/plan')).status).toBe(200); // now in the public answer cache

    // A query under way when the connection goes (its client is checked out of the pool).
    const underWay = sql`SELECT pg_sleep(2)`.execute(handle.db).then(
      () => 'finished',
      (error: Error) => error.message,
    );
    await new Promise((r) => setTimeout(r, 300));
    proxy.drop();
    expect(await underWay).not.toBe('finished');
    const ready = await get('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ ready: false, database: 'unreachable' });
    for (const path of ['/healthz', '/api/v1/indicators']) {
      const res = await get(path);
      expect(res.status, path).toBe(503);
      expect(res.headers.get('retry-after'), path).toBe('5');
      const body = (await res.json()) as { error: { code: string; message: { ja: string; en: string } } };
      expect(body.error.code, path).toBe('database/unavailable');
      expect(body.error.message.en).toContain('cannot be reached');
    }
    const page = await get('/population', 'text/html');
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('データベースに接続できません');
    // A public answer computed before the outage is still served from memory.
    expect((await get('/api/v1/plan')).status).toBe(200);

    proxy.restore();
    let status = 0;
    for (let i = 0; i < 40 && status !== 200; i++) {
      status = (await get('/readyz')).status;
      if (status !== 200) await new Promise((r) => setTimeout(r, 250));
    }
    expect(status).toBe(200);
    expect((await get('/healthz')).status).toBe(200);
    expect((await get('/api/v1/indicators')).status).toBe(200);
    expect((await get('/population', 'text/html')).status).toBe(200);
  });
});
