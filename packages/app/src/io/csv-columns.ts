/**
 * The streaming CSV reader behind `readColumnsFile`: one loop over the file's
 * bytes (RFC 4180 quoting; LF, CRLF or CR line ends), chunk by chunk, each
 * cell of a wanted column handed to its column builder as a byte range. No
 * string or object per row; unwanted columns are skipped. The bytes that
 * delimit cells (quote, comma, tab, CR, LF) are ASCII and never occur inside
 * a UTF-8 or Shift_JIS multi-byte character, so one loop serves both.
 * Decision 0095 records why this is a hand loop and not csv-parse.
 */
import { normalizeText } from '@mirai/core';
import type { Decode, NumberBuilder, TextBuilder } from './column-builders';

export interface CsvError {
  reason: string;
  line: number;
  row: number;
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Whether a cell's bytes hold more than white space (JavaScript's \s, after NFKC). */
export function cellHasContent(b: Uint8Array, s: number, e: number, cp932: boolean): boolean {
  for (let p = s; p < e; p++) {
    const c = b[p] as number;
    if (c === 32 || (c >= 9 && c <= 13)) continue;
    if (c < 0x80) return true;
    if (cp932) {
      if (c === 0x81 && b[p + 1] === 0x40) {
        p++;
        continue;
      }
      return true;
    }
    const c1 = b[p + 1] as number;
    const c2 = b[p + 2] as number;
    if (c === 0xc2 && c1 === 0xa0) p += 1;
    else if (c === 0xe3 && c1 === 0x80 && c2 === 0x80) p += 2;
    else if (c === 0xe1 && c1 === 0x9a && c2 === 0x80) p += 2;
    else if (c === 0xef && c1 === 0xbb && c2 === 0xbf) p += 2;
    else if (c === 0xe2 && c1 === 0x80 && (c2 <= 0x8a || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf)) p += 2;
    else if (c === 0xe2 && c1 === 0x81 && c2 === 0x9f) p += 2;
    else return true;
  }
  return false;
}

/** The tokenizer's state across chunks, and the builders each file column feeds. */
export class CsvColumns {
  headers: string[] | undefined;
  /** Per file column: number builder, text builder (or undefined). */
  numberOf: (NumberBuilder | undefined)[] = [];
  textOf: (TextBuilder | undefined)[] = [];
  /** 1 for the file columns that feed a builder; columns from `wanted` on feed none. */
  private isWanted = new Uint8Array(0);
  private wanted = 0;
  private numbers: NumberBuilder[] = [];
  readonly rows: { set(i: number, v: number): void };
  n = 0;
  /** Record number of the next record (the header is 1). */
  record = 1;
  /** Line number at the start of the next record. */
  line = 1;
  /** Set when a non-ASCII cell has been decoded (the encoding can no longer change silently). */
  decodedNonAscii = false;
  error: CsvError | undefined;
  private scratch = new Uint8Array(256);
  private headerCells: string[] = [];

  constructor(
    private readonly delimiter: number,
    public decode: Decode,
    public cp932: boolean,
    rows: { set(i: number, v: number): void },
    private readonly onHeader: (headers: string[]) => void,
  ) {
    this.rows = rows;
  }

  /** Connects the builders (after the header, before the first data row). */
  connect(numberOf: (NumberBuilder | undefined)[], textOf: (TextBuilder | undefined)[]): void {
    this.numberOf = numberOf;
    this.textOf = textOf;
    this.isWanted = Uint8Array.from(numberOf, (nb, c) => (nb || textOf[c] ? 1 : 0));
    this.wanted = this.isWanted.lastIndexOf(1) + 1;
    this.numbers = numberOf.filter((nb): nb is NumberBuilder => nb !== undefined);
  }

  private decodeCell: Decode = (b, s, e) => {
    for (let p = s; p < e; p++)
      if ((b[p] as number) >= 0x80) {
        this.decodedNonAscii = true;
        break;
      }
    return this.decode(b, s, e);
  };

