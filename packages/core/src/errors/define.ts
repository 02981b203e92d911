/**
 * A tiny helper to declare a catalogue of problems once per domain, so that
 * codes and messages are not retyped at every use. Every definition is also
 * entered in one index (`problemCatalogue()`): the list of every code the
 * loaded program can answer, which a test checks for duplicates.
 */
import type { Message, Problem, ProblemKind, Where } from './problem';

export interface ProblemDefinition<P extends Record<string, unknown> = Record<string, unknown>> {
  code: string;
  kind: ProblemKind;
  message: (params: P) => Message;
}

/** The error catalogue index: every definition made so far, in order (a code defined twice appears twice). */
const index: { code: string; kind: ProblemKind }[] = [];

/** Every problem code defined by the modules loaded so far, with its kind. */
export function problemCatalogue(): readonly { code: string; kind: ProblemKind }[] {
  return index;
}

/** Builds a problem factory from a definition. */
export function defineProblem<P extends Record<string, unknown> = Record<string, never>>(
  code: string,
  kind: ProblemKind,
  message: (params: P) => Message,
): ProblemDefinition<P> & { create: (params: P, where?: Where, severity?: 'error' | 'warning') => Problem } {
  const def = { code, kind, message };
  index.push({ code, kind });
  return {
    ...def,
    create(params: P, where?: Where, severity?: 'error' | 'warning'): Problem {
      const problem: Problem = { code, kind, message: message(params) };
      if (where) problem.where = where;
      if (Object.keys(params).length > 0) problem.details = { ...params };
      if (severity === 'warning') problem.severity = 'warning';
      return problem;
    },
  };
}

/** Formats a location for people: "file.csv row 3, column value". */
export function formatWhere(where: Where | undefined): string {
  if (!where) return '';
  const parts: string[] = [];
  if (where.file) parts.push(where.file);
  if (where.sheet) parts.push(`sheet ${where.sheet}`);
  if (where.cell) parts.push(`cell ${where.cell}`);
  if (where.line !== undefined) parts.push(`line ${where.line}`);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column !== undefined) parts.push(`column ${where.column}`);
  if (where.field) parts.push(`field ${where.field}`);
  if (where.path) parts.push(where.path);
  if (where.index !== undefined) parts.push(`index ${where.index}`);
  return parts.join(', ');
}
