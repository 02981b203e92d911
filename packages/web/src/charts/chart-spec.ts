/** Charts described as plain data, so the server can render their tables and the client their pictures. */
export interface LineSeries {
  name: string;
  values: (number | null)[];
  dashed?: boolean;
}
export type ChartSpec =
  | {
      kind: 'line';
      categories: string[];
      series: LineSeries[];
      /** A confidence band drawn under the first series. */
      band?: { lower: (number | null)[]; upper: (number | null)[]; name: string };
      /** A vertical rule at a category (e.g. the census/projection boundary). */
      markX?: { at: string; label: string };
      /** A horizontal rule at a value (e.g. a target). */
      markY?: { at: number; label: string };
      yMin?: number;
      yMax?: number;
    }
  | { kind: 'stacked-bar'; categories: string[]; series: LineSeries[] }
  | {
      kind: 'pyramid';
      categories: string[];
      male: number[];
      female: number[];
      maleLabel: string;
      femaleLabel: string;
    };
