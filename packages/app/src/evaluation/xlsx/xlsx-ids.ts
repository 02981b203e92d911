/**
 * The stable hidden IDs of an exported workbook: a very hidden worksheet
 * naming the round, the department and, per worksheet, the sheet id, kind,
 * code and version at export, each row sealed with a checksum so an edited ID
 * is recognised on import.
 */

export const idSheetName = '_mirai_ids';
export const workbookFormat = 'mirai-evaluation-xlsx/1';

export interface WorkbookIds {
  format: string;
  roundId: string;
  fiscalYear: number;
  departmentCode: string;
  sheets: { worksheet: string; sheetId: string; kind: string; code: string; version: number; row: number }[];
}

/** FNV-1a (32 bit) in hex: a seal against accidental or casual edits, not a signature. */
export function seal(parts: readonly (string | number)[]): string {
  let h = 0x811c9dc5;
  for (const ch of parts.join('\u0001')) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** Worksheet names: at most 31 characters, none of []:*?/\, unique in the workbook. */
export function worksheetName(code: string, used: Set<string>): string {
  const base = code.replace(/[[\]:*?/\\]/g, '_').slice(0, 31);
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++)
    name = `${base.slice(0, 31 - String(i).length - 1)}~${i}`;
  used.add(name.toLowerCase());
  return name;
}
