// The actuals grid's save over HTTP: a department editor's cells as typed are stored all or nothing;
// a cell changed after the page read it answers 409; another department's indicator 403; a reviewer
// may not write. Real database and accounts.
import { contextFor, seedDefaultPlan } from '@mirai/app';
import { describeEachDatabase } from '@mirai/db/testing';
import { beforeAll, expect, it } from 'vitest';
import { createTestAccount, sessionHeaders, testAuthSettings } from '../auth/testing';
import { createApi } from '../create-api';

describeEachDatabase('saving the actuals grid', (t) => {
  let api: ReturnType<typeof createApi>;
  let clerk: Record<string, string>;
  let reviewer: Record<string, string>;
  beforeAll(async () => {
    await seedDefaultPlan(t.handle.db);
    const ctx = contextFor(t.handle);
    api = createApi(ctx, { auth: { settings: testAuthSettings } });
    const json = { origin: 'http://localhost', 'content-type': 'application/json' };
    clerk = {
      ...(await sessionHeaders(
        ctx,
        await createTestAccount(ctx, 'department-editor', { department: 'DEPT-CHILD' }),
      )),
      ...json,
    };
    reviewer = { ...(await sessionHeaders(ctx, await createTestAccount(ctx, 'reviewer'))), ...json };
  });
  const save = (headers: Record<string, string>, cells: unknown[]) =>
    api.request('http://localhost/api/v1/actuals/grid', {
      method: 'POST',
      headers,
      body: JSON.stringify({ source: '児童相談統計', cells }),
    });

  it('stores the cells as typed, then answers 409 for a cell read before that', async () => {
    const cell = { code: 'A-1-M01-P01-A01', fiscalYear: 2025, value: '１，２３４', version: null };
    const first = await save(clerk, [cell]);
    expect(first.status).toBe(200);
    const body = (await first.json()) as { recorded: number; stored: { id: string; value: number }[] };
    expect(body.recorded).toBe(1);
    expect(body.stored[0]?.value).toBe(1234);
    const again = await save(clerk, [{ ...cell, value: '1300' }]);
    expect(again.status).toBe(409);
    const error = ((await again.json()) as { error: { code: string; details: { where: { index: number } } } })
      .error;
    expect(error.code).toBe('indicator-grid/recorded-meanwhile');
    expect(error.details.where.index).toBe(0);
    const fixed = await save(clerk, [{ ...cell, value: '1300', version: body.stored[0]!.id }]);
    expect(fixed.status).toBe(200);
  });

  it('refuses another department’s indicator (403), a reviewer (403), and bad cells (422)', async () => {
    const foreign = await save(clerk, [{ code: 'B-4-M01-K01', fiscalYear: 2025, value: '3', version: null }]);
    expect(foreign.status).toBe(403);
    const refused = await save(reviewer, [
      { code: 'A-1-M01-P01-A01', fiscalYear: 2026, value: '3', version: null },
    ]);
    expect(refused.status).toBe(403);
    const bad = await save(clerk, [
      { code: 'A-1-M01-P01-A01', fiscalYear: 2026, value: '三', version: null },
    ]);
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe(
      'indicator-import/value-not-a-number',
    );
  });
});
