/**
 * A figure: its caption, the chart (drawn by ECharts once scripts run; hidden
 * from assistive technology) and the same numbers as a table, always present,
 * so the page is complete before scripts run, in print and for screen readers.
 */
import { type ReactNode, useEffect, useRef } from 'react';
import { M } from '../ui/text';
import type { ChartSpec } from './chart-spec';

export function Chart({ spec, caption, table }: { spec: ChartSpec; caption: ReactNode; table: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const key = JSON.stringify(spec);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialised spec is the dependency
  useEffect(() => {
    let dispose: (() => void) | undefined;
    let cancelled = false;
    import('./render-chart').then((m) => {
      if (!cancelled && ref.current) dispose = m.renderChart(ref.current, spec);
    });
    return () => {
      cancelled = true;
      dispose?.();
    };
  }, [key]);
  return (
    <figure className="chart">
      <figcaption>{caption}</figcaption>
      <div ref={ref} className="chart-canvas" aria-hidden="true" data-chart={spec.kind} />
      <div className="table-wrap">
        <p className="table-title">
          <M k="dataTable" />
        </p>
        {table}
      </div>
    </figure>
  );
}
