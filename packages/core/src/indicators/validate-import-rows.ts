/**
 * Validates every row of a file of actual values before anything is stored:
 * unknown indicator, unreadable or out-of-plan fiscal year, a value that is
 * not one number or outside the indicator's range, an unknown area, duplicate
 * rows, and (unless corrections are allowed) values already recorded. Accepts
 * what Japanese offices type when it is unambiguous (full-width digits,
 * thousands separators, 令和 years, the unit after the number); rejects the
 * rest by name. Every problem carries its row, column and cell.
 */
import { fiscalYearOf, parseFiscalYear, parseJapaneseDate } from '../calendar';
import { fail, ok, type Problem, type Result, type Where } from '../errors';
import { normalizeText, parseLooseNumber } from '../text';
import { currentActuals } from './actual-history';
import { importProblems as P } from './import-problems';
import { formatIsoDate } from './indicator-period';
import { type ActualVersion, actualKey, type IndicatorDefinition } from './indicator-types';

export interface ImportTable {
  file?: string;
  sheet?: string;
  headers: string[];
  rows: { row: number; cells: Record<string, string> }[];
}

export interface ImportContext {
  definitions: readonly IndicatorDefinition[];
  plan: { startFiscalYear: number; endFiscalYear: number };
  /** Versions already stored (all or current). */
  existing?: readonly ActualVersion[];
  /** `correct`: a row for a value already recorded becomes a correction of it. Default `reject`. */
  onExisting?: 'reject' | 'correct';
  /**
   * Problems kept; past this many they are only counted, and one more problem gives the count (a
   * file can name a problem on each of hundreds of thousands of rows). Default: all kept.
   */
  maxProblems?: number;
}

export interface ImportedRow {
  row: number;
  indicatorCode: string;
  fiscalYear: number;
  date?: string;
  area?: string;
  value: number;
  source?: string;
  note?: string;
  /** The version this row corrects. */
  supersedes?: string;
  /** The same value is already recorded: nothing to store. */
  unchanged?: boolean;
}

/** Accepted header names per column (compared after NFKC, trimmed, lower-cased). */
export const importColumns = {
  code: ['指標コード', 'コード', 'code', 'indicator', 'indicator_code'],
  fiscalYear: ['年度', 'fiscal_year', 'fiscalyear', 'fy', 'year'],
  value: ['実績値', '値', 'value', 'actual'],
  date: ['基準日', '日付', 'date'],
  area: ['地域', '地域コード', 'area'],
  source: ['出典', 'source'],
  note: ['備考', 'note'],
} as const;
type Column = keyof typeof importColumns;

const letter = (i: number): string =>
  (i < 26 ? '' : letter(Math.floor(i / 26) - 1)) + String.fromCharCode(65 + (i % 26));

export function validateImportRows(table: ImportTable, ctx: ImportContext): Result<ImportedRow[]> {
  const check = startImportRowCheck(table, ctx);
  if (!check.ok) return check;
  check.value.check(table.rows);
  return check.value.finish();
}

/** The same checks, row slice by row slice (a long import yields between slices). */
export interface ImportRowCheck {
  /** Checks the next rows (in file order); duplicates are found across every slice. */
  check(rows: ImportTable['rows']): void;
  /** Every problem found, or the accepted rows. */
  finish(): Result<ImportedRow[]>;
}

