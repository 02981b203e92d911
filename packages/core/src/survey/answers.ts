/**
 * Reading answer columns: numbers with their row and column on failure,
 * checked against the question's scale (for example 0–10 whole numbers).
 * Blank cells are missing answers (NaN), left out of estimates as `na.rm`.
 */
import { fail, ok, type Problem, type Result, type Where } from '../errors';
import { surveyProblems as P } from './survey-problems';

export interface Scale {
  min: number;
  max: number;
  /** Answers must be whole numbers (default true). */
  integer?: boolean;
}

export interface ColumnSource {
  column: string;
  file?: string;
  /** File row of each value (default index + 1). */
  rows?: ArrayLike<number>;
}

/** Parses a numeric column, listing every bad cell. */
export function parseNumbers(
  values: readonly string[],
  source: ColumnSource,
  opts: { scale?: Scale; required?: boolean } = {},
): Result<Float64Array> {
  const out = new Float64Array(values.length);
  const problems: Problem[] = [];
  const where = (i: number): Where => ({
    ...(source.file ? { file: source.file } : {}),
    row: source.rows ? (source.rows[i] as number) : i + 1,
    column: source.column,
  });
  for (let i = 0; i < values.length; i++) {
    const raw = (values[i] ?? '').trim();
    if (raw === '' || raw === 'NA') {
      if (opts.required) problems.push(P.valueMissing.create({ value: source.column }, where(i)));
      out[i] = Number.NaN;
      continue;
    }
    const v = Number(raw);
    if (!Number.isFinite(v)) {
      problems.push(P.notANumber.create({ value: raw }, where(i)));
      continue;
    }
    const scale = opts.scale;
    if (scale) {
      if (v < scale.min || v > scale.max)
        problems.push(P.outOfScale.create({ value: v, min: scale.min, max: scale.max }, where(i)));
      else if ((scale.integer ?? true) && !Number.isInteger(v))
        problems.push(P.notInteger.create({ value: v }, where(i)));
    }
    out[i] = v;
  }
  return problems.length > 0 ? fail(problems) : ok(out);
}
