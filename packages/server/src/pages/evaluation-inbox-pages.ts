/**
 * The evaluation pages every staff account has: the inbox (its notifications,
 * read and unread, each linking to its sheet) and "my sheets" (the sheets of
 * open rounds on which the account may act now).
 */
import {
  evaluationActorOf,
  getCurrentPlan,
  getRoundStatus,
  listMyNotifications,
  roundScopeOf,
} from '@mirai/app';
import { allowedSheetActions, awaitingStage, hasCommitteeStage, stageDue } from '@mirai/core';
import type { MySheetView } from '@mirai/web';
import { staffPage } from './page-table';

const iso = (d: { year: number; month: number; day: number }) =>
  `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;

export const inbox = staffPage({
  path: '/staff/inbox',
  policy: 'account:read-self',
  title: () => '受信箱',
  load: async ({ ctx, session, actor }) => {
    if (actor.kind !== 'user') return null;
    const list = await listMyNotifications(ctx, actor);
    const role = evaluationActorOf(actor)?.role;
    return {
      page: 'staff-inbox',
      session,
      notifications: list.ok
        ? list.value.map((n) => ({
            id: n.id,
            kind: n.kind,
            message: n.message,
            link: n.link,
            createdAt: n.createdAt,
            read: n.read,
          }))
        : [],
      allDepartments: actor.department === null && role !== undefined && role !== 'department-editor',
    };
  },
});

export const mySheets = staffPage({
  path: '/staff/my-sheets',
  policy: 'evaluation:read-sheet',
  readsDraft: true,
  title: () => '自分の評価シート',
  load: async ({ ctx, session, actor }) => {
    const evaluator = evaluationActorOf(actor);
    const current = await getCurrentPlan(ctx);
    const sheets: MySheetView[] = [];
    if (evaluator && current.ok) {
      const { startFiscalYear, endFiscalYear } = current.value.document.plan;
      for (let fy = startFiscalYear - 1; fy <= endFiscalYear; fy++) {
        const r = await getRoundStatus(ctx, fy, roundScopeOf(actor));
        if (!r.ok || r.value.round.state !== 'open') continue;
        const round = r.value.round;
        const roundCtx = { state: round.state, hasCommitteeStage: hasCommitteeStage(round) };
        for (const s of r.value.sheets) {
          if (evaluator.departmentCode && s.departmentCode !== evaluator.departmentCode) continue;
          const actions = allowedSheetActions(s.state as never, evaluator.role, roundCtx).filter(
            (a) => a !== 'withdraw',
          );
          if (actions.length === 0) continue;
          const stage = awaitingStage(s.state as never, roundCtx.hasCommitteeStage);
          const due = stage ? stageDue(round, stage) : undefined;
          sheets.push({
            id: s.id,
            fiscalYear: fy,
            kind: s.kind as 'project' | 'measure',
            code: s.code,
            name: s.name,
            departmentCode: s.departmentCode,
            state: s.state,
            actions,
            due: due ? iso(due) : null,
          });
        }
      }
    }
    return { page: 'staff-my-sheets', session, sheets };
  },
});
