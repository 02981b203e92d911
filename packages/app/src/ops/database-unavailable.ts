/**
 * Telling "the database cannot be reached" from a bug: a server connection
 * refused, reset, timed out or terminated (pg_terminate_backend, a restart, a
 * failover) is an outage the answer should say plainly (503, retry shortly),
 * not an unexpected error (decision 0141). The pool reconnects by itself once
 * the server answers again; nothing here restarts anything.
 */
import { defineProblem } from '@mirai/core';

export const databaseProblems = {
  unavailable: defineProblem<{ retryAfterSeconds: number }>('database/unavailable', 'unavailable', (p) => ({
    ja: `データベースに接続できません。しばらくしてから（${p.retryAfterSeconds}秒ほど後に）もう一度お試しください`,
    en: `The database cannot be reached right now; please try again in about ${p.retryAfterSeconds} seconds`,
  })),
};

/** Seconds a client is asked to wait (Retry-After) during an outage. */
export const databaseRetryAfterSeconds = 5;

/** SQLSTATE classes and codes that mean the connection, not the statement, failed. */
const connectionStates = /^(08|57P0[1-4]|53300|53400|58030)/;
const nodeCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
const messages =
  /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|Connection refused|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Client was closed and is not queryable|does not allow connections/i;

/** Whether an error thrown by a query means the database server cannot be reached. */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (nodeCodes.has(e.code) || connectionStates.test(e.code))) return true;
  if (typeof e.message === 'string' && messages.test(e.message)) return true;
  if (Array.isArray(e.errors) && e.errors.some((x) => isDatabaseUnavailable(x, depth + 1))) return true;
  return isDatabaseUnavailable(e.cause, depth + 1);
}
