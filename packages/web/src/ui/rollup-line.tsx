/**
 * A roll-up that explains itself: the status in words and symbol, what it
 * was computed from, and which indicators are missing or stale.
 */
import type { RollupView } from '../types';
import { StatusBadge } from './status-badge';
import { L, T } from './text';

export function RollupLine({ figure }: { figure: RollupView | undefined }) {
  if (!figure) return null;
  return (
    <div className="rollup">
      <StatusBadge statusKey={figure.key} label={figure.label} />{' '}
      <span className="explain">
        <T text={figure.explanation} />
        {figure.missing.length > 0 ? (
          <>
            {' '}
            <L
              ja={`（データなし ${figure.missing.length} 件）`}
              en={` (${figure.missing.length} without data)`}
            />
          </>
        ) : null}
        {figure.stale.length > 0 ? (
          <>
            {' '}
            <L ja={`（更新遅れ ${figure.stale.length} 件）`} en={` (${figure.stale.length} stale)`} />
          </>
        ) : null}
      </span>
    </div>
  );
}
