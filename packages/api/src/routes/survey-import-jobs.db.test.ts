// The survey-wave import as a background job (decisions 0098, 0099), through the real API on a real
// database: 202 + a job the page follows to its summary; a dry run stores nothing; a file with a bad
// answer fails the job with the problem's row; a wave that exists is a conflict; a bad description is
// refused at once with no job. The responses are SAMPLE data made here.
import { contextFor, listSurveyWaves, seedDefaultPlan } from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestAccount, sessionHeaders, testAuthSettings } from '../auth/testing';
import { createApi } from '../create-api';
import { followJob } from '../job-testing';

const meta = (code: string) =>
  JSON.stringify({
    code,
    title: '（サンプル）市民アンケート',
    questions: [{ code: '幸福度', wording: { ja: '幸福度' }, scale: { min: 0, max: 10 } }],
    attributes: ['年代'],
  });
const responses = (bad = false) => {
  const lines = ['年代,幸福度'];
  for (let i = 0; i < 40; i++) lines.push(`${['20代', '30代'][i % 2]},${i % 11}`);
  if (bad) lines[4] = '20代,15';
  return new File([`${lines.join('\n')}\n`], 'wave.csv', { type: 'text/csv' });
};

describeEachDatabase('survey-wave imports as background jobs', (t) => {
  let api: ReturnType<typeof createApi>;
  let ctx: ReturnType<typeof contextFor>;
  let headers: Record<string, string>;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
    await ctx.jobs.start();
    api = createApi(ctx, { auth: { settings: testAuthSettings } });
    const editor = await createTestAccount(ctx, 'planning-editor');
    headers = { ...(await sessionHeaders(ctx, editor)), origin: 'http://localhost' };
  });
  afterAll(() => ctx.jobs.stop());

  const post = (form: Record<string, string | File>) => {
    const body = new FormData();
    for (const [k, v] of Object.entries(form)) body.append(k, v);
    return api.request('http://localhost/api/v1/surveys/waves', { method: 'POST', headers, body });
  };
  const codes = async () => {
    const r = await listSurveyWaves(ctx);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    return r.value.map((w) => w.code);
  };
  const jobs = async () =>
    Number((await sql<{ n: number }>`SELECT count(*)::int AS n FROM jobs`.execute(t.handle.db)).rows[0]?.n);

  it('answers 202 and a job with the summary; a dry run stores nothing, the import stores the wave', async () => {
    const dry = await followJob(
      api,
      ctx,
      await post({ responses: responses(), meta: meta('S1'), dryRun: 'true' }),
      headers,
    );
    expect(dry.status).toBe('succeeded');
    expect(dry.result).toEqual({ code: 'S1', respondents: 40, dryRun: true });
    expect(await codes()).toEqual([]);
    const done = await followJob(api, ctx, await post({ responses: responses(), meta: meta('S1') }), headers);
    expect(done.result).toEqual({ code: 'S1', respondents: 40, dryRun: false });
    expect(done.progress).toBe(1);
    expect(await codes()).toEqual(['S1']);
  });

  it('a bad answer fails the job with its row; a wave that exists is a conflict; nothing stored', async () => {
    const bad = await followJob(
      api,
      ctx,
      await post({ responses: responses(true), meta: meta('S2') }),
      headers,
    );
    expect(bad.status).toBe('failed');
    expect(bad.problems?.[0]?.where).toMatchObject({ file: 'wave.csv', row: 5 });
    const again = await followJob(
      api,
      ctx,
      await post({ responses: responses(), meta: meta('S1') }),
      headers,
    );
    expect(again.status).toBe('failed');
    expect(again.problems?.map((p) => p.kind)).toContain('conflict');
    expect(await codes()).toEqual(['S1']);
  });

  it('refuses a bad description at once, with no job', async () => {
    const before = await jobs();
    const r = await post({ responses: responses(), meta: '{"code": ""}' });
    expect(r.status).toBe(422);
    expect(await jobs()).toBe(before);
  });
});
