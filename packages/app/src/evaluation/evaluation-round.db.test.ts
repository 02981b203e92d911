// A full round through the use cases and xlsx workbooks on a real database (PGlite, and PostgreSQL
// when TEST_DATABASE_URL is set). The plan's sample measures/projects; sample indicator values.
import type { Actor, MeasureSheetContent, ProjectSheetContent } from '@mirai/core';
import { listAudit } from '@mirai/db';
import { describeEachDatabase } from '@mirai/db/testing';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { UserActor } from '../auth/actor';
import type { AccountRole } from '../auth/roles';
import { type AppContext, contextFor } from '../context';
import {
  listMyNotifications,
  markMyNotificationRead,
  sendEvaluationReminders,
} from '../notifications/notification-use-cases';
import { getTheoryFindings, produceMediumTermReview } from './review-use-cases';
import { exportRoundCsv } from './round-csv';
import { getRoundStatus, openEvaluationRound, transitionEvaluationRound } from './round-use-cases';
import { addSheetComment, listSheetComments } from './sheet-comments';
import {
  getEvaluationSheet,
  saveEvaluationSheet,
  saveReviewComment,
  transitionEvaluationSheet,
} from './sheet-use-cases';
import {
  fillMeasure,
  fillProject,
  recordSampleActuals,
  seedEvaluationPlan,
} from './testing/evaluation-fixture';
import { exportRoundWorkbooks } from './xlsx/export-workbook';
import { importEvaluationWorkbook } from './xlsx/import-workbook';

const planning: Actor = { id: 'user:kikaku', role: 'planning-division' };
const editor = (dept: string): Actor => ({
  id: `user:ed-${dept}`,
  role: 'department-editor',
  departmentCode: dept,
});
const head = (dept: string): Actor => ({
  id: `user:head-${dept}`,
  role: 'section-head',
  departmentCode: dept,
});
const committee: Actor = { id: 'user:iin', role: 'committee' };
const codesOf = (r: { ok: boolean; problems?: { code: string }[] }) =>
  r.ok ? [] : r.problems!.map((p) => p.code);

async function mustOk<T>(
  p: Promise<{ ok: true; value: T } | { ok: false; problems: unknown[] }>,
): Promise<T> {
  const r = await p;
  if (!r.ok) throw new Error(JSON.stringify(r.problems, null, 1));
  return r.value;
}

async function editWorkbook(buffer: Buffer, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const cellByLabel = (ws: ExcelJS.Worksheet, label: string) => {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(`A${r}`).value === label) return ws.getCell(`B${r}`);
  throw new Error(`no row ${label}`);
};

