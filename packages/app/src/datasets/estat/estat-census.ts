/**
 * Reads a census by sex and five-year age in the layout e-Stat's database
 * download and API give (国勢調査 男女別5歳階級別人口, CSV in UTF-8 or
 * Shift_JIS): metadata rows first (「統計名：」… or RESULT/TABLE_INF…/VALUE),
 * then a header with a code and a name column per classification
 * (「表章項目 コード」「表章項目」…「地域 コード」「地域」, or tab_code, cat01_code,
 * area_code, time_code), then either one value column (`value`) or one column
 * per category after a 「/時間軸（年）」 marker. The rows of one municipality
 * become the stored census table (municipality_code, municipality, year, sex,
 * age_group, population): 90～94歳, 95～99歳 and 100歳以上 add up to 90+,
 * subtotals (再掲) are left out, a male and female table without 総数 gets
 * the sum. Every problem carries file, row (the file's line) and column.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { fail, normalizeText, ok, type Problem, type Result, standardAgeGroups } from '@mirai/core';
import { parse } from 'csv-parse/sync';
import { decodeText, ioProblems, type Table } from '../../io';
import { estatAge, estatSex, estatValue, estatYear, openAgeStart } from './estat-labels';
import { estatProblems as P } from './estat-problems';

type Role = 'item' | 'time' | 'sex' | 'age' | 'area' | 'other';
interface Dimension {
  role: Role;
  name: string;
  codeCol: number;
  nameCol: number;
}
interface Line {
  line: number;
  cells: string[];
}
interface Cell {
  line: number;
  column: string;
  text: string;
  cat: Partial<Record<Role, { code: string; name: string }>>;
  others: Record<string, string>;
}

export interface EstatCensus {
  table: Table;
  /** What the metadata rows say (統計名, 表題, TABLE_INF …). */
  meta: Record<string, string>;
}

const codeHeader = /^(tab|area|time|cat\d+)_code$|コード$/;
const sexOrder = ['total', 'male', 'female'] as const;
const groups = [...standardAgeGroups(openAgeStart)];

function roleOf(code: string, name: string): Role {
  if (code === 'tab_code' || /^表章項目/.test(name)) return 'item';
  if (code === 'time_code' || /時間軸|調査年|年次/.test(name)) return 'time';
  if (/男女/.test(name)) return 'sex';
  if (/年齢/.test(name)) return 'age';
  if (code === 'area_code' || /地域|市区町村|都道府県|全国/.test(name)) return 'area';
  return 'other';
}

/** Whether a file's first rows look like an e-Stat table (used to tell it from Mirai's own tidy layout). */
export function looksLikeEstat(text: string): boolean {
  const head = text.split(/\r?\n/, 200);
  return head.some((l) => /(^|,)"?(tab_code|area_code|cat01_code)"?(,|$)|コード"?,/.test(l));
}

function records(text: string): Line[] {
  const parsed = parse(text, {
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
    info: true,
  }) as unknown as { record: string[]; info: { lines: number } }[];
  return parsed.map(({ record, info }) => ({
    line: info.lines - record.reduce((n, c) => n + (c.match(/\n/g)?.length ?? 0), 0),
    cells: record.map((c) => normalizeText(c)),
  }));
}

export async function readEstatCensusFile(
  path: string,
  municipalityCode: string,
  opts: { maxBytes?: number } = {},
): Promise<Result<EstatCensus>> {
  const file = basename(path);
  if (extname(file).toLowerCase() !== '.csv' && extname(file).toLowerCase() !== '.txt')
    return fail(P.csvOnly.create({}, { file }));
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    return fail(ioProblems.fileNotFound.create({ file: path }, { file }));
  }
  return readEstatCensusBytes(bytes, file, municipalityCode, opts);
}

/** The same from a file's content (an upload): `file` is its name. */
export function readEstatCensusBytes(
  bytes: Uint8Array,
  file: string,
  municipalityCode: string,
  opts: { maxBytes?: number } = {},
): Result<EstatCensus> {
  if (extname(file).toLowerCase() !== '.csv' && extname(file).toLowerCase() !== '.txt')
    return fail(P.csvOnly.create({}, { file }));
  const maxBytes = opts.maxBytes ?? 50 * 1024 * 1024;
  if (bytes.byteLength > maxBytes)
    return fail(ioProblems.tooLarge.create({ limitBytes: maxBytes }, { file }));
  const { text, encoding } = decodeText(bytes);
  const r = readEstatCensusText(text, file, municipalityCode);
  return r.ok ? ok({ ...r.value, table: { ...r.value.table, encoding } }) : r;
}

