/**
 * Draws a chart spec with ECharts, imported piece by piece (line and bar
 * charts, grid, tooltip, legend, mark lines, SVG renderer) so the bundle holds
 * only what is used. Loaded on demand after the page is interactive.
 */
import { BarChart, LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { pairs, timeDomain, valueDomain } from './chart-scale';
import type { ChartSpec } from './chart-spec';

echarts.use([
  LineChart,
  BarChart,
  ScatterChart,
  GridComponent,
  LegendComponent,
  MarkLineComponent,
  TooltipComponent,
  SVGRenderer,
]);

// Colours with at least 3:1 contrast against white, told apart also by dash and order.
const palette = ['#0b5394', '#b45309', '#15803d', '#7c3aed', '#be123c', '#374151', '#0e7490'];

function option(spec: ChartSpec): echarts.EChartsCoreOption {
  const base = {
    color: palette,
    animation: false,
    tooltip: { trigger: 'axis' },
    // Below the plot, wrapping over lines, names broken to fit a 390 px phone.
    legend: {
      bottom: 0,
      left: 0,
      right: 0,
      type: 'plain',
      itemWidth: 18,
      itemGap: 8,
      textStyle: { width: 150, overflow: 'break' },
    },
    grid: { left: 8, right: 16, top: 16, bottom: legendRows(spec) * 22 + 8, containLabel: true },
    textStyle: { fontFamily: 'system-ui, sans-serif' },
  };
  if (spec.kind === 'pyramid') {
    return {
      ...base,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      xAxis: { type: 'value', axisLabel: { formatter: (v: number) => String(Math.abs(v)) } },
      yAxis: { type: 'category', data: spec.categories },
      series: [
        { name: spec.maleLabel, type: 'bar', stack: 'p', data: spec.male.map((v) => -Math.round(v)) },
        { name: spec.femaleLabel, type: 'bar', stack: 'p', data: spec.female.map((v) => Math.round(v)) },
      ],
    };
  }
  if (spec.kind === 'interval-bar') {
    // A transparent bar up to the lower end, the interval on top of it, the estimate as a dot.
    const [, hi] = valueDomain(spec.upper, { fromZero: true });
    return {
      ...base,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      // The transparent base bar has no legend entry.
      legend: { ...base.legend, data: [spec.estimateLabel, spec.intervalLabel] },
      xAxis: { type: 'value', min: 0, max: hi },
      yAxis: {
        type: 'category',
        data: spec.categories,
        inverse: true,
        axisLabel: { width: 140, overflow: 'break' },
      },
      series: [
        {
          name: 'base',
          type: 'bar',
          stack: 'ci',
          data: spec.lower,
          itemStyle: { color: 'transparent' },
          tooltip: { show: false },
          barWidth: 10,
        },
        {
          name: spec.intervalLabel,
          type: 'bar',
          stack: 'ci',
          data: spec.upper.map((u, i) => u - (spec.lower[i] ?? 0)),
          itemStyle: { color: 'rgba(11,83,148,0.35)' },
          tooltip: { show: false },
          barWidth: 10,
        },
        {
          name: spec.estimateLabel,
          type: 'scatter',
          data: spec.estimate,
          symbolSize: 11,
          itemStyle: { color: '#0b5394' },
        },
      ],
    };
  }
  if (spec.kind === 'stacked-bar') {
    return {
      ...base,
      xAxis: { type: 'category', data: spec.categories },
      yAxis: { type: 'value' },
      series: spec.series.map((s) => ({ name: s.name, type: 'bar', stack: 't', data: s.values })),
    };
  }
  const xs = spec.xs;
  const data = (values: (number | null)[]) => (xs ? pairs(xs, values) : values);
  const series: Record<string, unknown>[] = spec.series.map((s, i) => ({
    name: s.name,
    type: 'line',
    data: data(s.values),
    connectNulls: true,
    symbol: ['circle', 'rect', 'triangle', 'diamond', 'pin', 'arrow', 'roundRect'][i % 7],
    symbolSize: 7,
    lineStyle: { type: s.dashed ? 'dashed' : 'solid', width: 2 },
  }));
  const first = series[0];
  if (first && (spec.markX || spec.markY)) {
    first.markLine = {
      symbol: 'none',
      lineStyle: { color: '#1a1a1a', type: 'dotted' },
      data: [
        ...(spec.markX
          ? [{ xAxis: xs ? Number(spec.markX.at) : spec.markX.at, label: { formatter: spec.markX.label } }]
          : []),
        ...(spec.markY
          ? [{ yAxis: spec.markY.at, label: { formatter: spec.markY.label, position: 'insideEndTop' } }]
          : []),
      ],
    };
  }
  if (spec.band) {
    const { lower, upper, name } = spec.band;
    series.push(
      {
        name,
        type: 'line',
        data: data(lower),
        stack: 'band',
        // The legend shows the band's own colour, not the palette's next one.
        itemStyle: { color: 'rgba(11,83,148,0.18)' },
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
      },
      {
        name,
        type: 'line',
        data: data(upper.map((u, i) => (u === null || lower[i] === null ? null : u - (lower[i] as number)))),
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        itemStyle: { color: 'rgba(11,83,148,0.18)' },
        areaStyle: { color: 'rgba(11,83,148,0.18)' },
        tooltip: { show: false },
      },
    );
  }
  (spec.bands ?? []).forEach((b, k) => {
    const shade = `rgba(11,83,148,${(0.14 + 0.14 * k).toFixed(2)})`;
    series.push(
      {
        name: b.name,
        type: 'line',
        data: data(b.lower),
        stack: `bands-${k}`,
        itemStyle: { color: shade },
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
      },
      {
        name: b.name,
        type: 'line',
        data: data(
          b.upper.map((u, i) => (u === null || b.lower[i] === null ? null : u - (b.lower[i] as number))),
        ),
        stack: `bands-${k}`,
        symbol: 'none',
        lineStyle: { opacity: 0 },
        itemStyle: { color: shade },
        areaStyle: { color: shade },
        tooltip: { show: false },
      },
    );
  });
  const [yMin, yMax] = valueDomain(
    [
      ...spec.series.flatMap((s) => s.values),
      ...(spec.band ? [...spec.band.lower, ...spec.band.upper] : []),
      ...(spec.bands ?? []).flatMap((b) => [...b.lower, ...b.upper]),
    ],
    { include: [spec.markY?.at], ...(spec.fromZero ? { fromZero: true } : {}) },
  );
  const label = (x: number) => spec.categories[xs?.indexOf(x) ?? -1] ?? String(x);
  const [x0, x1] = xs ? timeDomain(xs) : [0, 0];
  return {
    ...base,
    xAxis: xs
      ? {
          type: 'value',
          min: x0,
          max: x1,
          minInterval: 1,
          axisLabel: { formatter: (x: number) => String(x), hideOverlap: true },
        }
      : { type: 'category', data: spec.categories, boundaryGap: false },
    ...(xs
      ? {
          tooltip: {
            trigger: 'axis',
            axisPointer: { label: { formatter: (p: { value: number }) => label(p.value) } },
          },
        }
      : {}),
    yAxis: {
      type: 'value',
      min: spec.yMin ?? yMin,
      max: spec.yMax ?? yMax,
    },
    series,
  };
}

/** About how many lines the legend takes at phone width (names of up to ~12 characters, two per line). */
function legendRows(spec: ChartSpec): number {
  const n =
    spec.kind === 'pyramid' || spec.kind === 'interval-bar'
      ? 2
      : spec.series.length + (spec.kind === 'line' ? (spec.band ? 1 : 0) + (spec.bands?.length ?? 0) : 0);
  return Math.max(1, Math.ceil(n / 2));
}

/** Renders into the element; returns a function that disposes the chart. */
export function renderChart(el: HTMLElement, spec: ChartSpec): () => void {
  const chart = echarts.init(el, undefined, { renderer: 'svg' });
  chart.setOption(option(spec));
  const onResize = () => chart.resize();
  window.addEventListener('resize', onResize);
  el.dataset.rendered = 'true';
  return () => {
    window.removeEventListener('resize', onResize);
    chart.dispose();
  };
}
