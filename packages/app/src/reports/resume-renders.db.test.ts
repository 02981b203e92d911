// The start-time re-queue of missing public PDFs across municipalities (decisions 0103, 0153), on
// PGlite and PostgreSQL: the municipalities with a published (or locked) round are found in one
// query as global work, and each of them, only them, gets its missing render queued once.
import { readFileSync } from 'node:fs';
import { globally, withMunicipality } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import { type AppContext, contextFor } from '../context';
import { getCurrentPlan } from '../plan/plan-use-cases';
import { seedDefaultPlan } from '../plan/seed-default-plan';
import { addMunicipality } from '../tenancy/municipality-use-cases';
import { resumePublicationRendersEverywhere } from './report-jobs';

const otherPlan = new URL('../../../../data/examples/midorino/plan.yaml', import.meta.url);

describeEachDatabase('queueing missing public PDFs at start, per municipality', (t) => {
  let ctx: AppContext;
  let a: string;
  let b: string;

  /** A round of the bound municipality's plan in `state` (no sheets: the re-queue reads rounds only). */
  const round = (code: string, state: string) =>
    withMunicipality(code, () =>
      sql`INSERT INTO evaluation_rounds (id, plan_id, fiscal_year, conducted_in_fiscal_year, opened_on,
            scope, stages, templates, state, version, created_by)
          SELECT 'r-' || id, id, 2024, 2025, '2025-06-02', '{"measureCodes":[],"projectCodes":[]}',
            '[]', '{}', ${state}, 1, 'test'
          FROM plans`.execute(ctx.database.db),
    );
  const setState = (code: string, state: string) =>
    withMunicipality(code, () => sql`UPDATE evaluation_rounds SET state = ${state}`.execute(ctx.database.db));

  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    ctx = contextFor(t.handle);
    const current = await getCurrentPlan(ctx);
    if (!current.ok) throw new Error('no plan');
    a = current.value.document.municipality.code;
    expect((await addMunicipality(ctx, { code: a, hosts: ['a.example'], actor: 'test' })).ok).toBe(true);
    const text = readFileSync(otherPlan, 'utf8');
    b = /code:\s*'?"?(\d{5,6})/.exec(text)![1]!;
    const added = await addMunicipality(ctx, {
      code: b,
      hosts: ['b.example'],
      plan: { text, file: 'plan.yaml' },
      actor: 'test',
      admin: false,
    });
    if (!added.ok) throw new Error(JSON.stringify(added.problems));
  }, 120_000);

  it('queues a render only where a round is published or locked, once', async () => {
    expect(await resumePublicationRendersEverywhere(ctx)).toEqual({});
    await round(a, 'published');
    await round(b, 'open');
    // The jobs are not started: a queued render stays queued, so it is not queued again.
    expect(await resumePublicationRendersEverywhere(ctx)).toEqual({ [a]: [2024] });
    expect(await resumePublicationRendersEverywhere(ctx)).toEqual({});
    await setState(b, 'locked');
    expect(await resumePublicationRendersEverywhere(ctx)).toEqual({ [b]: [2024] });
    const queued = await globally(() =>
      sql<{ m: string; n: number }>`
        SELECT municipality_code AS m, count(*)::int AS n FROM jobs GROUP BY 1 ORDER BY 1`.execute(
        t.handle.db,
      ),
    );
    expect(queued.rows).toEqual(
      [
        { m: a, n: 1 },
        { m: b, n: 1 },
      ].sort((x, y) => x.m.localeCompare(y.m)),
    );
  });
});