  /**
   * Consumes the complete records in b[start, end); returns where the first
   * incomplete record starts (end when all were consumed). With `final`, the
   * last record may end at the end of the data.
   */
  consume(b: Uint8Array, start: number, end: number, final: boolean): number {
    const delim = this.delimiter;
    let pos = start;
    while (pos < end) {
      const recStart = pos;
      let lines = 0;
      let col = 0;
      let content = false;
      // A record cut by the end of a chunk is read again whole.
      if (this.headers === undefined) this.headerCells = [];
      for (;;) {
        // One cell.
        let s = pos;
        let e: number;
        let escaped = false;
        if (b[pos] === QUOTE) {
          let q = pos + 1;
          for (;;) {
            while (q < end && b[q] !== QUOTE) {
              if (b[q] === LF) lines++;
              q++;
            }
            if (q >= end) {
              if (!final) return recStart;
              return this.fail('a quoted field is not closed');
            }
            if (q + 1 < end && b[q + 1] === QUOTE) {
              escaped = true;
              q += 2;
              continue;
            }
            if (q + 1 >= end && !final) return recStart;
            break;
          }
          s = pos + 1;
          e = q;
          pos = q + 1;
          const next = b[pos];
          if (pos < end && next !== delim && next !== LF && next !== CR)
            return this.fail('a character follows a closing quote');
        } else {
          while (pos < end) {
            const c = b[pos] as number;
            // Every byte that ends or breaks a field is at most ',' (44).
            if (c > 44) {
              pos++;
              continue;
            }
            if (c === delim || c === LF || c === CR) break;
            if (c === QUOTE) return this.fail('a quote inside an unquoted field');
            pos++;
          }
          if (pos >= end && !final) return recStart;
          e = pos;
        }
        let cb = b;
        if (escaped) {
          cb = this.unescape(b, s, e);
          e = this.unescapedLength;
          s = 0;
        }
        if (this.headers === undefined) this.headerCells.push(this.decodeCell(cb, s, e));
        else {
          if (!content && e > s) content = cellHasContent(cb, s, e, this.cp932);
          if (col < this.wanted && this.isWanted[col] === 1) {
            const nb = this.numberOf[col];
            if (nb) nb.setBytes(this.n, cb, s, e, this.decodeCell);
            const tb = this.textOf[col];
            if (tb) tb.setBytes(this.n, cb, s, e, this.decodeCell);
          }
        }
        col++;
        if (pos < end && b[pos] === delim) {
          pos++;
          if (pos >= end && !final) return recStart;
          continue;
        }
        // End of record.
        if (pos < end) {
          if (b[pos] === CR) {
            if (pos + 1 >= end && !final) return recStart;
            pos += b[pos + 1] === LF ? 2 : 1;
          } else pos++;
          lines++;
        }
        break;
      }
      this.endRecord(col, content);
      this.line += lines;
    }
    return pos;
  }

  private endRecord(cols: number, content: boolean): void {
    if (this.headers === undefined) {
      this.headers = this.headerCells.map(normalizeText);
      this.onHeader(this.headers);
    } else {
      // Short rows: the missing cells are blank.
      for (let c = cols; c < this.wanted; c++) {
        this.numberOf[c]?.setBytes(this.n, this.scratch, 0, 0, this.decodeCell);
        this.textOf[c]?.setBytes(this.n, this.scratch, 0, 0, this.decodeCell);
      }
      const numbers = this.numbers;
      if (content) {
        this.rows.set(this.n, this.record);
        for (let k = 0; k < numbers.length; k++) (numbers[k] as NumberBuilder).commit();
        this.n++;
      } else for (let k = 0; k < numbers.length; k++) (numbers[k] as NumberBuilder).rollback();
    }
    this.record++;
  }

  private unescapedLength = 0;
  private unescape(b: Uint8Array, s: number, e: number): Uint8Array {
    if (this.scratch.length < e - s) this.scratch = new Uint8Array((e - s) * 2);
    let k = 0;
    for (let p = s; p < e; p++) {
      this.scratch[k++] = b[p] as number;
      if (b[p] === QUOTE) p++;
    }
    this.unescapedLength = k;
    return this.scratch;
  }

  /** A malformed record: where it starts (line and record number). */
  private fail(reason: string): number {
    this.error = { reason, line: this.line, row: this.record };
    return -1;
  }
}
