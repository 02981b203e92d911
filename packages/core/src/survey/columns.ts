/**
 * A survey file as columns: numbers in typed arrays, categories as a code
 * table per column (no object per row), with each respondent's file row kept
 * for problem locations. The streaming file reader (app) fills it; rows in
 * memory convert to it, so every estimate takes one path.
 */
import { fail, ok, type Problem, type Result, type Where } from '../errors';
import type { Scale } from './answers';
import { type Factor, factorize } from './factor';
import { surveyProblems as P } from './survey-problems';

/** A column read as numbers: NaN where blank ('' or NA) or not a number (then listed in `bad`). */
export interface NumberColumn {
  readonly values: Float64Array;
  /** Cells that are not numbers, by respondent index (ascending), with their normalised text. */
  readonly bad: readonly { readonly index: number; readonly text: string }[];
}

/** A column read as categories: a code per respondent into `levels` (normalised text, '' for blank). */
export interface TextColumn {
  readonly codes: Int32Array;
  readonly levels: readonly string[];
}

export interface ColumnTable {
  file?: string;
  /** Respondents (non-blank data rows). */
  readonly n: number;
  /** Normalised headers of the file, in order (blank ones left out). */
  readonly headers: readonly string[];
  /** File row of each respondent (the header is row 1). */
  readonly rows: Int32Array;
  readonly numbers: Readonly<Record<string, NumberColumn>>;
  readonly texts: Readonly<Record<string, TextColumn>>;
}

/** Which columns to read and how: a column may be asked for both as numbers and as text. */
export interface ColumnRequest {
  numbers: readonly string[];
  texts: readonly string[];
}

/** Parses a cell's normalised text as `parseNumbers` does: NaN for blank or NA, undefined when not a number. */
export function cellNumber(text: string): number | undefined {
  const raw = text.trim();
  if (raw === '' || raw === 'NA') return Number.NaN;
  const v = Number(raw);
  return Number.isFinite(v) ? v : undefined;
}

/** Builds a table from cells in memory (a stored wave, a parsed xlsx, tests). */
export function columnsFromCells(
  headers: readonly string[],
  rows: ArrayLike<number>,
  cell: (index: number, column: string) => string,
  request: ColumnRequest,
  file?: string,
): ColumnTable {
  const n = rows.length;
  const numbers: Record<string, NumberColumn> = {};
  const texts: Record<string, TextColumn> = {};
  for (const name of request.numbers) {
    if (!headers.includes(name)) continue;
    const values = new Float64Array(n);
    const bad: { index: number; text: string }[] = [];
    for (let i = 0; i < n; i++) {
      const text = cell(i, name);
      const v = cellNumber(text);
      if (v === undefined) {
        bad.push({ index: i, text: text.trim() });
        values[i] = Number.NaN;
      } else values[i] = v;
    }
    numbers[name] = { values, bad };
  }
  for (const name of request.texts) {
    if (!headers.includes(name)) continue;
    const index = new Map<string, number>();
    const levels: string[] = [];
    const codes = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      const text = cell(i, name);
      let code = index.get(text);
      if (code === undefined) {
        code = levels.length;
        levels.push(text);
        index.set(text, code);
      }
      codes[i] = code;
    }
    texts[name] = { codes, levels };
  }
  return { ...(file ? { file } : {}), n, headers, rows: Int32Array.from(rows), numbers, texts };
}

/**
 * The numbers of a column with every problem listed as `parseNumbers` lists
 * them (not a number, missing when required, outside the scale), in row order.
 */
export function columnNumbers(
  table: ColumnTable,
  column: string,
  opts: { scale?: Scale; required?: boolean } = {},
): Result<Float64Array> {
  const col = table.numbers[column];
  if (!col) return fail(P.valueMissing.create({ value: column }, whereOf(table, undefined, column)));
  const { values, bad } = col;
  const problems: Problem[] = [];
  const { scale, required } = opts;
  const integer = scale ? (scale.integer ?? true) : false;
  let next = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isNaN(v)) {
      if (scale && (v < scale.min || v > scale.max || (integer && !Number.isInteger(v)))) {
        problems.push(
          v < scale.min || v > scale.max
            ? P.outOfScale.create({ value: v, min: scale.min, max: scale.max }, whereOf(table, i, column))
            : P.notInteger.create({ value: v }, whereOf(table, i, column)),
        );
      }
      continue;
    }
    const b = bad[next];
    if (b && b.index === i) {
      next++;
      problems.push(P.notANumber.create({ value: b.text }, whereOf(table, i, column)));
    } else if (required) problems.push(P.valueMissing.create({ value: column }, whereOf(table, i, column)));
  }
  return problems.length > 0 ? fail(problems) : ok(values);
}

/** A text column as a factor with R's level order (or the given levels; others coded -1). */
export function columnFactor(col: TextColumn, levels?: readonly string[]): Factor {
  const mapped = factorize(col.levels, levels);
  const codes = new Int32Array(col.codes.length);
  const map = mapped.codes;
  for (let i = 0; i < codes.length; i++) codes[i] = map[col.codes[i] as number] as number;
  return { codes, levels: mapped.levels };
}

/** Where a respondent's cell is in the file. */
export function whereOf(table: ColumnTable, index: number | undefined, column: string): Where {
  return {
    ...(table.file ? { file: table.file } : {}),
    ...(index !== undefined ? { row: table.rows[index] as number } : {}),
    column,
  };
}
