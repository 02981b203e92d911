// Real app context on a real database; requests through Hono's fetch, no server.
import { contextFor, seedDefaultPlan } from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerHeaders, createTestAccount } from '../auth/testing';
import { createApi } from '../create-api';
import { followJob } from '../job-testing';

describeEachDatabase('indicator routes', (t) => {
  let api: ReturnType<typeof createApi>;
  let editor: Record<string, string>;
  let login: string;
  let ctx: ReturnType<typeof contextFor>;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
    await ctx.jobs.start();
    api = createApi(ctx);
    const account = await createTestAccount(ctx, 'planning-editor');
    login = account.login;
    editor = await bearerHeaders(ctx, account);
  });
  afterAll(() => ctx.jobs.stop());
  const post = (path: string, body: unknown, auth = editor) =>
    api.request(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify(body),
    });

  it('lists indicators with both top indicators, baselines and targets', async () => {
    const res = await api.request('/api/v1/indicators?asOf=2026-07-01');
    expect(res.status).toBe(200);
    const list = (await res.json()) as {
      code: string;
      top: boolean;
      baseline: { value: number };
      status: { kind: string };
    }[];
    expect(list.filter((x) => x.top).map((x) => [x.code, x.baseline.value, x.status.kind])).toEqual([
      ['TOP-HAPPINESS', 6.77, 'no-data'],
      ['TOP-POPULATION', 67241, 'no-data'],
    ]);
  });

  it('records, refuses a duplicate (409), corrects (history kept) and rejects bad input (422) with fields', async () => {
    const anonymous = await post(
      '/api/v1/indicators/TOP-HAPPINESS/actuals',
      { fiscalYear: 2024, value: 6.6, source: 'x' },
      {},
    );
    expect(anonymous.status).toBe(401);
    const first = await post('/api/v1/indicators/TOP-HAPPINESS/actuals', {
      fiscalYear: 2024,
      value: 6.6,
      source: '市民意識調査',
    });
    expect(first.status).toBe(201);
    const stored = (await first.json()) as { id: string; enteredBy: string };
    expect(stored.enteredBy).toMatch(new RegExp(`^token:\\d+:${login}$`));
    const dup = await post('/api/v1/indicators/TOP-HAPPINESS/actuals', {
      fiscalYear: 2024,
      value: 6.7,
      source: 'x',
    });
    expect(dup.status).toBe(409);
    const fix = await post(`/api/v1/actuals/${stored.id}/corrections`, { value: 6.8, note: '集計誤り' });
    expect(fix.status).toBe(201);
    const shown = (await (await api.request('/api/v1/indicators/TOP-HAPPINESS?asOf=2025-07-01')).json()) as {
      latest: { value: number };
      values: { versions: { value: number }[] }[];
      status: { label: { ja: string } };
    };
    expect(shown.latest.value).toBe(6.8);
    expect(shown.values[0]!.versions.map((v) => v.value)).toEqual([6.6, 6.8]);
    expect(shown.status.label.ja).toBe('順調');
    const bad = await post('/api/v1/indicators/TOP-HAPPINESS/actuals', {
      fiscalYear: 2025,
      value: 12,
      source: 'x',
    });
    expect(bad.status).toBe(422);
    expect(await bad.json()).toMatchObject({
      error: { code: 'indicator-import/value-out-of-range', details: { where: { field: 'value' } } },
    });
    expect((await api.request('/api/v1/indicators/NOPE')).status).toBe(404);
  });

  it('imports a CSV body: dry run, all-or-nothing on errors with rows, then stores', async () => {
    const send = (csv: string, query: string) =>
      api.request(`/api/v1/actuals/import?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', ...editor },
        body: new TextEncoder().encode(csv),
      });
    // Each import is a background job: answered 202 at once, followed at /api/v1/jobs/{id}.
    const follow = async (res: Response) => followJob(api, ctx, res, editor);
    const bad = await follow(
      await send(
        'code,fiscal_year,value\nTOP-POPULATION,2025,66085\nTOP-POPULATION,2026,abc\n',
        'file=a.csv',
      ),
    );
    expect(bad.status).toBe('failed');
    expect(bad.problems?.[0]?.where).toMatchObject({ file: 'a.csv', row: 3 });
    const csv = 'code,fiscal_year,value\nTOP-POPULATION,2025,66085\n';
    const dry = await follow(await send(csv, 'file=a.csv&dryRun=true'));
    expect(dry.result).toMatchObject({ dryRun: true, recorded: 1 });
    const real = await follow(await send(csv, 'file=a.csv'));
    expect(real).toMatchObject({ status: 'succeeded', result: { dryRun: false, recorded: 1 } });
    const progress = (await (await api.request('/api/v1/progress?asOf=2026-07-01')).json()) as {
      figures: Record<string, { inputs: { code: string }[] }>;
      topIndicators: { code: string; latest: { value: number } | null }[];
    };
    expect(progress.figures['plan']!.inputs.map((i) => i.code)).toEqual(['A', 'B', 'C']);
    expect(progress.topIndicators.map((x) => x.latest?.value)).toEqual([6.8, 66085]);
  });
});
