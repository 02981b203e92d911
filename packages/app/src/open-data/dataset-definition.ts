/**
 * What an open dataset is to the catalogue: an id, titles and a description
 * in Japanese and English, and a reader that builds its table (typed columns
 * with Japanese and English headers, rows, the newest change of what it shows)
 * through the caller's read scope, so the public sees published data only.
 * Datasets are registered in `registry.ts`, the one registration point.
 */
import type { Result } from '@mirai/core';
import type { AppContext } from '../context';
import type { Bilingual } from '../web-data/population-sources';

export type { Bilingual };

/**
 * How a column is written: `code` stays text in Excel (leading zeros kept),
 * `number` is a number, `timestamp` is Japan time, `text` is text.
 */
export type ColumnType = 'code' | 'text' | 'number' | 'timestamp';

export interface DatasetColumn {
  /** The JSON key (ASCII, snake_case). */
  key: string;
  ja: string;
  en: string;
  type: ColumnType;
}

export type DatasetCell = string | number | boolean | null;

/** A licence, e.g. CC BY 4.0 (the default) or one the plan or the data set declares. */
export interface Licence {
  id: string;
  title: Bilingual;
  url: string;
}

export interface DatasetTable {
  columns: DatasetColumn[];
  /** Cells in column order; timestamps as Date or ISO text, written in Japan time. */
  rows: (DatasetCell | Date)[][];
  /** Newest change of what the table shows, read from the database; null when nothing is stored yet. */
  modified: Date | null;
  source: Bilingual;
  /** Illustrative data (said on the page and in the catalogue). */
  sample?: boolean;
  /** Overrides the plan's licence (e.g. a third party's statistics). */
  licence?: Licence;
}

export interface DatasetDefinition {
  /** Stable, URL-safe: `[a-z0-9-]+` (the CKAN package name and the file name). */
  id: string;
  title: Bilingual;
  description: Bilingual;
  keywords?: string[];
  read: (ctx: AppContext) => Promise<Result<DatasetTable>>;
}

/** Several datasets known only from the database (e.g. one per stored statistical table). */
export interface DatasetFamily {
  family: string;
  expand: (ctx: AppContext) => Promise<Result<DatasetDefinition[]>>;
}

export type DatasetRegistration = DatasetDefinition | DatasetFamily;

export const defineDataset = (d: DatasetDefinition): DatasetDefinition => d;
export const defineDatasetFamily = (f: DatasetFamily): DatasetFamily => f;

/** Text in both languages from a plan's text (English falls back to Japanese). */
export const bilingual = (t: { ja: string; en?: string } | string | undefined | null): Bilingual =>
  typeof t === 'string' ? { ja: t, en: t } : { ja: t?.ja ?? '', en: t?.en ?? t?.ja ?? '' };

/** A column, briefly: `col('code', 'コード', 'Code', 'code')`. */
export const col = (key: string, ja: string, en: string, type: ColumnType = 'text'): DatasetColumn => ({
  key,
  ja,
  en,
  type,
});

/** The newest of some instants (null when none). */
export function newest(dates: readonly (Date | string | null | undefined)[]): Date | null {
  let best: Date | null = null;
  for (const d of dates) {
    if (d === null || d === undefined) continue;
    const t = d instanceof Date ? d : new Date(d);
    if (!Number.isNaN(t.getTime()) && (!best || t > best)) best = t;
  }
  return best;
}