/** Checks the headers, then answers a check to feed the rows to (or the header problems). */
export function startImportRowCheck(table: ImportTable, ctx: ImportContext): Result<ImportRowCheck> {
  const problems = problemList(ctx.maxProblems ?? Number.POSITIVE_INFINITY);
  const base: Where = {};
  if (table.file) base.file = table.file;
  if (table.sheet) base.sheet = table.sheet;

  const header = new Map<Column, { name: string; index: number }>();
  table.headers.forEach((h, index) => {
    const n = normalizeText(h).toLowerCase();
    for (const [col, names] of Object.entries(importColumns) as [Column, readonly string[]][]) {
      if (!header.has(col) && names.some((x) => x.toLowerCase() === n)) header.set(col, { name: h, index });
    }
  });
  for (const col of ['code', 'value'] as const) {
    if (!header.has(col)) {
      const accepted = importColumns[col].map((x) => `「${x}」`).join(' ');
      problems.push(P.columnMissing.create({ column: importColumns[col][0], accepted }, { ...base, row: 1 }));
    }
  }
  if (!header.has('fiscalYear') && !header.has('date')) {
    const accepted = [...importColumns.fiscalYear, ...importColumns.date].map((x) => `「${x}」`).join(' ');
    problems.push(P.columnMissing.create({ column: '年度', accepted }, { ...base, row: 1 }));
  }
  if (problems.length > 0) return fail(problems.all());

  const defs = new Map(ctx.definitions.map((d) => [d.code, d]));
  const current = new Map(currentActuals(ctx.existing ?? []).map((v) => [actualKey(v), v]));
  const seen = new Map<string, number>();
  const out: ImportedRow[] = [];
  let dataRows = 0;

  const checkRow = ({ row, cells }: ImportTable['rows'][number]): void => {
    const get = (col: Column) => {
      const h = header.get(col);
      return h ? normalizeText(cells[h.name] ?? '') : '';
    };
    const at = (col: Column): Where => {
      const h = header.get(col)!;
      return { ...base, row, column: h.name, cell: `${letter(h.index)}${row}` };
    };
    if ((Object.keys(importColumns) as Column[]).every((c) => get(c) === '')) return;
    dataRows++;
    const before = problems.length;

    const code = get('code');
    const def = code ? defs.get(code) : undefined;
    if (!code) problems.push(P.required.create({ column: header.get('code')!.name }, at('code')));
    else if (!def) problems.push(P.unknownIndicator.create({ code }, at('code')));

    let date: string | undefined;
    let dateFy: number | undefined;
    const dateText = get('date');
    if (dateText) {
      const d = parseJapaneseDate(dateText);
      if (!d) problems.push(P.dateUnreadable.create({ text: dateText }, at('date')));
      else {
        date = formatIsoDate(d);
        dateFy = fiscalYearOf(d);
      }
    }
    let fiscalYear: number | undefined;
    const fyText = get('fiscalYear');
    if (fyText) {
      fiscalYear = parseFiscalYear(fyText);
      if (fiscalYear === undefined)
        problems.push(P.fiscalYearUnreadable.create({ text: fyText }, at('fiscalYear')));
      else if (date && dateFy !== fiscalYear) {
        problems.push(P.dateOutsideFiscalYear.create({ date, fiscalYear }, at('date')));
      }
    } else if (dateFy !== undefined) fiscalYear = dateFy;
    else if (!dateText) {
      const col = header.has('fiscalYear') ? 'fiscalYear' : 'date';
      problems.push(P.required.create({ column: header.get(col)!.name }, at(col)));
    }
    const { startFiscalYear: start, endFiscalYear: end } = ctx.plan;
    if (fiscalYear !== undefined && (fiscalYear < start || fiscalYear > end)) {
      problems.push(
        P.fiscalYearOutsidePlan.create(
          { fiscalYear, start, end },
          at(header.has('fiscalYear') ? 'fiscalYear' : 'date'),
        ),
      );
    }

    const valueText = get('value');
    let value: number | undefined;
    if (!valueText) problems.push(P.required.create({ column: header.get('value')!.name }, at('value')));
    else {
      value = parseValue(valueText, def);
      if (value === undefined) problems.push(P.notANumber.create({ text: valueText }, at('value')));
      else if (def) {
        const { min, max } = rangeOf(def);
        if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
          const range = { min: String(min ?? '-∞'), max: String(max ?? '∞') };
          problems.push(P.outOfRange.create({ value, code: def.code, ...range }, at('value')));
        }
      }
    }

    const area = get('area') || undefined;
    if (area && def && !(def.areas ?? []).includes(area)) {
      problems.push(P.unknownArea.create({ code: def.code, area }, at('area')));
    }

    if (problems.length > before || !def || fiscalYear === undefined || value === undefined) return;
    const item: ImportedRow = { row, indicatorCode: def.code, fiscalYear, value };
    if (date) item.date = date;
    if (area) item.area = area;
    const source = get('source');
    if (source) item.source = source;
    const note = get('note');
    if (note) item.note = note;
    const key = actualKey(item);
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push(P.duplicateRow.create({ firstRow: first }, at('code')));
      return;
    }
    seen.set(key, row);
    const existing = current.get(key);
    if (existing) {
      if (existing.value === value) item.unchanged = true;
      else if ((ctx.onExisting ?? 'reject') === 'reject') {
        problems.push(P.alreadyRecorded.create({ existing: existing.value, value }, at('value')));
        return;
      } else item.supersedes = existing.id;
    }
    out.push(item);
  };
  return ok({
    check: (rows) => {
      for (const r of rows) checkRow(r);
    },
    finish: () => {
      if (dataRows === 0 && problems.length === 0) problems.push(P.noRows.create({}, { ...base }));
      return problems.length > 0 ? fail(problems.all()) : ok(out);
    },
  });
}

/** Problems up to `max` kept, every one counted; `all()` adds one that counts those not kept. */
function problemList(max: number) {
  const kept: Problem[] = [];
  let length = 0;
  return {
    push(p: Problem) {
      if (kept.length < max) kept.push(p);
      length++;
    },
    get length() {
      return length;
    },
    all: (): Problem[] =>
      length > kept.length ? [...kept, P.moreProblems.create({ shown: kept.length, total: length })] : kept,
  };
}

/** A number, allowing the indicator's own unit after it ("65,000人", "6.77点"); "%" only for % indicators. */
function parseValue(text: string, def: IndicatorDefinition | undefined): number | undefined {
  let s = text;
  const unit = def ? normalizeText(def.unit.ja) : '';
  if (unit && unit !== '%' && s.endsWith(unit)) s = s.slice(0, -unit.length).trim();
  if (s.endsWith('%') && unit !== '%') return undefined;
  return parseLooseNumber(s);
}

function rangeOf(def: IndicatorDefinition): { min?: number; max?: number } {
  const min = def.range?.min ?? def.survey?.scale.min;
  const max = def.range?.max ?? def.survey?.scale.max;
  return { ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}) };
}
