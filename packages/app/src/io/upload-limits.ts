/**
 * How large an upload of each kind may be — the one place these limits are
 * declared (decision 0097). The API refuses a larger request body while it is
 * read (before it is buffered: at once from its Content-Length, or as the
 * bytes arrive); an xlsx is refused while its entries are inflated when it
 * expands past `maxInflatedBytes` or holds more than `maxCells` cells; the
 * parse itself runs in a worker with a memory ceiling of `maxParseMemoryMb`.
 */

export type UploadKind =
  | 'actuals'
  | 'survey-wave'
  | 'evaluation-workbook'
  | 'plan'
  | 'boundaries'
  | 'population-data'
  | 'workshop-files'
  | 'partner-report-files'
  | 'request';

export interface UploadLimit {
  /** The request body, in bytes (multipart: all its files together). */
  maxBytes: number;
  /** An xlsx's entries inflated, together. */
  maxInflatedBytes: number;
  /** Cells in an xlsx's worksheets (every `<c>` element), or fields of a CSV. */
  maxCells: number;
  /** The old-generation heap of the worker that parses an xlsx, in MB. */
  maxParseMemoryMb: number;
}

const MB = 1024 * 1024;

export const uploadLimits: Readonly<Record<UploadKind, UploadLimit>> = {
  // 10,000 rows × a dozen columns is a large year; 200,000 rows is far beyond any municipality.
  actuals: { maxBytes: 10 * MB, maxInflatedBytes: 100 * MB, maxCells: 2_000_000, maxParseMemoryMb: 512 },
  // 20,000 respondents × 100 questions, plus a population table.
  'survey-wave': {
    maxBytes: 20 * MB,
    maxInflatedBytes: 150 * MB,
    maxCells: 3_000_000,
    maxParseMemoryMb: 768,
  },
  // One department's sheets; the workbook is ours, a few hundred cells a sheet.
  'evaluation-workbook': {
    maxBytes: 10 * MB,
    maxInflatedBytes: 80 * MB,
    maxCells: 500_000,
    maxParseMemoryMb: 512,
  },
  plan: { maxBytes: 5 * MB, maxInflatedBytes: 0, maxCells: 0, maxParseMemoryMb: 0 },
  boundaries: { maxBytes: 20 * MB, maxInflatedBytes: 0, maxCells: 0, maxParseMemoryMb: 0 },
  // A census or projection table by sex and five-year age: a prefecture's e-Stat download is a few MB.
  'population-data': {
    maxBytes: 10 * MB,
    maxInflatedBytes: 80 * MB,
    maxCells: 1_000_000,
    maxParseMemoryMb: 512,
  },
  'workshop-files': { maxBytes: 20 * MB, maxInflatedBytes: 0, maxCells: 0, maxParseMemoryMb: 0 },
  'partner-report-files': { maxBytes: 20 * MB, maxInflatedBytes: 0, maxCells: 0, maxParseMemoryMb: 0 },
  // Any other request body (JSON forms and saves).
  request: { maxBytes: 2 * MB, maxInflatedBytes: 0, maxCells: 0, maxParseMemoryMb: 0 },
};
