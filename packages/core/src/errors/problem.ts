/**
 * Problems: expected failures as values. Each has a stable code, a message in
 * Japanese and English, and where in the input it was found.
 */

/** What kind of failure; the API maps each kind to one HTTP status. */
export type ProblemKind =
  | 'invalid'
  | 'not-found'
  | 'conflict'
  | 'forbidden'
  | 'unauthenticated'
  | 'too-large'
  | 'rate-limited'
  /** A service the answer needs (the database) cannot be reached now; try again shortly. */
  | 'unavailable';

/** Where in the input a problem was found. Every field is optional. */
export interface Where {
  file?: string;
  sheet?: string;
  cell?: string;
  line?: number;
  row?: number;
  column?: string | number;
  field?: string;
  path?: string;
  index?: number;
}

export interface Message {
  ja: string;
  en: string;
}

export interface Problem {
  code: string;
  kind: ProblemKind;
  message: Message;
  where?: Where;
  details?: Record<string, unknown>;
  /** Warnings do not stop an operation; errors do. */
  severity?: 'error' | 'warning';
}

export type Result<T> = { ok: true; value: T; warnings?: Problem[] } | { ok: false; problems: Problem[] };

export const ok = <T>(value: T, warnings?: Problem[]): Result<T> =>
  warnings && warnings.length > 0 ? { ok: true, value, warnings } : { ok: true, value };

export const fail = <T = never>(problems: Problem[] | Problem): Result<T> => ({
  ok: false,
  problems: Array.isArray(problems) ? problems : [problems],
});

/**
 * Thrown when a caller prefers exceptions (CLI, API use cases); carries the
 * problems unchanged so the API's error mapper can render them.
 */
export class ProblemError extends Error {
  readonly problems: Problem[];
  constructor(problems: Problem[] | Problem) {
    const list = Array.isArray(problems) ? problems : [problems];
    super(list.map((p) => `${p.code}: ${p.message.en}`).join('; '));
    this.name = 'ProblemError';
    this.problems = list;
  }
}

/** Unwraps a result or throws its problems. */
export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new ProblemError(result.problems);
}
