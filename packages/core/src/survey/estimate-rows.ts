/**
 * One estimate from rows in memory (a stored wave, tests): the rows become
 * columns and take the same path as a file read by `mirai survey estimate`.
 */
import type { Result } from '../errors';
import { columnsFromCells } from './columns';
import {
  columnsForEstimate,
  type EstimateOutput,
  type EstimateSpec,
  estimateFromColumns,
} from './estimate-columns';
import type { RowsTable } from './population-margins';

export type { RowsTable };

/** Runs the estimate the CLI contract describes on rows in memory. */
export function estimateFromRows(data: RowsTable, spec: EstimateSpec): Result<EstimateOutput> {
  const table = columnsFromCells(
    data.headers,
    data.rows.map((r) => r.row),
    (i, column) => data.rows[i]?.cells[column] ?? '',
    columnsForEstimate(spec),
    data.file,
  );
  return estimateFromColumns(table, spec);
}
