// Population data from the workspace (the staff page's form): a census table uploaded as a file is
// checked (file, row, column), stored as the table's next version all or nothing, and audited; a dry
// run and every refusal store nothing; only the planning division may import.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { contextFor, seedDefaultPlan } from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { createTestAccount, sessionHeaders, testAuthSettings } from '../auth/testing';
import { createApi } from '../create-api';

const fixture = join(import.meta.dirname, '../../../app/src/datasets/estat/fixtures/census-web.utf8.csv');
// The fixture is a made-up town (99999); the seeded plan's municipality is 20215.
const census = readFileSync(fixture, 'utf8').replaceAll('"99999"', '"20215"');

describeEachDatabase('population data imported from the workspace', (t) => {
  let api: ReturnType<typeof createApi>;
  let editor: Record<string, string>;
  let clerk: Record<string, string>;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    api = createApi(ctx, { auth: { settings: testAuthSettings } });
    const origin = 'http://localhost';
    editor = { ...(await sessionHeaders(ctx, await createTestAccount(ctx, 'planning-editor'))), origin };
    clerk = {
      ...(await sessionHeaders(
        ctx,
        await createTestAccount(ctx, 'department-editor', { department: 'DEPT-CHILD' }),
      )),
      origin,
    };
  });

  const form = (text: string, fields: Record<string, string> = {}, name = 'census.csv') => {
    const f = new FormData();
    f.set('file', new File([text], name, { type: 'text/csv' }));
    const all = {
      kind: 'census-sex-age5',
      code: 'census-ws',
      titleJa: '国勢調査',
      source: 'e-Stat',
      ...fields,
    };
    for (const [k, v] of Object.entries(all)) f.set(k, v);
    return f;
  };
  const post = (body: FormData, headers = editor) =>
    api.request('http://localhost/api/v1/staff/population/datasets', { method: 'POST', headers, body });
  const stored = async () => {
    const res = await api.request('http://localhost/api/v1/staff/population/datasets', { headers: editor });
    expect(res.status).toBe(200);
    return ((await res.json()) as { code: string; version: number; rows: number }[]).find(
      (d) => d.code === 'census-ws',
    );
  };
  const audits = async () =>
    (
      await t.handle.db
        .selectFrom('audit_log')
        .select('id')
        .where('entity_id', 'like', '%/census-ws')
        .execute()
    ).length;

  it('checks without storing, then stores the next version, audited', async () => {
    const checked = await post(form(census, { dryRun: 'true' }));
    expect(checked.status).toBe(200);
    expect(await checked.json()).toMatchObject({ version: 0, rows: 2 * 3 * 21, municipalityCode: '20215' });
    expect(await stored()).toBeUndefined();
    expect(await audits()).toBe(0);

    const first = await post(form(census));
    expect(first.status).toBe(200);
    expect(await first.json()).toMatchObject({ code: 'census-ws', version: 1, rows: 126 });
    const again = await post(form(census));
    expect(await again.json()).toMatchObject({ version: 2 });
    expect(await stored()).toMatchObject({ version: 2, rows: 126 });
    expect(await audits()).toBe(2);
    // Another table from a file of the same name is stored too (named by its code as well).
    expect((await post(form(census, { code: 'census-ws2' }))).status).toBe(200);
  });

  it('refuses a bad cell with file, row and column, a wrong form or role, and changes nothing', async () => {
    const before = [await stored(), await audits()];
    const bad = await post(form(census.replace('"2,883"', '"X"')));
    expect(bad.status).toBe(422);
    const body = (await bad.json()) as { error: { code: string; details?: { where?: unknown } } };
    expect(body.error.code).toBe('estat/value-missing');
    expect(body.error.details?.where).toMatchObject({ file: 'census.csv', row: 10, column: '2015年' });
    // Another municipality's table, an unknown kind, a bad code, an empty file, a NUL in the title.
    const refused = [
      form(readFileSync(fixture, 'utf8')),
      form(census, { kind: 'nonsense' }),
      form(census, { code: '../x' }),
      form('', {}, 'empty.csv'),
      form(census, { titleJa: 'a\u0000b' }),
    ];
    for (const f of refused) expect((await post(f)).status).toBe(422);
    expect((await post(form(census), clerk)).status).toBe(403);
    expect([await stored(), await audits()]).toEqual(before);
  });
});
