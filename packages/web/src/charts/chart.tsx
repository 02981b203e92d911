/**
 * A figure: its caption, the chart (drawn by ECharts once scripts run; hidden
 * from assistive technology) and the same numbers as a table, always present,
 * so the page is complete before scripts run, in print and for screen readers.
 */
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { M } from '../ui/text';
import type { ChartSpec } from './chart-spec';

export function Chart({ spec, caption, table }: { spec: ChartSpec; caption: ReactNode; table: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
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
      <figcaption id={`${id}-caption`}>{caption}</figcaption>
      <div ref={ref} className="chart-canvas" aria-hidden="true" data-chart={spec.kind} />
      {/* Wide tables scroll sideways on a phone: the area takes keyboard focus and is named. */}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scroll area must take focus to be scrolled by keyboard */}
      <section className="table-wrap" tabIndex={0} aria-labelledby={`${id}-caption ${id}-table`}>
        <p className="table-title" id={`${id}-table`}>
          <M k="dataTable" />
        </p>
        {table}
      </section>
    </figure>
  );
}
