/** Charts described as plain data, so the server can render their tables and the client their pictures. */
export interface LineSeries {
  name: string;
  values: (number | null)[];
  dashed?: boolean;
}
export type ChartSpec =
  | {
      kind: 'line';
      /** Labels of the points (tooltips, and the axis when `xs` is absent). */
      categories: string[];
      /** The points' years: a numeric time axis, spaced by value. */
      xs?: number[];
      /** Start the value axis at zero (counts); otherwise it fits the data, band and rules. */
      fromZero?: boolean;
      series: LineSeries[];
      /** A confidence band drawn under the first series. */
      band?: { lower: (number | null)[]; upper: (number | null)[]; name: string };
      /** Further bands under the series, widest first (e.g. a projection's 95% then 80% interval). */
      bands?: { lower: (number | null)[]; upper: (number | null)[]; name: string }[];
      /** A vertical rule at a category, or a year on a numeric axis (e.g. the census/projection boundary). */
      markX?: { at: string; label: string };
      /** A horizontal rule at a value (e.g. a target). */
      markY?: { at: number; label: string };
      yMin?: number;
      yMax?: number;
    }
  | { kind: 'stacked-bar'; categories: string[]; series: LineSeries[] }
  | {
      /** Estimates with their intervals, one row per category (e.g. relative importance with bootstrap intervals). */
      kind: 'interval-bar';
      categories: string[];
      estimate: number[];
      lower: number[];
      upper: number[];
      estimateLabel: string;
      intervalLabel: string;
    }
  | {
      kind: 'pyramid';
      categories: string[];
      male: number[];
      female: number[];
      maleLabel: string;
      femaleLabel: string;
    };
