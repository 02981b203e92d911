// A department editor imports indicator actuals: only rows of the department's own indicators are
// accepted; one foreign row refuses the whole file and stores nothing (many: 499 problems and a count).
import { contextFor, seedDefaultPlan } from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestAccount, sessionHeaders, testAuthSettings } from '../auth/testing';
import { createApi } from '../create-api';
import { followJob } from '../job-testing';

describeEachDatabase('indicator import by a department editor', (t) => {
  let api: ReturnType<typeof createApi>;
  let headers: Record<string, string>;
  let clerkLogin = '';
  let ctx: ReturnType<typeof contextFor>;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
    await ctx.jobs.start();
    api = createApi(ctx, { auth: { settings: testAuthSettings } });
    const clerk = await createTestAccount(ctx, 'department-editor', { department: 'DEPT-CHILD' });
    clerkLogin = clerk.login;
    headers = {
      ...(await sessionHeaders(ctx, clerk)),
      origin: 'http://localhost',
      'content-type': 'text/csv',
    };
  });
  afterAll(() => ctx.jobs.stop());

  // The import runs as a background job; its problems (or result) are read back as a page does.
  const send = async (csv: string) =>
    followJob(
      api,
      ctx,
      await api.request('http://localhost/api/v1/actuals/import?file=actuals.csv', {
        method: 'POST',
        headers,
        body: csv,
      }),
      headers,
    );
  const count = async () =>
    Number(
      (await sql<{ n: number }>`SELECT count(*)::int AS n FROM indicator_actuals`.execute(t.handle.db))
        .rows[0]?.n,
    );

  it('refuses the whole file when one row is another department’s indicator', async () => {
    const job = await send('code,fiscal_year,value\nA-1-M01-K01,2024,37\nB-4-M01-K01,2024,21\n');
    expect(job.status).toBe('failed');
    expect(job.problems?.map((p) => [p.code, p.where?.row])).toEqual([['indicator/other-department', 3]]);
    expect(await count()).toBe(0);
  });

  it('keeps at most 499 foreign-row problems and counts the rest in one more; stores nothing', async () => {
    // 600 distinct rows of another department's indicator (one a day): each passes the row check.
    const day = (i: number) => new Date(Date.UTC(2024, 3, 1 + i)).toISOString().slice(0, 10);
    const rows = Array.from({ length: 600 }, (_, i) => `B-4-M01-K01,${day(i)},21`);
    const job = await send(`code,date,value\n${rows.join('\n')}\n`);
    expect(job.status).toBe('failed');
    const problems = job.problems ?? [];
    expect(problems).toHaveLength(500);
    expect(problems.slice(0, 499).every((p) => p.code === 'indicator/other-department')).toBe(true);
    expect(problems.slice(0, 2).map((p) => p.where?.row)).toEqual([2, 3]);
    expect(problems[499]?.code).toBe('indicator-import/more-problems');
    expect(problems[499]?.message.en).toBe(
      'There are more problems (the first 499 of 600 are shown). Please correct the file and try again.',
    );
    expect(await count()).toBe(0);
  });

  it('imports the department’s own rows', async () => {
    const job = await send('code,fiscal_year,value\nA-1-M01-K01,令和6年度,３７\n');
    expect(job).toMatchObject({ httpStatus: 200, status: 'succeeded', result: { recorded: 1 } });
    expect(await count()).toBe(1);
  });

  it('public reads of the indicator name no account', async () => {
    for (const path of ['/api/v1/indicators/A-1-M01-K01', '/api/v1/indicators']) {
      const text = await (await api.request(`http://localhost${path}`)).text();
      expect(text).toContain('"value":37');
      expect(text).not.toContain(clerkLogin);
    }
  });
});
