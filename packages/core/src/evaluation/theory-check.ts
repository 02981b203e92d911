/**
 * The theory-of-change check: how each node's indicators moved over the year,
 * and per link a suggested finding from that movement. Both ends improving
 * suggests the assumption held; the upstream end improving while the
 * downstream end does not marks a candidate broken link; when the upstream end
 * did not move, the link was not tested. The evaluator records the finding.
 */
import type { FiguresDirection } from './indicator-rows';
import type { Finding, LinkFinding, LogicNode, MeasureLogicModel, Movement } from './theory-types';

export interface IndicatorChange {
  code: string;
  direction: FiguresDirection;
  previous: number | null;
  current: number | null;
  /** For `within-band` indicators. */
  band?: { lower: number; upper: number };
}

/**
 * Changes smaller than the tolerance count as flat: `absolute` in the
 * indicator's unit (e.g. 3 points for survey shares), else `relative` to the
 * previous value (default 1%).
 */
export interface MovementTolerance {
  absolute?: number;
  relative?: number;
}

export function indicatorMovement(change: IndicatorChange, tol: MovementTolerance = {}): Movement {
  const { previous, current } = change;
  if (previous === null || current === null || !Number.isFinite(previous) || !Number.isFinite(current))
    return 'unknown';
  let gain: number; // positive = better
  let scale = Math.abs(previous);
  if (change.direction === 'within-band') {
    if (!change.band) return 'unknown';
    const { lower, upper } = change.band;
    const distance = (v: number) => (v < lower ? lower - v : v > upper ? v - upper : 0);
    gain = distance(previous) - distance(current);
    scale = Math.max(upper - lower, Math.abs(previous));
  } else {
    gain = change.direction === 'higher-is-better' ? current - previous : previous - current;
  }
  const threshold = tol.absolute ?? (tol.relative ?? 0.01) * scale;
  if (Math.abs(gain) <= threshold) return 'flat';
  return gain > 0 ? 'improving' : 'worsening';
}

/** The movement of a node from its indicators' movements. */
export function nodeMovement(
  node: Pick<LogicNode, 'indicatorCodes'>,
  movements: ReadonlyMap<string, Movement>,
): Movement {
  const known = node.indicatorCodes.map((c) => movements.get(c) ?? 'unknown').filter((m) => m !== 'unknown');
  if (known.length === 0) return 'unknown';
  const first = known[0]!;
  return known.every((m) => m === first) ? first : 'mixed';
}

export type SuggestionReason =
  | 'both-improving'
  | 'downstream-partly'
  | 'upstream-partly'
  | 'downstream-not-following'
  | 'upstream-not-moving'
  | 'no-data';

export function suggestFinding(
  upstream: Movement,
  downstream: Movement,
): { finding: Finding; reason: SuggestionReason } {
  if (upstream === 'unknown' || downstream === 'unknown') return { finding: 'unknown', reason: 'no-data' };
  if (upstream === 'flat' || upstream === 'worsening')
    return { finding: 'unknown', reason: 'upstream-not-moving' };
  if (downstream === 'flat' || downstream === 'worsening')
    return { finding: 'not-held', reason: 'downstream-not-following' };
  if (upstream === 'improving' && downstream === 'improving')
    return { finding: 'held', reason: 'both-improving' };
  if (upstream === 'improving') return { finding: 'partly', reason: 'downstream-partly' };
  return { finding: 'partly', reason: 'upstream-partly' };
}

export interface LinkCheckRow {
  linkId: string;
  from: { id: string; label: string; kind: LogicNode['kind']; movement: Movement };
  to: { id: string; label: string; kind: LogicNode['kind']; movement: Movement };
  assumption: string | null;
  suggested: Finding;
  reason: SuggestionReason;
  /** The evaluator's finding, if recorded. */
  recorded: LinkFinding | null;
}

/**
 * One row per link of a (valid) logic model: both ends' movement, the
 * suggestion, and the recorded finding, for the measure sheet's theory section.
 */
export function theoryCheck(
  model: MeasureLogicModel,
  movements: ReadonlyMap<string, Movement>,
  findings: readonly LinkFinding[] = [],
): LinkCheckRow[] {
  const nodes = new Map(model.nodes.map((n) => [n.id, n]));
  return model.links.map((link) => {
    const from = nodes.get(link.from);
    const to = nodes.get(link.to);
    if (!from || !to)
      throw new Error(`theoryCheck: link ${link.id} refers to a missing node; validate the model first`);
    const mf = nodeMovement(from, movements);
    const mt = nodeMovement(to, movements);
    const s = suggestFinding(mf, mt);
    return {
      linkId: link.id,
      from: { id: from.id, label: from.label, kind: from.kind, movement: mf },
      to: { id: to.id, label: to.label, kind: to.kind, movement: mt },
      assumption: link.assumption ?? null,
      suggested: s.finding,
      reason: s.reason,
      recorded: findings.find((f) => f.linkId === link.id) ?? null,
    };
  });
}
