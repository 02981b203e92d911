/** Problems met while reading files (CSV, xlsx, YAML, JSON). */
import { defineProblem } from '@mirai/core';

export const ioProblems = {
  fileNotFound: defineProblem<{ file: string }>('io/file-not-found', 'not-found', ({ file }) => ({
    ja: `ファイルが見つかりません: ${file}`,
    en: `File not found: ${file}`,
  })),
  unsupportedFormat: defineProblem<{ file: string }>('io/unsupported-format', 'invalid', ({ file }) => ({
    ja: `対応していないファイル形式です（CSV または xlsx を指定してください）: ${file}`,
    en: `Unsupported file format (use CSV or xlsx): ${file}`,
  })),
  csvMalformed: defineProblem<{ reason: string }>('io/csv-malformed', 'invalid', ({ reason }) => ({
    ja: `CSV の形式が正しくありません: ${reason}`,
    en: `Malformed CSV: ${reason}`,
  })),
  xlsxUnreadable: defineProblem<{ reason: string }>('io/xlsx-unreadable', 'invalid', ({ reason }) => ({
    ja: `Excel ファイル（xlsx）として読めません（${reason}）`,
    en: `Not a readable xlsx workbook (${reason})`,
  })),
  xlsxTooLarge: defineProblem<{ bytes: number; max: number }>('io/xlsx-too-large', 'too-large', (p) => ({
    ja: `ファイルが大きすぎます（${p.bytes} バイト、上限 ${p.max} バイト）`,
    en: `The file is too large (${p.bytes} bytes, at most ${p.max})`,
  })),
  xlsxExpandsTooMuch: defineProblem<{ reason: string }>('io/xlsx-expands-too-much', 'too-large', (p) => ({
    ja: `展開後のサイズが大きすぎるため読み込みません（${p.reason}）`,
    en: `The workbook would expand too much; not read (${p.reason})`,
  })),
  emptyFile: defineProblem('io/empty-file', 'invalid', () => ({
    ja: 'ファイルに見出し行がありません',
    en: 'The file has no header row',
  })),
  duplicateHeader: defineProblem<{ header: string }>('io/duplicate-header', 'invalid', ({ header }) => ({
    ja: `見出し「${header}」が重複しています`,
    en: `Duplicate column header "${header}"`,
  })),
  missingColumn: defineProblem<{ column: string }>('io/missing-column', 'invalid', ({ column }) => ({
    ja: `必要な列「${column}」がありません`,
    en: `Required column "${column}" is missing`,
  })),
  tooManyCells: defineProblem<{ max: number }>('io/too-many-cells', 'too-large', ({ max }) => ({
    ja: `セルが多すぎるため読み込みません（上限 ${max} セル）`,
    en: `The file has too many cells; not read (at most ${max})`,
  })),
  tooLarge: defineProblem<{ limitBytes: number }>('io/too-large', 'too-large', ({ limitBytes }) => ({
    ja: `ファイルが大きすぎます（上限 ${limitBytes} バイト）`,
    en: `The file is too large (limit ${limitBytes} bytes)`,
  })),
};
