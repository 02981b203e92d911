/**
 * Broken links across the plan: every link whose recorded finding is not held
 * or partly held, every link the indicators suggest is broken while nobody
 * has judged it yet, and every link judged held against the indicators.
 */
import { type LinkCheckRow, theoryCheck } from './theory-check';
import type { LinkFinding, MeasureLogicModel, Movement } from './theory-types';

export type BrokenLinkStatus = 'confirmed' | 'partly' | 'candidate' | 'contested';

export interface BrokenLink extends LinkCheckRow {
  measureCode: string;
  status: BrokenLinkStatus;
}

const statusOrder: Record<BrokenLinkStatus, number> = { confirmed: 0, candidate: 1, contested: 2, partly: 3 };

function statusOf(row: LinkCheckRow): BrokenLinkStatus | null {
  const recorded = row.recorded?.finding;
  if (recorded === 'not-held') return 'confirmed';
  if (recorded === 'partly') return 'partly';
  if (row.suggested !== 'not-held') return null;
  return recorded === 'held' ? 'contested' : 'candidate';
}

/** Lists broken and doubtful links of all measures, most serious first, then by measure code. */
export function brokenLinks(
  models: readonly MeasureLogicModel[],
  findingsByMeasure: ReadonlyMap<string, readonly LinkFinding[]>,
  movements: ReadonlyMap<string, Movement>,
): BrokenLink[] {
  const list: BrokenLink[] = [];
  for (const model of models) {
    for (const row of theoryCheck(model, movements, findingsByMeasure.get(model.measureCode) ?? [])) {
      const status = statusOf(row);
      if (status) list.push({ ...row, measureCode: model.measureCode, status });
    }
  }
  return list.sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] ||
      a.measureCode.localeCompare(b.measureCode) ||
      a.linkId.localeCompare(b.linkId),
  );
}
