// A full round through the HTTP API with real accounts (bearer tokens), on a real database
// (PGlite, and PostgreSQL with TEST_DATABASE_URL). Sample plan data; sample indicator values.
import { contextFor, fillMeasure, fillProject, recordSampleActuals, seedEvaluationPlan } from '@mirai/app';
import { listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { bearerHeaders, createTestAccount, testAuthSettings } from '../auth/testing';
import { createApi } from '../create-api';
import { followJob } from '../job-testing';

type Json = Record<string, unknown>;

describeEachDatabase('evaluation routes', (t) => {
  let api: ReturnType<typeof createApi>;
  let ctx: ReturnType<typeof contextFor>;
  const h = new Map<string, Record<string, string>>();
  afterAll(() => ctx.jobs.stop());
  beforeAll(async () => {
    ctx = contextFor(t.handle);
    await ctx.jobs.start();
    const doc = await seedEvaluationPlan(t.handle.db);
    await recordSampleActuals(ctx, doc);
    api = createApi(ctx, { auth: { settings: testAuthSettings } });
    const accounts: [string, Parameters<typeof createTestAccount>[1], string?][] = [
      ['planning', 'planning-editor'],
      ['child', 'department-editor', 'DEPT-CHILD'],
      ['industry', 'department-editor', 'DEPT-INDUSTRY'],
      ['safety', 'department-editor', 'DEPT-SAFETY'],
      ['head-child', 'reviewer', 'DEPT-CHILD'],
      ['head', 'reviewer'],
      ['committee', 'committee'],
      ['partner', 'partner'],
    ];
    for (const [key, role, department] of accounts) {
      const account = await createTestAccount(ctx, role, department ? { department } : {});
      h.set(key, await bearerHeaders(ctx, account));
    }
  });
  const call = async (who: string, method: string, path: string, body?: unknown, raw?: Uint8Array) => {
    const headers: Record<string, string> = { ...h.get(who)! };
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (raw) headers['content-type'] = 'application/octet-stream';
    const res = await api.request(`http://localhost/api/v1/evaluation${path}`, {
      method,
      headers,
      ...(body !== undefined
        ? { body: JSON.stringify(body) }
        : raw
          ? { body: raw as unknown as BodyInit }
          : {}),
    });
    const type = res.headers.get('content-type') ?? '';
    return {
      status: res.status,
      body: (type.includes('json') ? await res.json() : new Uint8Array(await res.arrayBuffer())) as Json,
    };
  };
  /** A workbook import: a job (202) followed to its end, as the page does. */
  const importBook = async (who: string, query: string, book: Uint8Array) => {
    const headers = { ...h.get(who)!, 'content-type': 'application/octet-stream' };
    const started = await api.request(`http://localhost/api/v1/evaluation/workbooks?${query}`, {
      method: 'POST',
      headers,
      body: book as unknown as BodyInit,
    });
    return followJob(api, ctx, started, h.get(who)!);
  };
  const sheetPath = (kind: string, code: string) => `/sheets/shiojiri-6th-2024.${kind}.${code}`;
  const version = async (path: string) =>
    ((await call('planning', 'GET', path)).body.sheet as { version: number }).version;

  it('runs a round: open, fill via API and xlsx, approvals and a return, review, publish, lock', async () => {
    expect((await call('child', 'POST', '/rounds', { fiscalYear: 2024 })).status).toBe(403);
    const opened = await call('planning', 'POST', '/rounds', {
      fiscalYear: 2024,
      openedOn: { year: 2025, month: 6, day: 2 },
      scope: {
        measureCodes: ['A-1-M01', 'B-4-M01', 'C-9-M01'],
        projectCodes: ['A-1-M01-P01', 'B-4-M01-P01', 'C-9-M01-P01'],
      },
      entryDue: { year: 2025, month: 7, day: 31 },
    });
    expect(opened.status).toBe(201);
    expect(opened.body.sheets).toBe(6);
    expect((await call('partner', 'GET', '/rounds/2024')).status).toBe(403);
    const overdue = await call('head', 'GET', '/rounds/2024?today=2025-08-05');
    expect((overdue.body.overdue as unknown[]).length).toBe(6);

    // Department CHILD and SAFETY fill their sheets through the API.
    for (const [who, project, measure] of [
      ['child', 'A-1-M01-P01', 'A-1-M01'],
      ['safety', 'C-9-M01-P01', 'C-9-M01'],
    ] as const) {
      for (const [kind, code] of [
        ['project', project],
        ['measure', measure],
      ] as const) {
        const got = await call(who, 'GET', sheetPath(kind, code));
        expect(got.status).toBe(200);
        const sheet = got.body.sheet as { version: number; content: never };
        const content = kind === 'project' ? fillProject(sheet.content) : fillMeasure(sheet.content);
        const saved = await call(who, 'PUT', sheetPath(kind, code), {
          expectedVersion: sheet.version,
          content,
        });
        expect(saved.status, JSON.stringify(saved.body)).toBe(200);
        // The same edit from the version read before is now stale: 409, nothing overwritten.
        const again = await call(who, 'PUT', sheetPath(kind, code), {
          expectedVersion: sheet.version,
          content,
        });
        expect(again.status).toBe(409);
        expect((again.body.error as Json).code).toBe('evaluation/stale-version');
      }
    }
    const foreign = await call('safety', 'PUT', sheetPath('project', 'A-1-M01-P01'), {
      expectedVersion: 2,
      content: fillProject(
        ((await call('child', 'GET', sheetPath('project', 'A-1-M01-P01'))).body.sheet as { content: never })
          .content,
      ),
    });
    expect(foreign.status).toBe(403);

    // Department INDUSTRY through its workbook: download, fill, dry run, import.
    const book = await call('industry', 'GET', '/rounds/2024/workbooks/DEPT-INDUSTRY');
    expect(book.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(book.body as unknown as ArrayBuffer);
    const set = (ws: ExcelJS.Worksheet, label: string, v: string | number) => {
      for (let r = 1; r <= ws.rowCount; r++)
        if (ws.getCell(`A${r}`).value === label) ws.getCell(`B${r}`).value = v;
    };
    const p = wb.getWorksheet('B-4-M01-P01')!;
    for (const [label, v] of [
      ['事業開始年度', 2019],
      ['実施方法', '補助'],
      ['対象（誰・何を）', '創業希望者'],
      ['意図（どういう状態にしたいか）', '創業が増える'],
      ['手段（事業内容）', '創業塾'],
      ['財源：一般財源', 8000],
      ['必要性', '5'],
      ['有効性', '4'],
      ['効率性', '3'],
      ['手段の適切性', '4'],
      ['総合評価', 'B'],
      ['今後の方向性', '継続'],
      ['課題', '定着支援'],
    ] as const)
      set(p, label, v);
    const m = wb.getWorksheet('B-4-M01')!;
    for (const [label, v] of [
      ['施策の目指す姿', '挑戦する人が集まる'],
      ['総合評価', 'B'],
      ['課題', '周知'],
    ] as const)
      set(m, label, v);
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const dry = await importBook('industry', 'dryRun=true&file=industry.xlsx&fy=2024', filled);
    expect(dry.status, JSON.stringify(dry.problems)).toBe('succeeded');
    expect((dry.result as { changed: unknown[] }).changed.length).toBe(2);
    expect(await version(sheetPath('project', 'B-4-M01-P01'))).toBe(1);
    // Another department's workbook: the job refuses it (403's problem), nothing stored.
    const foreignBook = await importBook('child', 'file=industry.xlsx', filled);
    expect(foreignBook.status).toBe('failed');
    expect(foreignBook.problems?.[0]?.kind).toBe('forbidden');
    expect(await version(sheetPath('project', 'B-4-M01-P01'))).toBe(1);
    // Accounts outside the cycle are refused at once, with no job.
    const partner = await api.request('http://localhost/api/v1/evaluation/workbooks?file=industry.xlsx', {
      method: 'POST',
      headers: { ...h.get('partner')!, 'content-type': 'application/octet-stream' },
      body: filled as unknown as BodyInit,
    });
    expect(partner.status).toBe(403);
    const imported = await importBook('industry', 'file=industry.xlsx&fy=2024', filled);
    expect(imported.status).toBe('succeeded');
    expect(await version(sheetPath('project', 'B-4-M01-P01'))).toBe(2);

    const act = async (who: string, kind: string, code: string, action: string, comment?: string) => {
      const path = sheetPath(kind, code);
      return call(who, 'POST', `${path}/${action}`, {
        expectedVersion: await version(path),
        ...(comment ? { comment } : {}),
      });
    };
    const sheets = [
      ['child', 'project', 'A-1-M01-P01'],
      ['child', 'measure', 'A-1-M01'],
      ['industry', 'project', 'B-4-M01-P01'],
      ['industry', 'measure', 'B-4-M01'],
      ['safety', 'project', 'C-9-M01-P01'],
      ['safety', 'measure', 'C-9-M01'],
    ] as const;
    for (const [who, kind, code] of sheets) expect((await act(who, kind, code, 'submit')).status).toBe(200);
    // A return by the section head needs a comment; the department fixes and resubmits.
    expect((await act('head-child', 'project', 'A-1-M01-P01', 'return')).status).toBe(422);
    expect(
      (await act('head-child', 'project', 'A-1-M01-P01', 'return', '指標の説明を追加してください')).status,
    ).toBe(200);
    expect((await act('child', 'project', 'A-1-M01-P01', 'submit')).status).toBe(200);
    expect((await act('child', 'project', 'A-1-M01-P01', 'approve')).status).toBe(403);
    for (const [, kind, code] of sheets) expect((await act('head', kind, code, 'approve')).status).toBe(200);
    for (const [, kind, code] of sheets)
      expect((await act('planning', kind, code, 'review')).status).toBe(200);
    const round = async () =>
      (await call('planning', 'GET', '/rounds/2024')).body.round as { version: number };
    const move = async (action: string) =>
      call('planning', 'POST', '/rounds/2024/transitions', {
        action,
        expectedVersion: (await round()).version,
      });
    expect((await move('close')).status).toBe(200);
    expect((await move('publish')).status).toBe(200);
    expect((await move('lock')).status).toBe(200);
    const final = await call('committee', 'GET', '/rounds/2024');
    expect((final.body.counts as Json).published).toBe(6);
    expect(
      (await call('child', 'POST', `${sheetPath('measure', 'A-1-M01')}/submit`, { expectedVersion: 1 }))
        .status,
    ).toBe(409);

    const trail = await listAudit(t.handle.db, {
      entityType: 'evaluation_sheet',
      entityId: 'shiojiri-6th-2024.project.A-1-M01-P01',
    });
    expect(trail.map((a) => a.action)).toEqual([
      'evaluation.sheet.save',
      'evaluation.sheet.submit',
      'evaluation.sheet.return',
      'evaluation.sheet.submit',
      'evaluation.sheet.approve',
      'evaluation.sheet.review',
      'evaluation.sheet.publish',
    ]);
    expect(trail.every((a) => a.actor.startsWith('token:'))).toBe(true);

    const csv = await call('planning', 'GET', '/rounds/2024/sheets.csv?encoding=cp932');
    expect(csv.status).toBe(200);
    const review = await call('planning', 'GET', '/reviews/1');
    expect(review.status).toBe(200);
    expect((review.body.measures as { measureCode: string }[]).map((x) => x.measureCode)).toEqual([
      'A-1-M01',
      'B-4-M01',
      'C-9-M01',
    ]);
    const concl = await call('planning', 'PUT', '/reviews/1/conclusions', {
      expectedVersion: 0,
      conclusions: [
        { measureCode: 'B-4-M01', proposal: 'revise', assessment: '（サンプル）定着支援を加える' },
      ],
    });
    expect(concl.status).toBe(200);
    const draft = await call('planning', 'GET', '/reviews/1/next-phase-draft');
    expect(
      (draft.body.measures as { derivedFrom: string[]; proposal: string }[]).find((x) =>
        x.derivedFrom.includes('B-4-M01'),
      )?.proposal,
    ).toBe('revise');
  });
});
