/** Comments threaded per sheet: add one (a reply names its parent), list a sheet's threads. */

import { randomUUID } from 'node:crypto';
import {
  type Actor,
  addComment,
  buildThreads,
  type CommentThread,
  evaluationProblems,
  fail,
  ok,
  type Result,
} from '@mirai/core';
import { audit, findSheet, insertComment, listComments } from '@mirai/db';
import type { AppContext } from '../context';
import { evaluationAppProblems as A } from './evaluation-app-problems';
import { nowIso } from './round-context';

export async function addSheetComment(
  ctx: AppContext,
  req: { sheetId: string; text: string; parentId?: string | null; actor: Actor; at?: string },
) {
  return ctx.database.db.transaction().execute(async (tx) => {
    const sheet = await findSheet(tx, req.sheetId);
    if (!sheet) return fail(A.sheetNotFound.create({ id: req.sheetId }, { field: 'sheetId' }));
    if (
      req.actor.role === 'department-editor' &&
      req.actor.departmentCode !== undefined &&
      req.actor.departmentCode !== sheet.departmentCode
    ) {
      return fail(
        evaluationProblems.otherDepartment.create(
          { department: req.actor.departmentCode, sheetDepartment: sheet.departmentCode },
          { field: 'departmentCode' },
        ),
      );
    }
    const existing = (await listComments(tx, [sheet.id])).map((c) => ({ ...c, author: c.author as Actor }));
    const checked = addComment(existing, {
      id: randomUUID(),
      sheetId: sheet.id,
      parentId: req.parentId ?? null,
      author: req.actor,
      at: req.at ?? nowIso(),
      text: req.text,
    });
    if (!checked.ok) return checked;
    await insertComment(tx, checked.value);
    await audit(tx, {
      actor: req.actor.id,
      action: 'evaluation.comment.add',
      entityType: 'evaluation_sheet',
      entityId: sheet.id,
      after: checked.value,
    });
    return ok(checked.value);
  });
}

export async function listSheetComments(ctx: AppContext, sheetId: string): Promise<Result<CommentThread[]>> {
  const sheet = await findSheet(ctx.database.db, sheetId);
  if (!sheet) return fail(A.sheetNotFound.create({ id: sheetId }, { field: 'sheetId' }));
  const comments = await listComments(ctx.database.db, [sheetId]);
  return ok(
    buildThreads(
      comments.map((c) => ({ ...c, author: c.author as Actor })),
      sheetId,
    ),
  );
}