describeEachDatabase('evaluation round (use cases and xlsx)', (t) => {
  let ctx: AppContext;
  const sheetId = (kind: string, code: string) => `shiojiri-6th-2024.${kind}.${code}`;
  beforeAll(async () => {
    ctx = contextFor(t.handle);
    const doc = await seedEvaluationPlan(t.handle.db);
    await recordSampleActuals(ctx, doc);
  });

  it('opens a round with scope and cascading due dates, refusing a second one and bad input', async () => {
    const bad = await openEvaluationRound(ctx, {
      fiscalYear: 2024,
      actor: planning,
      openedOn: { year: 2025, month: 3, day: 1 },
      scope: { measureCodes: ['NOPE'], projectCodes: [] },
    });
    expect(codesOf(bad)).toContain('evaluation/scope-unknown');
    expect(codesOf(bad)).toContain('evaluation/opened-before-year-closed');
    const opened = await mustOk(
      openEvaluationRound(ctx, {
        fiscalYear: 2024,
        actor: planning,
        openedOn: { year: 2025, month: 6, day: 2 },
        scope: {
          measureCodes: ['A-1-M01', 'B-4-M01', 'C-9-M01'],
          projectCodes: ['A-1-M01-P01', 'B-4-M01-P01', 'C-9-M01-P01'],
        },
        entryDue: { year: 2025, month: 7, day: 31 },
        gaps: { 'section-head': 14, 'planning-division': 21, 'external-committee': 30 },
      }),
    );
    expect(opened.sheets).toBe(6);
    expect(opened.stages.map((s) => `${s.stage}:${s.due.month}/${s.due.day}`)).toEqual([
      'department-entry:7/31',
      'section-head:8/14',
      'planning-division:9/4',
      'external-committee:10/4',
    ]);
    const again = await openEvaluationRound(ctx, {
      fiscalYear: 2024,
      actor: planning,
      openedOn: { year: 2025, month: 6, day: 2 },
    });
    expect(codesOf(again)).toEqual(['evaluation/round-exists']);
    const status = await mustOk(getRoundStatus(ctx, 2024, { today: { year: 2025, month: 8, day: 3 } }));
    expect(status.counts.draft).toBe(6);
    expect(status.overdue.map((o) => o.daysOverdue)).toEqual([3, 3, 3, 3, 3, 3]);
    const reminders = await mustOk(getRoundStatus(ctx, 2024, { today: { year: 2025, month: 7, day: 24 } }));
    expect(reminders.reminders).toHaveLength(6);
    expect(reminders.reminders[0]!.daysLeft).toBe(7);
    // Reminders become notifications once: a second run the same day sends nothing again.
    const today = { year: 2025, month: 7, day: 24 };
    expect(await mustOk(sendEvaluationReminders(ctx, 2024, { actor: 'scheduler', today }))).toEqual({
      sent: 6,
      skipped: 0,
      mailed: 0,
    });
    expect(await mustOk(sendEvaluationReminders(ctx, 2024, { actor: 'scheduler', today }))).toEqual({
      sent: 0,
      skipped: 6,
      mailed: 0,
    });
    const dept = reminders.reminders[0]!.departmentCode;
    const inbox = await mustOk(
      listMyNotifications(ctx, {
        kind: 'user',
        via: 'session',
        userId: 902,
        login: 'clerk',
        role: 'department-editor',
        department: dept,
        links: [],
        mustChangePassword: false,
      }),
    );
    expect(inbox.filter((n) => n.kind.startsWith('evaluation.reminder.')).length).toBe(
      reminders.reminders.filter((r) => r.departmentCode === dept).length,
    );
    // Each links to the sheet's page (/staff/sheets/:id), which the server answers.
    for (const n of inbox) expect(n.link).toMatch(/^\/staff\/sheets\/shiojiri-6th-2024\./);
  });

  it('saves a sheet with the version read; a stale write and another department are refused', async () => {
    const id = sheetId('project', 'A-1-M01-P01');
    const view = await mustOk(getEvaluationSheet(ctx, id));
    expect(view.indicatorRows.map((r) => [r.code, r.role, r.current.actual, r.current.target])).toEqual([
      ['A-1-M01-P01-A01', 'activity', 421, 420],
      ['A-1-M01-K01', 'outcome', 37, 38],
    ]);
    const filled = fillProject(view.sheet.content as ProjectSheetContent);
    const saved = await mustOk(
      saveEvaluationSheet(ctx, {
        sheetId: id,
        content: filled,
        expectedVersion: 1,
        actor: editor('DEPT-CHILD'),
      }),
    );
    expect(saved.version).toBe(2);
    // A second clerk saving from the same version 1 does not overwrite the first.
    const late = await saveEvaluationSheet(ctx, {
      sheetId: id,
      content: { ...filled, issues: 'other clerk' },
      expectedVersion: 1,
      actor: editor('DEPT-CHILD'),
    });
    expect(codesOf(late)).toEqual(['evaluation/stale-version']);
    // Two clerks saving at the same moment from the same version: exactly one wins.
    const c9 = sheetId('project', 'C-9-M01-P01');
    const c9view = await mustOk(getEvaluationSheet(ctx, c9));
    const both = await Promise.all(
      ['one', 'two'].map((who) =>
        saveEvaluationSheet(ctx, {
          sheetId: c9,
          content: fillProject(c9view.sheet.content as ProjectSheetContent, { issues: who }),
          expectedVersion: 1,
          actor: editor('DEPT-SAFETY'),
        }),
      ),
    );
    expect(both.map((r) => (r.ok ? 'ok' : r.problems[0]!.code)).sort()).toEqual([
      'evaluation/stale-version',
      'ok',
    ]);
    expect((await mustOk(getEvaluationSheet(ctx, c9))).sheet.version).toBe(2);
    const other = await saveEvaluationSheet(ctx, {
      sheetId: id,
      content: filled,
      expectedVersion: 2,
      actor: editor('DEPT-SAFETY'),
    });
    expect(codesOf(other)).toEqual(['evaluation/other-department']);
    const outOfScale = await saveEvaluationSheet(ctx, {
      sheetId: id,
      content: { ...filled, overallRating: 'Z', projectCode: 'X' },
      expectedVersion: 2,
      actor: editor('DEPT-CHILD'),
    });
    expect(codesOf(outOfScale)).toEqual(['evaluation/identity-changed']);
    const after = await mustOk(getEvaluationSheet(ctx, id));
    expect(after.sheet.version).toBe(2);
    expect((after.sheet.content as ProjectSheetContent).issues).toBe('（サンプル）相談員の確保');
    expect(after.cost?.staffCost).toBe(2800);
  });

  it('exports a workbook per department; importing it unchanged changes nothing', async () => {
    const books = await mustOk(exportRoundWorkbooks(ctx, { fiscalYear: 2024 }));
    expect(books.map((b) => [b.departmentCode, b.sheets])).toEqual([
      ['DEPT-CHILD', 2],
      ['DEPT-INDUSTRY', 2],
      ['DEPT-SAFETY', 2],
    ]);
    // Labels locked, inputs open, every sheet protected, the IDs in a very hidden sheet.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(books[0]!.buffer as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('A-1-M01-P01')!;
    expect((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet).toBe(true);
    expect(ws.getCell('A3').protection?.locked).not.toBe(false);
    expect(cellByLabel(ws, '事業名').protection?.locked).not.toBe(false);
    expect(cellByLabel(ws, '課題').protection?.locked).toBe(false);
    expect(cellByLabel(ws, '課題').value).toBe('（サンプル）相談員の確保');
    expect(wb.getWorksheet('_mirai_ids')!.state).toBe('veryHidden');
    // The measure sheet asks link by link; the indicators' suggestion stands beside each link.
    const m = wb.getWorksheet('A-1-M01')!;
    const linkRow = [...Array(m.rowCount).keys()]
      .map((i) => m.getRow(i + 1))
      .find((row) => String(row.getCell(1).value).startsWith('道筋 out1>oc1'))!;
    expect(linkRow.getCell(2).protection?.locked).toBe(false);
    expect(linkRow.getCell(4).value).toBe('指標からの示唆：成立（改善→改善）');
    expect(wb.worksheets.map((w) => w.name)).toEqual(['表紙', '_mirai_ids', 'A-1-M01-P01', 'A-1-M01']);
    const auditBefore = (await listAudit(t.handle.db)).length;
    const statusBefore = await mustOk(getRoundStatus(ctx, 2024));
    for (const b of books) {
      const r = await mustOk(
        importEvaluationWorkbook(ctx, { file: b.fileName, bytes: b.buffer, actor: planning }),
      );
      expect(r.changed).toEqual([]);
      expect(r.unchanged).toBe(b.sheets);
    }
    expect((await listAudit(t.handle.db)).length).toBe(auditBefore);
    expect((await mustOk(getRoundStatus(ctx, 2024))).sheets).toEqual(statusBefore.sheets);
  });

  it('lists every workbook problem by worksheet and cell and stores nothing', async () => {
    const [book] = await mustOk(
      exportRoundWorkbooks(ctx, { fiscalYear: 2024, departmentCode: 'DEPT-INDUSTRY' }),
    );
    const edited = await editWorkbook(book!.buffer, (wb) => {
      const ws = wb.getWorksheet('B-4-M01-P01')!;
      cellByLabel(ws, '総合評価').value = 'Z';
      cellByLabel(ws, '事業開始年度').value = '令和二年';
      cellByLabel(ws, '対象（誰・何を）').value = '新しい対象';
      ws.getCell('A3').value = '年度（改）';
      const m = wb.getWorksheet('B-4-M01')!;
      cellByLabel(m, '施策の目指す姿').value = '新しい姿';
    });
    const r = await importEvaluationWorkbook(ctx, {
      file: 'industry.xlsx',
      bytes: edited,
      actor: editor('DEPT-CHILD'),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.where?.sheet, p.where?.cell])).toEqual([
      ['evaluation-xlsx/other-department', '_mirai_ids', 'D2'],
    ]);
    const r2 = await importEvaluationWorkbook(ctx, {
      file: 'industry.xlsx',
      bytes: edited,
      actor: editor('DEPT-INDUSTRY'),
    });
    if (r2.ok) throw new Error('expected problems');
    const found = r2.problems.map((p) => `${p.code}@${p.where?.sheet}!${p.where?.cell}`);
    expect(found).toEqual(
      expect.arrayContaining([
        'evaluation-xlsx/label-edited@B-4-M01-P01!A3',
        expect.stringMatching(/^evaluation-xlsx\/number-invalid@B-4-M01-P01!B\d+$/),
      ]),
    );
    expect(r2.problems.every((p) => p.where?.file === 'industry.xlsx')).toBe(true);
    // Without the label edit, the rating outside its scale is named with its cell.
    const rating = await editWorkbook(book!.buffer, (wb) => {
      cellByLabel(wb.getWorksheet('B-4-M01-P01')!, '総合評価').value = 'Z';
      cellByLabel(wb.getWorksheet('B-4-M01')!, '施策の目指す姿').value = '新しい姿';
    });
    const r3 = await importEvaluationWorkbook(ctx, {
      file: 'industry.xlsx',
      bytes: rating,
      actor: editor('DEPT-INDUSTRY'),
    });
    if (r3.ok) throw new Error('expected problems');
    const ws = (await new ExcelJS.Workbook().xlsx.load(book!.buffer as unknown as ArrayBuffer)).getWorksheet(
      'B-4-M01-P01',
    )!;
    expect(r3.problems.map((p) => [p.code, p.where?.sheet, p.where?.cell])).toEqual([
      ['evaluation/rating-out-of-scale', 'B-4-M01-P01', cellByLabel(ws, '総合評価').address],
    ]);
    const status = await mustOk(getRoundStatus(ctx, 2024));
    expect(status.sheets.filter((s) => s.departmentCode === 'DEPT-INDUSTRY').map((s) => s.version)).toEqual([
      1, 1,
    ]);
  });

  it('refuses another round’s workbook, edited IDs, a stale version and an oversized file', async () => {
    const [book] = await mustOk(
      exportRoundWorkbooks(ctx, { fiscalYear: 2024, departmentCode: 'DEPT-CHILD' }),
    );
    const other = await importEvaluationWorkbook(ctx, {
      file: 'c.xlsx',
      bytes: book!.buffer,
      actor: planning,
      fiscalYear: 2025,
    });
    expect(codesOf(other)).toEqual(['evaluation-xlsx/other-round']);
    const ids = await editWorkbook(book!.buffer, (wb) => {
      wb.getWorksheet('_mirai_ids')!.getCell('E4').value = 99;
    });
    expect(
      codesOf(await importEvaluationWorkbook(ctx, { file: 'c.xlsx', bytes: ids, actor: planning })),
    ).toEqual(['evaluation-xlsx/ids-edited']);
    // Someone saves through the API after the export; the workbook's edit is then stale.
    const id = sheetId('project', 'A-1-M01-P01');
    const view = await mustOk(getEvaluationSheet(ctx, id));
    await mustOk(
      saveEvaluationSheet(ctx, {
        sheetId: id,
        content: { ...(view.sheet.content as ProjectSheetContent), improvements: '（サンプル）訪問の拡大' },
        expectedVersion: view.sheet.version,
        actor: editor('DEPT-CHILD'),
      }),
    );
    const staleBook = await editWorkbook(book!.buffer, (wb) => {
      cellByLabel(wb.getWorksheet('A-1-M01-P01')!, '課題').value = 'ブックでの編集';
    });
    const stale = await importEvaluationWorkbook(ctx, {
      file: 'c.xlsx',
      bytes: staleBook,
      actor: editor('DEPT-CHILD'),
    });
    expect(codesOf(stale)).toEqual(['evaluation/stale-version']);
    const big = await importEvaluationWorkbook(ctx, {
      file: 'c.xlsx',
      bytes: book!.buffer,
      actor: planning,
      limits: { maxBytes: 100, maxExpandedBytes: 1e9, maxEntries: 1e4, maxRatio: 1e3 },
    });
    expect(codesOf(big)).toEqual(['io/xlsx-too-large']);
    const bomb = await importEvaluationWorkbook(ctx, {
      file: 'c.xlsx',
      bytes: book!.buffer,
      actor: planning,
      limits: { maxBytes: 1e8, maxExpandedBytes: 1000, maxEntries: 1e4, maxRatio: 1e3 },
    });
    expect(codesOf(bomb)).toEqual(['io/xlsx-expands-too-much']);
  });

  it('fills sheets through a workbook (dry run first) and runs the workflow to a locked round', async () => {
    const [book] = await mustOk(
      exportRoundWorkbooks(ctx, { fiscalYear: 2024, departmentCode: 'DEPT-INDUSTRY' }),
    );
    const filled = await editWorkbook(book!.buffer, (wb) => {
      const p = wb.getWorksheet('B-4-M01-P01')!;
      cellByLabel(p, '事業開始年度').value = 2019;
      cellByLabel(p, '実施方法').value = '補助、委託';
      cellByLabel(p, '対象（誰・何を）').value = '（サンプル）市内で創業する人';
      cellByLabel(p, '意図（どういう状態にしたいか）').value = '（サンプル）創業が続く';
      cellByLabel(p, '手段（事業内容）').value = '（サンプル）創業塾と補助金';
      cellByLabel(p, '財源：一般財源').value = 8000;
      cellByLabel(p, '人工（人・年）').value = 0.5;
      cellByLabel(p, '平均職員費').value = 8000;
      for (const [label, v] of [
        ['必要性', '5'],
        ['有効性', '3'],
        ['効率性', '3'],
        ['手段の適切性', '4'],
        ['総合評価', 'C'],
      ])
        cellByLabel(p, label!).value = v!;
      cellByLabel(p, '今後の方向性').value = '改善';
      cellByLabel(p, '課題').value = '（サンプル）創業後の定着';
      const m = wb.getWorksheet('B-4-M01')!;
      cellByLabel(m, '施策の目指す姿').value = '（サンプル）挑戦する人が集まる';
      cellByLabel(m, '総合評価').value = 'B';
      cellByLabel(m, '課題').value = '（サンプル）支援の周知';
    });
    const dry = await mustOk(
      importEvaluationWorkbook(ctx, {
        file: 'industry.xlsx',
        bytes: filled,
        actor: editor('DEPT-INDUSTRY'),
        dryRun: true,
      }),
    );
    expect(dry.changed.map((c) => [c.sheetId, c.fromVersion, c.toVersion])).toEqual([
      [sheetId('project', 'B-4-M01-P01'), 1, 2],
      [sheetId('measure', 'B-4-M01'), 1, 2],
    ]);
    expect((await mustOk(getEvaluationSheet(ctx, sheetId('project', 'B-4-M01-P01')))).sheet.version).toBe(1);
    await mustOk(
      importEvaluationWorkbook(ctx, { file: 'industry.xlsx', bytes: filled, actor: editor('DEPT-INDUSTRY') }),
    );
    const viaXlsx = (await mustOk(getEvaluationSheet(ctx, sheetId('project', 'B-4-M01-P01')))).sheet;
    expect(viaXlsx.version).toBe(2);
    expect(viaXlsx.content).toMatchObject({
      delivery: ['subsidy', 'contracted'],
      direction: 'improve',
      overallRating: 'C',
    });

    // The other departments fill their sheets through the API.
    for (const [dept, project, measure] of [
      ['DEPT-CHILD', 'A-1-M01-P01', 'A-1-M01'],
      ['DEPT-SAFETY', 'C-9-M01-P01', 'C-9-M01'],
    ] as const) {
      for (const [kind, code] of [
        ['project', project],
        ['measure', measure],
      ] as const) {
        const v = await mustOk(getEvaluationSheet(ctx, sheetId(kind, code)));
        const content =
          kind === 'project'
            ? fillProject(v.sheet.content as ProjectSheetContent)
            : fillMeasure(v.sheet.content as MeasureSheetContent);
        await mustOk(
          saveEvaluationSheet(ctx, {
            sheetId: v.sheet.id,
            content,
            expectedVersion: v.sheet.version,
            actor: editor(dept),
          }),
        );
      }
    }
    // Theory findings on the measure sheet, from the logic model derived from the plan.
    const theory = await mustOk(getTheoryFindings(ctx, 2024));
    const a1 = theory.measures.find((m) => m.measureCode === 'A-1-M01')!;
    expect(a1.rows.length).toBeGreaterThan(0);
    const m1 = await mustOk(getEvaluationSheet(ctx, sheetId('measure', 'A-1-M01')));
    const out2oc = a1.rows.find((r) => r.from.kind === 'output' && r.to.kind === 'outcome')!;
    expect([out2oc.from.movement, out2oc.to.movement]).toEqual(['improving', 'improving']);
    await mustOk(
      saveEvaluationSheet(ctx, {
        sheetId: m1.sheet.id,
        content: {
          ...(m1.sheet.content as MeasureSheetContent),
          theoryFindings: [
            {
              linkId: out2oc.linkId,
              finding: 'held',
              evidence: '（サンプル）相談件数が増え不安が減った',
              suggested: out2oc.suggested,
            },
          ],
        },
        expectedVersion: m1.sheet.version,
        actor: editor('DEPT-CHILD'),
      }),
    );

    const act = async (
      id: string,
      action: Parameters<typeof transitionEvaluationSheet>[1]['action'],
      actor: Actor,
      comment?: string,
    ) => {
      const v = await mustOk(getEvaluationSheet(ctx, id));
      return transitionEvaluationSheet(ctx, {
        sheetId: id,
        action,
        actor,
        expectedVersion: v.sheet.version,
        ...(comment ? { comment } : {}),
      });
    };
    const status = await mustOk(getRoundStatus(ctx, 2024));
    for (const s of status.sheets) await mustOk(act(s.id, 'submit', editor(s.departmentCode)));
    // Another department's section head cannot approve; a return needs a comment.
    const p1 = sheetId('project', 'A-1-M01-P01');
    expect(codesOf(await act(p1, 'approve', head('DEPT-SAFETY')))).toEqual(['evaluation/other-department']);
    expect(codesOf(await act(p1, 'return', head('DEPT-CHILD')))).toEqual(['evaluation/comment-required']);
    const v = await mustOk(getEvaluationSheet(ctx, p1));
    await mustOk(
      saveReviewComment(ctx, {
        sheetId: p1,
        level: 'section-head',
        text: '成果指標の説明を補ってください',
        expectedVersion: v.sheet.version,
        actor: head('DEPT-CHILD'),
      }),
    );
    const returned = await mustOk(act(p1, 'return', head('DEPT-CHILD'), '成果の説明が不足'));
    expect(returned.notification.recipients).toEqual([
      { role: 'department-editor', departmentCode: 'DEPT-CHILD' },
    ]);
    // The event reaches the department's inbox, in the same transaction; other departments see nothing.
    const account = (role: AccountRole, department: string): UserActor => ({
      kind: 'user',
      via: 'session',
      userId: role === 'reviewer' ? 901 : 900,
      login: `${role}-${department}`,
      role,
      department,
      links: [],
      mustChangePassword: false,
    });
    const childInbox = await mustOk(listMyNotifications(ctx, account('department-editor', 'DEPT-CHILD')));
    expect(childInbox[0]?.kind).toBe('evaluation.sheet.return');
    expect(childInbox[0]?.message.ja).toContain('差し戻されました');
    expect(childInbox[0]?.message.ja).toContain('成果の説明が不足');
    const safetyInbox = await mustOk(listMyNotifications(ctx, account('department-editor', 'DEPT-SAFETY')));
    expect(safetyInbox.some((n) => n.entity.id === p1)).toBe(false);
    const headInbox = await mustOk(listMyNotifications(ctx, account('reviewer', 'DEPT-CHILD')));
    expect(headInbox.some((n) => n.kind === 'evaluation.sheet.submit' && n.entity.id === p1)).toBe(true);
    await mustOk(markMyNotificationRead(ctx, account('department-editor', 'DEPT-CHILD'), childInbox[0]!.id));
    expect(
      (await mustOk(listMyNotifications(ctx, account('department-editor', 'DEPT-CHILD'))))[0]?.read,
    ).toBe(true);
    const thread = await mustOk(
      addSheetComment(ctx, { sheetId: p1, text: '説明を追記します', actor: editor('DEPT-CHILD') }),
    );
    await mustOk(
      addSheetComment(ctx, {
        sheetId: p1,
        text: 'お願いします',
        parentId: thread.id,
        actor: head('DEPT-CHILD'),
      }),
    );
    expect((await mustOk(listSheetComments(ctx, p1)))[0]!.replies).toHaveLength(1);
    await mustOk(act(p1, 'submit', editor('DEPT-CHILD')));
    for (const s of status.sheets) await mustOk(act(s.id, 'approve', head(s.departmentCode)));
    // A workbook edit of an approved sheet is refused, naming the worksheet.
    const [childBook] = await mustOk(
      exportRoundWorkbooks(ctx, { fiscalYear: 2024, departmentCode: 'DEPT-CHILD' }),
    );
    const late = await editWorkbook(childBook!.buffer, (wb) => {
      cellByLabel(wb.getWorksheet('A-1-M01-P01')!, '課題').value = '承認後の書き換え';
    });
    const refused = await importEvaluationWorkbook(ctx, {
      file: 'late.xlsx',
      bytes: late,
      actor: editor('DEPT-CHILD'),
    });
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.problems.map((p) => [p.code, p.where?.sheet])).toEqual([
      ['evaluation/sheet-not-editable', 'A-1-M01-P01'],
    ]);
    for (const s of status.sheets) await mustOk(act(s.id, 'review', planning));
    expect(
      codesOf(
        await transitionEvaluationRound(ctx, {
          fiscalYear: 2024,
          action: 'publish',
          actor: planning,
          expectedVersion: 1,
        }),
      ),
    ).toContain('evaluation/invalid-round-transition');
    for (const s of status.sheets) await mustOk(act(s.id, 'see', committee));
    await mustOk(
      transitionEvaluationRound(ctx, {
        fiscalYear: 2024,
        action: 'close',
        actor: planning,
        expectedVersion: 1,
      }),
    );
    // A stale round version is a conflict.
    expect(
      codesOf(
        await transitionEvaluationRound(ctx, {
          fiscalYear: 2024,
          action: 'publish',
          actor: planning,
          expectedVersion: 1,
        }),
      ),
    ).toEqual(['evaluation/stale-version']);
    await mustOk(
      transitionEvaluationRound(ctx, {
        fiscalYear: 2024,
        action: 'publish',
        actor: planning,
        expectedVersion: 2,
      }),
    );
    const locked = await mustOk(
      transitionEvaluationRound(ctx, {
        fiscalYear: 2024,
        action: 'lock',
        actor: planning,
        expectedVersion: 3,
      }),
    );
    expect(locked.state).toBe('locked');
    const final = await mustOk(getRoundStatus(ctx, 2024));
    expect(final.counts.published).toBe(6);
    const edit = await saveEvaluationSheet(ctx, {
      sheetId: p1,
      content: (await mustOk(getEvaluationSheet(ctx, p1))).sheet.content,
      expectedVersion: 99,
      actor: editor('DEPT-CHILD'),
    });
    expect(codesOf(edit)).toContain('evaluation/round-locked');

    // Every transition is in the audit trail, in order.
    const trail = (await listAudit(t.handle.db, { entityType: 'evaluation_sheet', entityId: p1 })).map(
      (a) => a.action,
    );
    expect(
      trail.filter((a) => !a.startsWith('evaluation.sheet.save') && a !== 'evaluation.comment.add'),
    ).toEqual([
      'evaluation.sheet.submit',
      'evaluation.sheet.comment.section-head',
      'evaluation.sheet.return',
      'evaluation.sheet.submit',
      'evaluation.sheet.approve',
      'evaluation.sheet.review',
      'evaluation.sheet.see',
      'evaluation.sheet.publish',
    ]);
    const roundTrail = (await listAudit(t.handle.db, { entityType: 'evaluation_round' })).map(
      (a) => a.action,
    );
    expect(roundTrail).toEqual([
      'evaluation.round.open',
      'evaluation.round.close',
      'evaluation.round.publish',
      'evaluation.round.lock',
    ]);

    const csv = await mustOk(exportRoundCsv(ctx, { fiscalYear: 2024 }));
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.rows).toBe(6);
    expect(csv.text.split('\r\n')[0]).toContain('overall_rating');
  });

  describe('medium-term review', () => {
    it('produces phase 1’s review from the FY2024 round', async () => {
      const review = await produceMediumTermReview(ctx, 1);
      if (!review.ok) throw new Error(JSON.stringify(review.problems));
      expect(review.value.missingYears).toEqual([2025, 2026]);
      expect(review.warnings?.map((w) => w.code)).toEqual([
        'evaluation/review-year-missing',
        'evaluation/review-year-missing',
      ]);
      const b4 = review.value.measures.find((m) => m.measureCode === 'B-4-M01')!;
      expect(b4.years[0]).toMatchObject({ fiscalYear: 2024, overallRating: 'B' });
      // B-4-M01-K01: actual 20 against a target of 22.
      expect(b4.years[0]!.meanAchievement).toBeCloseTo(20 / 22, 10);
      expect(b4.projectDirections[0]!.counts).toEqual({ improve: 1 });
      expect(b4.achievementTrend).toBe('insufficient-data');
    });
  });
});
