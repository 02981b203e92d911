/**
 * Actual values as append-only versions: recording adds the first version of
 * a value, correcting adds a version that supersedes the current one, and
 * nothing is overwritten. The current value of a key is the version no other
 * version supersedes.
 */
import { fail, ok, type Result } from '../errors';
import { indicatorProblems as P } from './indicator-problems';
import { type ActualVersion, actualKey } from './indicator-types';

/** The current version of each key (indicator, fiscal year, date, area). */
export function currentActuals(versions: readonly ActualVersion[]): ActualVersion[] {
  const superseded = new Set(versions.flatMap((v) => (v.supersedes ? [v.supersedes] : [])));
  return versions.filter((v) => !superseded.has(v.id));
}

/** Every version of one key, oldest first (by the chain of corrections). */
export function historyOf(versions: readonly ActualVersion[], key: string): ActualVersion[] {
  const same = versions.filter((v) => actualKey(v) === key);
  const byId = new Map(same.map((v) => [v.id, v]));
  const current = currentActuals(same)[0];
  const chain: ActualVersion[] = [];
  for (let v = current; v; v = v.supersedes ? byId.get(v.supersedes) : undefined) chain.unshift(v);
  return chain;
}

export type NewActual = Omit<ActualVersion, 'id' | 'supersedes'>;

/** A first value for a key; a conflict if the key already has one (correct it instead). */
export function recordActual(
  versions: readonly ActualVersion[],
  input: NewActual,
  id: string,
): Result<ActualVersion> {
  const key = actualKey(input);
  const existing = currentActuals(versions).find((v) => actualKey(v) === key);
  if (existing) return fail(P.actualExists.create({ key, id: existing.id }, { field: 'fiscalYear' }));
  if (!Number.isFinite(input.value)) {
    return fail(P.notFinite.create({ field: 'value', value: String(input.value) }, { field: 'value' }));
  }
  return ok({ ...input, id });
}

export interface Correction {
  value: number;
  source?: string;
  note?: string;
  enteredBy: string;
  enteredAt: string;
  ci?: ActualVersion['ci'];
  sampleSize?: number;
}

/**
 * A correction of version `targetId`, which must be current: correcting an
 * already corrected version is a conflict (someone else corrected it first).
 */
export function correctActual(
  versions: readonly ActualVersion[],
  targetId: string,
  correction: Correction,
  id: string,
): Result<ActualVersion> {
  const target = versions.find((v) => v.id === targetId);
  if (!target) return fail(P.versionNotFound.create({ id: targetId }, { field: 'id' }));
  const by = versions.find((v) => v.supersedes === targetId);
  if (by) return fail(P.versionSuperseded.create({ id: targetId, by: by.id }, { field: 'id' }));
  if (!Number.isFinite(correction.value)) {
    return fail(P.notFinite.create({ field: 'value', value: String(correction.value) }, { field: 'value' }));
  }
  const next: ActualVersion = {
    id,
    indicatorCode: target.indicatorCode,
    fiscalYear: target.fiscalYear,
    value: correction.value,
    source: correction.source ?? target.source,
    enteredBy: correction.enteredBy,
    enteredAt: correction.enteredAt,
    supersedes: target.id,
  };
  if (target.date !== undefined) next.date = target.date;
  if (target.area !== undefined) next.area = target.area;
  if (correction.note !== undefined) next.note = correction.note;
  if (correction.ci !== undefined) next.ci = correction.ci;
  if (correction.sampleSize !== undefined) next.sampleSize = correction.sampleSize;
  return ok(next);
}
