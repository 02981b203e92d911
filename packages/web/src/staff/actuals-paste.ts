/**
 * A block pasted from Excel into the actuals grid: tab-separated cells,
 * newline-separated rows (Excel quotes a cell holding a tab, newline or
 * quote). Where the block says which years or indicators it holds, that wins
 * over where it was pasted: a first row of fiscal years (2025, 令和7年度, R7,
 * ＦＹ２０２５) picks the columns, a first column of indicator codes or names
 * picks the rows. Values are placed as pasted; the grid's check reads them.
 */
import { normalizeText, parseFiscalYear } from '@mirai/core';

/** Excel's text/plain clipboard: rows of cells (a trailing newline ends the last row). */
export function readPastedBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') quoted = false;
      else cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') quoted = true;
    else if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export interface GridShape {
  /** Indicator codes of the grid's rows, in order, with their names (ja, en) to recognise a pasted name. */
  rows: { code: string; names: string[] }[];
  years: number[];
}

export interface PlacedValue {
  code: string;
  fiscalYear: number;
  value: string;
}

export interface Placement {
  values: PlacedValue[];
  /** Pasted cells with no place in the grid (beyond its edge, an unknown year or indicator), for a notice. */
  outside: number;
  /** What the block said about itself, for the notice. */
  yearHeader: boolean;
  codeColumn: boolean;
}

const yearOf = (text: string): number | undefined => (text.trim() === '' ? undefined : parseFiscalYear(text));

/** Where each pasted value goes, starting at the cell pasted into (row and column indexes of the grid). */
export function placePaste(block: string[][], at: { row: number; col: number }, shape: GridShape): Placement {
  const byName = new Map<string, string>();
  for (const r of shape.rows)
    for (const n of [r.code, ...r.names]) byName.set(normalizeText(n).toLowerCase(), r.code);
  const rowOf = (text: string) => byName.get(normalizeText(text).toLowerCase());

  let body = block;
  let first = block[0] ?? [];
  // A first column of indicator codes or names (its header cell may be anything, or empty).
  const codeColumn =
    block.length > 0 &&
    block.filter((r, i) => (i === 0 ? false : rowOf(r[0] ?? '') !== undefined)).length > 0 &&
    block.every((r, i) => i === 0 || (r[0] ?? '').trim() === '' || rowOf(r[0] ?? '') !== undefined);
  const startCol = codeColumn ? 1 : 0;
  // A first row of fiscal years: every non-empty cell after the code column reads as one.
  const headerCells = first.slice(startCol).filter((c) => c.trim() !== '');
  const yearHeader = headerCells.length > 0 && headerCells.every((c) => yearOf(c) !== undefined);
  let columns: (number | undefined)[] | undefined;
  if (yearHeader) {
    columns = first.slice(startCol).map((c) => yearOf(c));
    body = block.slice(1);
  } else first = [];
  // Without a year header, a code column's first row is data too (unless it is not a known indicator).
  if (!yearHeader && codeColumn && rowOf(block[0]?.[0] ?? '') === undefined) body = block.slice(1);

  const values: PlacedValue[] = [];
  let outside = 0;
  body.forEach((cells, r) => {
    const code = codeColumn ? rowOf(cells[0] ?? '') : shape.rows[at.row + r]?.code;
    cells.slice(startCol).forEach((value, c) => {
      if (codeColumn && (cells[0] ?? '').trim() === '' && value.trim() === '') return;
      const fiscalYear = columns ? columns[c] : shape.years[at.col + c];
      if (code === undefined || fiscalYear === undefined || !shape.years.includes(fiscalYear)) {
        if (value.trim() !== '') outside++;
        return;
      }
      values.push({ code, fiscalYear, value: value.trim() });
    });
  });
  return { values, outside, yearHeader, codeColumn };
}
