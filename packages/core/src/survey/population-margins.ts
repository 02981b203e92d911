/**
 * Population margins (raking) or cells (post-stratification) from a population
 * file, matched to the respondents' columns: each respondent coded by the
 * population's levels, every level the population lacks listed once with the
 * first row that has it.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { parseNumbers } from './answers';
import { type CalibrationMargin, checkMarginTotals } from './calibrate';
import type { ColumnTable, TextColumn } from './columns';
import { surveyProblems as P } from './survey-problems';

/** A small table of cells in memory (the population file). */
export interface RowsTable {
  file?: string;
  headers: readonly string[];
  rows: readonly { row: number; cells: Readonly<Record<string, string>> }[];
}

/** A margin as the population file gives it: its levels (labels "a × b" when joint) and counts. */
export interface PopulationLevels {
  name: string;
  /** The calibration variables it crosses (one when raking). */
  vars: readonly string[];
  levels: string[];
  population: number[];
  levelIndex: Map<string, number>;
}

/** The population side of the margins: headers, counts and their totals checked. */
export function populationLevels(
  pop: RowsTable,
  vars: readonly string[],
  joint: boolean,
): Result<PopulationLevels[]> {
  const r = readPopulation(pop, vars, joint);
  if (!r.ok) return r;
  const problems = [...r.value.countProblems, ...r.value.totalProblems];
  return problems.length > 0 ? fail(problems) : ok(r.value.margins);
}

/** The population file read: problems that stop reading fail; count and total problems are returned apart. */
function readPopulation(
  pop: RowsTable,
  vars: readonly string[],
  joint: boolean,
): Result<{ margins: PopulationLevels[]; countProblems: Problem[]; totalProblems: Problem[] }> {
  const problems: Problem[] = [];
  for (const name of [...vars, 'count'])
    if (!pop.headers.includes(name))
      problems.push(
        P.valueMissing.create({ value: name }, { ...(pop.file ? { file: pop.file } : {}), column: name }),
      );
  if (problems.length > 0) return fail(problems);
  const counts = parseNumbers(
    pop.rows.map((r) => r.cells.count ?? ''),
    { column: 'count', rows: pop.rows.map((r) => r.row), ...(pop.file ? { file: pop.file } : {}) },
    { required: true },
  );
  if (!counts.ok) return counts;
  for (let k = 0; k < pop.rows.length; k++) {
    if ((counts.value[k] as number) < 0)
      problems.push(
        P.populationCountInvalid.create(
          { count: counts.value[k] as number },
          { file: pop.file, row: pop.rows[k]?.row, column: 'count' },
        ),
      );
  }
  const groups = joint ? [vars] : vars.map((v) => [v]);
  const out = groups.map((g) => {
    const keyOf = (c: Readonly<Record<string, string>>) =>
      g.every((v) => (c[v] ?? '') !== '') ? g.map((v) => c[v]).join(' × ') : undefined;
    const totals = new Map<string, number>();
    pop.rows.forEach((r, k) => {
      const key = keyOf(r.cells);
      if (key !== undefined) totals.set(key, (totals.get(key) ?? 0) + (counts.value[k] as number));
    });
    const levels = [...totals.keys()];
    return {
      name: g.join(' × '),
      vars: g,
      levels,
      population: levels.map((l) => totals.get(l) as number),
      levelIndex: new Map(levels.map((l, i) => [l, i])),
    };
  });
  const totalProblems = joint
    ? []
    : checkMarginTotals(
        out.map((m) => ({
          factor: { codes: new Int32Array(0), levels: m.levels },
          population: m.population,
          name: m.name,
        })),
        1e-9,
      );
  return ok({ margins: out, countProblems: problems, totalProblems });
}

/** Population margins (or joint cells) for the calibration variables, with every unknown code listed. */
export function populationMargins(
  data: ColumnTable,
  pop: RowsTable,
  vars: readonly string[],
  joint: boolean,
): Result<CalibrationMargin[]> {
  const read = readPopulation(pop, vars, joint);
  if (!read.ok) return read;
  const problems: Problem[] = [...read.value.countProblems];
  const margins: CalibrationMargin[] = [];
  for (const { name, vars: g, levels, population, levelIndex } of read.value.margins) {
    const parts = g.map((v) => data.texts[v] as TextColumn);
    const { codes, labels } = crossCodes(parts, data.n);
    // Population level of each combination seen in the data (-1: not in the population).
    const toLevel = labels.map((l) => (l === undefined ? -1 : (levelIndex.get(l) ?? -1)));
    const firstRow = new Int32Array(labels.length).fill(-1);
    const out = new Int32Array(data.n);
    for (let i = 0; i < data.n; i++) {
      const combo = codes[i] as number;
      const level = toLevel[combo] as number;
      out[i] = level;
      if (level < 0 && firstRow[combo] === -1) firstRow[combo] = i;
    }
    // Unknown values in the order of their first row, as the row path lists them.
    const unknown = [...firstRow.keys()].filter((c) => (firstRow[c] as number) >= 0);
    unknown.sort((a, b) => (firstRow[a] as number) - (firstRow[b] as number));
    for (const c of unknown)
      problems.push(
        P.sampleCellMissing.create(
          { cell: labels[c] ?? '' },
          {
            ...(data.file ? { file: data.file } : {}),
            row: data.rows[firstRow[c] as number],
            column: name,
          },
        ),
      );
    margins.push({ factor: { codes: out, levels }, population, name });
  }
  problems.push(...read.value.totalProblems);
  return problems.length > 0 ? fail(problems) : ok(margins);
}

/**
 * Codes each respondent by its combination of the columns' values; a label per
 * combination ("a × b"), undefined when one of the values is blank.
 */
function crossCodes(cols: TextColumn[], n: number): { codes: Int32Array; labels: (string | undefined)[] } {
  if (cols.length === 1) {
    const col = cols[0] as TextColumn;
    return { codes: col.codes, labels: col.levels.map((l) => (l === '' ? undefined : l)) };
  }
  const codes = new Int32Array(n);
  const space = cols.reduce((a, col) => a * col.levels.length, 1);
  // A dense table over the possible combinations when small, else a map.
  const dense = space <= 1 << 20 ? new Int32Array(space).fill(-1) : undefined;
  const seen = new Map<number, number>();
  const labels: (string | undefined)[] = [];
  for (let i = 0; i < n; i++) {
    let key = 0;
    for (const col of cols) key = key * col.levels.length + (col.codes[i] as number);
    let combo = dense ? dense[key] : seen.get(key);
    if (combo === undefined || combo < 0) {
      combo = labels.length;
      if (dense) dense[key] = combo;
      else seen.set(key, combo);
      const values = cols.map((col) => col.levels[col.codes[i] as number] as string);
      labels.push(values.every((v) => v !== '') ? values.join(' × ') : undefined);
    }
    codes[i] = combo;
  }
  return { codes, labels };
}
