/**
 * Optimistic locking: a write names the version it was based on; if the stored
 * version moved on, the write is a conflict and nobody's work is overwritten.
 */
import { fail, ok, type Result } from '../errors';
import { evaluationProblems as P } from './evaluation-problems';

export function checkVersion(expectedVersion: number, currentVersion: number): Result<number> {
  if (expectedVersion !== currentVersion) {
    return fail(
      P.staleVersion.create({ expected: expectedVersion, current: currentVersion }, { field: 'version' }),
    );
  }
  return ok(currentVersion + 1);
}
