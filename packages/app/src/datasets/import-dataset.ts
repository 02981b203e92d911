/**
 * Importing a statistical data set for a municipality from a file (CSV in
 * UTF-8 or Shift_JIS, or xlsx): the table is read, every row is checked for
 * its kind (year, sex, five-year age group, a count that is a non-negative
 * number, the municipality's code) and every problem is reported with file,
 * row and column; only a table without problems is stored, as the data set's
 * next version, audited. `mirai population data import` runs it.
 */

import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { defineProblem, fail, ok, type Problem, type Result, standardAgeGroups } from '@mirai/core';
import { datasetFileNameTaken } from '@mirai/db';
import type { AppContext } from '../context';
import { decodeText, readTableBytes, readTableFile, type Table } from '../io';
import { checkUploadShape } from '../io/upload-shape';
import { readPlan } from '../plan/plan-use-cases';
import type { DatasetKind } from './dataset-kinds';
import { datasetFromTable, storeDatasets } from './dataset-use-cases';
import { looksLikeEstat, readEstatCensusBytes, readEstatCensusFile } from './estat/estat-census';

export const datasetRowProblems = {
  badValue: defineProblem<{ column: string; value: string; expected: string }>(
    'dataset/bad-value',
    'invalid',
    (p) => ({
      ja: `列「${p.column}」の値「${p.value}」は読めません（${p.expected}）`,
      en: `Column "${p.column}": cannot read "${p.value}" (${p.expected})`,
    }),
  ),
  otherMunicipality: defineProblem<{ code: string; expected: string }>(
    'dataset/other-municipality',
    'invalid',
    (p) => ({
      ja: `別の自治体の行です（${p.code}。取り込み先は ${p.expected}）`,
      en: `The row is for another municipality (${p.code}; importing for ${p.expected})`,
    }),
  ),
};

const ages = new Set([...standardAgeGroups(90), 'unknown', 'all']);
const sexes = new Set(['total', 'male', 'female']);

/** Every problem of the table's rows for a kind with sex and five-year age. */
function checkSexAgeRows(table: Table, codeColumn: string, municipality: string | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const r of table.rows) {
    const at = (column: string) => ({ file: table.file, row: r.row, column });
    const bad = (column: string, expected: string) =>
      problems.push(
        datasetRowProblems.badValue.create({ column, value: r.cells[column] ?? '', expected }, at(column)),
      );
    const code = r.cells[codeColumn] ?? '';
    if (municipality && codeColumn === 'municipality_code' && code !== municipality)
      problems.push(
        datasetRowProblems.otherMunicipality.create({ code, expected: municipality }, at(codeColumn)),
      );
    if (!/^\d{4}$/.test(r.cells.year ?? '')) bad('year', 'a year such as 2020');
    if (!sexes.has(r.cells.sex ?? '')) bad('sex', 'total, male or female');
    if (!ages.has(r.cells.age_group ?? '')) bad('age_group', '0-4, 5-9, …, 85-89, 90+, unknown or all');
    const n = Number(r.cells.population);
    if (r.cells.population === '' || !Number.isFinite(n) || n < 0) bad('population', 'a count of persons');
  }
  return problems;
}

export interface ImportDatasetInput {
  /** The file's path, or its name when `bytes` holds its content (an upload). */
  file: string;
  bytes?: Uint8Array;
  kind: DatasetKind;
  code: string;
  title: { ja: string; en?: string };
  source: string;
  note?: string;
  sample?: boolean;
  /** Default: the municipality the current plan names. */
  municipalityCode?: string;
  meta?: Record<string, unknown>;
  /**
   * The file's layout: Mirai's own columns (`tidy`), e-Stat's CSV for a census by
   * sex and five-year age (`estat`), or told from the file (`auto`, the default).
   */
  layout?: 'auto' | 'tidy' | 'estat';
}

/** Whether to read the file as an e-Stat table. */
async function isEstat(input: ImportDatasetInput): Promise<boolean> {
  if (input.kind !== 'census-sex-age5' || input.layout === 'tidy') return false;
  if (input.layout === 'estat') return true;
  if (!/\.(csv|txt)$/i.test(input.file)) return false;
  try {
    return looksLikeEstat(decodeText(input.bytes ?? (await readFile(input.file))).text);
  } catch {
    return false;
  }
}

/** An upload's table (the staff page): the same checks and storing as a file's. */
export const importDataset = (
  ctx: AppContext,
  input: ImportDatasetInput & { bytes: Uint8Array },
  opts: { actor: string; dryRun?: boolean },
) => {
  const shape = checkUploadShape(input.bytes, basename(input.file));
  return shape.ok ? importDatasetFile(ctx, input, opts) : Promise.resolve(shape);
};

export async function importDatasetFile(
  ctx: AppContext,
  input: ImportDatasetInput,
  opts: { actor: string; dryRun?: boolean },
): Promise<Result<{ code: string; version: number; rows: number; municipalityCode: string }>> {
  let municipalityCode = input.municipalityCode;
  if (!municipalityCode) {
    const plan = await readPlan(ctx);
    if (!plan.ok) return plan;
    municipalityCode = plan.value.document.municipality.code;
  }
  let table: Result<Table>;
  let fileMeta: Record<string, unknown> = {};
  if (await isEstat(input)) {
    const estat = input.bytes
      ? readEstatCensusBytes(input.bytes, basename(input.file), municipalityCode)
      : await readEstatCensusFile(input.file, municipalityCode);
    if (!estat.ok) return estat;
    table = ok(estat.value.table);
    fileMeta = { layout: 'estat', estat: estat.value.meta };
  } else
    table = input.bytes
      ? await readTableBytes(input.bytes, basename(input.file), { kind: 'population-data' })
      : await readTableFile(input.file);
  if (!table.ok) return table;
  const record = datasetFromTable(table.value, {
    municipalityCode,
    code: input.code,
    kind: input.kind,
    title: input.title,
    source: input.source,
    ...(input.note ? { note: input.note } : {}),
    sample: input.sample ?? false,
    meta: { ...fileMeta, ...(input.meta ?? {}) },
  });
  if (!record.ok) return record;
  const rowProblems =
    input.kind === 'census-sex-age5' || input.kind === 'projection-sex-age5'
      ? checkSexAgeRows(table.value, 'municipality_code', municipalityCode)
      : input.kind === 'districts-sex-age5'
        ? checkSexAgeRows(table.value, 'district_code', undefined)
        : [];
  if (rowProblems.length > 0) return fail(rowProblems);
  const rows = record.value.rows.length;
  if (opts.dryRun) return ok({ code: input.code, version: 0, rows, municipalityCode });
  // Two tables may come from files of the same name (census.csv): the later one is named by its code too.
  const named = (await datasetFileNameTaken(
    ctx.database.db,
    municipalityCode,
    record.value.fileName,
    input.code,
  ))
    ? { ...record.value, fileName: `${input.code}-${record.value.fileName}` }
    : record.value;
  const [saved] = await storeDatasets(ctx.database.db, [named], opts.actor);
  return ok({ code: input.code, version: saved?.version ?? 0, rows, municipalityCode });
}
