/**
 * Comments threaded per sheet: a comment may reply to another comment of the
 * same sheet; threads are rebuilt from the flat list (as stored) in time order.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { evaluationProblems as P } from './evaluation-problems';
import type { Actor } from './roles';

export interface SheetComment {
  id: string;
  sheetId: string;
  /** The comment replied to, or null for a new thread. */
  parentId: string | null;
  author: Actor;
  /** ISO 8601 instant. */
  at: string;
  text: string;
}

export interface CommentThread {
  comment: SheetComment;
  replies: CommentThread[];
}

/** Checks a new comment against the sheet's existing ones; returns it with trimmed text. */
export function addComment(existing: readonly SheetComment[], comment: SheetComment): Result<SheetComment> {
  const problems: Problem[] = [];
  const text = comment.text.trim();
  if (text === '') problems.push(P.commentEmpty.create({}, { field: 'text' }));
  if (existing.some((c) => c.id === comment.id))
    problems.push(P.commentDuplicate.create({ id: comment.id }, { field: 'id' }));
  if (
    comment.parentId !== null &&
    !existing.some((c) => c.id === comment.parentId && c.sheetId === comment.sheetId)
  ) {
    problems.push(P.commentParentUnknown.create({ parentId: comment.parentId }, { field: 'parentId' }));
  }
  if (problems.length > 0) return fail(problems);
  return ok({ ...comment, text });
}

/** Threads of one sheet, oldest first at every level; orphans (parent missing) start their own thread. */
export function buildThreads(comments: readonly SheetComment[], sheetId: string): CommentThread[] {
  const own = comments
    .filter((c) => c.sheetId === sheetId)
    .sort((a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id));
  const nodes = new Map(own.map((c) => [c.id, { comment: c, replies: [] as CommentThread[] }]));
  const roots: CommentThread[] = [];
  for (const c of own) {
    const node = nodes.get(c.id)!;
    const parent = c.parentId !== null ? nodes.get(c.parentId) : undefined;
    if (parent && parent !== node) parent.replies.push(node);
    else roots.push(node);
  }
  return roots;
}