export function readEstatCensusText(
  text: string,
  file: string,
  municipalityCode: string,
): Result<EstatCensus> {
  let lines: Line[];
  try {
    lines = records(text);
  } catch (error) {
    const e = error as { message?: string; lines?: number };
    return fail(
      ioProblems.csvMalformed.create({ reason: e.message ?? String(error) }, { file, line: e.lines }),
    );
  }
  const h = lines.findIndex((l) => l.cells.some((c) => codeHeader.test(c)));
  const header = lines[h];
  if (!header) return fail(P.noHeader.create({}, { file }));
  const meta = readMeta(lines.slice(0, h));
  const heads = header.cells;

  const dims: Dimension[] = [];
  heads.forEach((c, i) => {
    if (!codeHeader.test(c)) return;
    const next = heads[i + 1] ?? '';
    const name = c.endsWith('コード') ? c.replace(/\s*コード$/, '') : next;
    const nameCol = next !== '' && !codeHeader.test(next) ? i + 1 : i;
    dims.push({ role: roleOf(c, name), name: name || c, codeCol: i, nameCol });
  });
  const valueCols: { col: number; column: string; fixed?: { role: Role; name: string } }[] = [];
  const longValue = heads.findIndex((c) => c === 'value' || c === '値');
  const marker = heads.findIndex((c) => c.startsWith('/'));
  if (longValue >= 0) valueCols.push({ col: longValue, column: heads[longValue] ?? 'value' });
  else if (marker >= 0) {
    const dimName = (heads[marker] ?? '').slice(1);
    const role = roleOf('', dimName);
    heads.forEach((c, j) => {
      if (j > marker && c !== '' && !/^(unit|annotation|単位|注釈)$/.test(c))
        valueCols.push({ col: j, column: c, fixed: { role, name: c } });
    });
  }
  if (valueCols.length === 0) return fail(P.noValueColumn.create({}, { file, row: header.line }));
  const at = (line: number, column: string) => ({ file, row: line, column });

  // Every value cell with its categories.
  const minLength = Math.max(...dims.map((d) => d.nameCol), 0) + 1;
  let cells: Cell[] = [];
  for (const l of lines.slice(h + 1)) {
    if (l.cells.length < minLength || l.cells.every((c) => c === '')) continue; // notes after the table
    for (const v of valueCols) {
      const cell: Cell = { line: l.line, column: v.column, text: l.cells[v.col] ?? '', cat: {}, others: {} };
      for (const d of dims) {
        const value = { code: l.cells[d.codeCol] ?? '', name: l.cells[d.nameCol] ?? '' };
        if (d.role === 'other') cell.others[d.name] = value.name;
        else cell.cat[d.role] = value;
      }
      if (v.fixed) {
        if (v.fixed.role === 'other') cell.others[v.fixed.name] = v.fixed.name;
        else cell.cat[v.fixed.role] = { code: '', name: v.fixed.name };
      }
      cells.push(cell);
    }
  }
  const roles = new Set<Role>([...dims.map((d) => d.role), ...valueCols.flatMap((v) => v.fixed?.role ?? [])]);

  // The municipality's rows.
  let areaName = '';
  if (roles.has('area')) {
    const found = new Map<string, string>();
    const five = (code: string) => {
      const digits = code.replace(/\D/g, '');
      return digits.length === 6 ? digits.slice(0, 5) : digits;
    };
    cells = cells.filter((c) => {
      const code = five(c.cat.area?.code ?? '');
      if (found.size < 10) found.set(code, `${code} ${c.cat.area?.name ?? ''}`.trim());
      if (code !== municipalityCode) return false;
      areaName = c.cat.area?.name ?? '';
      return true;
    });
    if (cells.length === 0)
      return fail(
        P.noRowsForMunicipality.create({ code: municipalityCode, found: [...found.values()] }, { file }),
      );
  }

  // One 表章項目 (the population) and the total of any other classification.
  const problems: Problem[] = [];
  const pick = (
    dimension: string,
    nameOf: (c: Cell) => string | undefined,
    prefer: (n: string) => boolean,
  ) => {
    const names = [...new Set(cells.map(nameOf).filter((n): n is string => n !== undefined))];
    if (names.length <= 1) return;
    const chosen = names.filter(prefer);
    if (chosen.length === 1) cells = cells.filter((c) => nameOf(c) === chosen[0]);
    else problems.push(P.whichCategory.create({ dimension, names }, { file }));
  };
  pick(
    '表章項目',
    (c) => c.cat.item?.name,
    (n) => /人口/.test(n) && !/割合|比|率|平均|中位|密度|増減|世帯/.test(n),
  );
  for (const d of new Set(cells.flatMap((c) => Object.keys(c.others))))
    pick(
      d,
      (c) => c.others[d],
      (n) => /総数|総計/.test(n),
    );
  for (const [role, name] of [
    ['sex', '男女'],
    ['age', '年齢'],
  ] as const)
    if (!roles.has(role))
      problems.push(P.missingDimension.create({ dimension: name }, { file, row: header.line }));
  const metaYear = estatYear(meta.調査年月 ?? meta.SURVEY_DATE?.slice(0, 4) ?? '');
  if (!roles.has('time') && typeof metaYear !== 'number')
    problems.push(P.missingDimension.create({ dimension: '時間軸' }, { file, row: header.line }));
  if (problems.length > 0) return fail(problems);

  const dimName = (role: Role) => dims.find((d) => d.role === role)?.name ?? role;
  const counts = new Map<string, number>();
  const seen = new Set<string>();
  const labelProblem = (dimension: string, name: string, line: number, column: string) => {
    const once = `label|${line}|${column}`;
    if (seen.has(once)) return;
    seen.add(once);
    problems.push(P.unknownLabel.create({ dimension, name }, at(line, column)));
  };
  for (const c of cells) {
    const sexName = c.cat.sex?.name ?? '';
    const ageName = c.cat.age?.name ?? '';
    const sex = estatSex(sexName);
    const age = estatAge(ageName);
    const year = c.cat.time ? estatYear(c.cat.time.name, c.cat.time.code) : metaYear;
    if (age === 'skip' || year === 'skip') continue;
    if (!sex) labelProblem(dimName('sex'), sexName, c.line, dimName('sex'));
    if (!age) labelProblem(dimName('age'), ageName, c.line, dimName('age'));
    if (year === undefined) labelProblem(dimName('time'), c.cat.time?.name ?? '', c.line, c.column);
    const value = estatValue(c.text);
    if (value.kind === 'suppressed')
      problems.push(P.suppressed.create({ symbol: value.symbol }, at(c.line, c.column)));
    if (value.kind === 'bad') problems.push(P.badValue.create({ value: value.text }, at(c.line, c.column)));
    if (!sex || !age || year === undefined || value.kind !== 'count') continue;
    const original = `${year}|${sex}|${ageName}`;
    if (seen.has(original)) {
      problems.push(P.duplicate.create({ year, sex, age: ageName }, at(c.line, c.column)));
      continue;
    }
    seen.add(original);
    const k = `${year}|${sex}|${age}`;
    counts.set(k, (counts.get(k) ?? 0) + value.n);
  }
  if (problems.length > 0) return fail(problems);

  const years = [...new Set([...counts.keys()].map((k) => Number(k.split('|')[0])))].sort((a, b) => a - b);
  for (const y of years) {
    const has = (sex: string) => groups.some((g) => counts.has(`${y}|${sex}|${g}`));
    if (!has('total') && has('male') && has('female'))
      for (const g of [...groups, 'unknown', 'all']) {
        const m = counts.get(`${y}|male|${g}`);
        const f = counts.get(`${y}|female|${g}`);
        if (m !== undefined && f !== undefined) counts.set(`${y}|total|${g}`, m + f);
      }
    for (const sex of sexOrder) {
      const present = [...groups, 'unknown', 'all'].some((g) => counts.has(`${y}|${sex}|${g}`));
      const missing = groups.filter((g) => !counts.has(`${y}|${sex}|${g}`));
      if (present && missing.length > 0)
        problems.push(P.missingGroup.create({ year: y, sex, groups: missing }, { file }));
    }
  }
  if (problems.length > 0) return fail(problems);
  if (counts.size === 0)
    return fail(P.noRowsForMunicipality.create({ code: municipalityCode, found: [] }, { file }));

  const headers = ['municipality_code', 'municipality', 'year', 'sex', 'age_group', 'population'];
  const rows: Table['rows'] = [];
  for (const y of years)
    for (const sex of sexOrder)
      for (const g of [...groups, 'unknown', 'all']) {
        const n = counts.get(`${y}|${sex}|${g}`);
        if (n === undefined) continue;
        const values = [municipalityCode, areaName, String(y), sex, g, String(n)];
        rows.push({
          row: rows.length + 2,
          cells: Object.fromEntries(headers.map((hd, i) => [hd, values[i] ?? ''])),
        });
      }
  return ok({ table: { file, headers, rows }, meta });
}

/** `"統計名：","国勢調査…"` or `"TITLE","","…"` rows before the header. */
function readMeta(lines: Line[]): Record<string, string> {
  const meta: Record<string, string> = {};
  for (const l of lines) {
    const [key, ...rest] = l.cells;
    if (!key) continue;
    const value = rest.filter((c) => c !== '').join(' ');
    if (value) meta[key.replace(/[：:]$/, '')] = value;
  }
  return meta;
}
