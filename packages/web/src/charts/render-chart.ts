/**
 * Draws a chart spec with ECharts, imported piece by piece (line and bar
 * charts, grid, tooltip, legend, mark lines, SVG renderer) so the bundle holds
 * only what is used. Loaded on demand after the page is interactive.
 */
import { BarChart, LineChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type { ChartSpec } from './chart-spec';

echarts.use([
  LineChart,
  BarChart,
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
    legend: { top: 0, type: 'scroll' },
    grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
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
  if (spec.kind === 'stacked-bar') {
    return {
      ...base,
      xAxis: { type: 'category', data: spec.categories },
      yAxis: { type: 'value' },
      series: spec.series.map((s) => ({ name: s.name, type: 'bar', stack: 't', data: s.values })),
    };
  }
  const series: Record<string, unknown>[] = spec.series.map((s, i) => ({
    name: s.name,
    type: 'line',
    data: s.values,
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
        ...(spec.markX ? [{ xAxis: spec.markX.at, label: { formatter: spec.markX.label } }] : []),
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
        data: lower,
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        tooltip: { show: false },
      },
      {
        name,
        type: 'line',
        data: upper.map((u, i) => (u === null || lower[i] === null ? null : u - (lower[i] as number))),
        stack: 'band',
        symbol: 'none',
        lineStyle: { opacity: 0 },
        areaStyle: { color: 'rgba(11,83,148,0.18)' },
        tooltip: { show: false },
      },
    );
  }
  return {
    ...base,
    xAxis: { type: 'category', data: spec.categories, boundaryGap: false },
    yAxis: {
      type: 'value',
      scale: spec.yMin === undefined,
      ...(spec.yMin !== undefined ? { min: spec.yMin } : {}),
      ...(spec.yMax !== undefined ? { max: spec.yMax } : {}),
    },
    series,
  };
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
