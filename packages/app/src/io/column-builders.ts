/**
 * Column builders for the streaming table reader: cells arrive as byte ranges
 * of the file and go straight into typed arrays. Numbers in plain ASCII
 * decimal are parsed from the bytes (exactly as Number() parses them); a
 * category column keeps a dictionary from the cell's bytes to its code, so a
 * value's text is decoded and normalised once, the first time it is seen.
 * Everything else (non-ASCII, exponents, long digit strings) takes the slow
 * path: decode, normalise as the table readers do, parse.
 */
import { cellNumber, normalizeText } from '@mirai/core';

export type Decode = (bytes: Uint8Array, start: number, end: number) => string;

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** At least `need` long: exactly `need` when reserving (the reader's guess of the rows), else 1.5× at a time. */
function grow<T extends Float64Array | Int32Array>(a: T, need: number, exact = false): T {
  if (need <= a.length) return a;
  let size = exact ? need : a.length + (a.length >> 1);
  while (size < need) size += size >> 1 || need;
  const b = new (a.constructor as new (n: number) => T)(size);
  b.set(a);
  return b;
}

/**
 * The first n values: a view when the array is at most a quarter longer (no
 * copy, so the peak is not doubled at the end of a read), else a copy.
 */
function fit<T extends Float64Array | Int32Array>(a: T, n: number): T {
  return (a.length <= n + (n >> 2) + 1024 ? a.subarray(0, n) : a.slice(0, n)) as T;
}

/** A growing Int32Array (codes, file rows). */
export class IntColumn {
  values = new Int32Array(1 << 14);
  reserve(n: number): void {
    this.values = grow(this.values, n, true);
  }
  set(i: number, v: number): void {
    if (i >= this.values.length) this.values = grow(this.values, i + 1);
    this.values[i] = v;
  }
  done(n: number): Int32Array {
    return fit(this.values, n);
  }
}

/** Numbers: NaN for blank; cells that are not numbers are kept (per row, committed with the row). */
export class NumberBuilder {
  values = new Float64Array(1 << 14);
  readonly bad: { index: number; text: string }[] = [];
  private pending: { index: number; text: string } | undefined;

  reserve(n: number): void {
    this.values = grow(this.values, n, true);
  }

  setBytes(i: number, b: Uint8Array, s: number, e: number, decode: Decode): void {
    if (i >= this.values.length) this.values = grow(this.values, i + 1);
    this.pending = undefined;
    if (s === e) {
      this.values[i] = Number.NaN;
      return;
    }
    // Plain decimal: [+-]digits[.digits], at most 15 digits, so m / 10^k is exactly Number()'s result.
    let p = s;
    let neg = false;
    const c0 = b[p] as number;
    if (c0 === 45 || c0 === 43) {
      neg = c0 === 45;
      p++;
    }
    let m = 0;
    let digits = 0;
    let frac = -1;
    for (; p < e; p++) {
      const c = b[p] as number;
      if (c >= 48 && c <= 57) {
        m = m * 10 + (c - 48);
        digits++;
        if (frac >= 0) frac++;
      } else if (c === 46 && frac < 0) frac = 0;
      else break;
    }
    if (p === e && digits > 0 && digits <= 15) {
      const v = frac > 0 ? m / (POW10[frac] as number) : m;
      this.values[i] = neg ? -v : v;
      return;
    }
    this.setText(i, decode(b, s, e));
  }

  setText(i: number, raw: string): void {
    if (i >= this.values.length) this.values = grow(this.values, i + 1);
    const text = normalizeText(raw);
    const v = cellNumber(text);
    if (v === undefined) {
      this.values[i] = Number.NaN;
      this.pending = { index: i, text: text.trim() };
    } else {
      this.values[i] = v;
      this.pending = undefined;
    }
  }

  /** The row is kept: its bad cell (if any) is listed. */
  commit(): void {
    if (this.pending) this.bad.push(this.pending);
    this.pending = undefined;
  }

  /** The row is dropped (blank). */
  rollback(): void {
    this.pending = undefined;
  }

  done(n: number) {
    return { values: fit(this.values, n), bad: this.bad };
  }
}

/** Categories: a code per row into levels of normalised text; a byte dictionary in front. */
export class TextBuilder {
  private codes = new Int32Array(1 << 14);
  readonly levels: string[] = [];
  private readonly levelIndex = new Map<string, number>();
  // Open addressing over the cells' bytes: slot → entry + 1.
  private slots = new Int32Array(256);
  private hashes = new Int32Array(64);
  private starts = new Int32Array(64);
  private lengths = new Int32Array(64);
  private entryCode = new Int32Array(64);
  private arena = new Uint8Array(4096);
  private used = 0;
  private entries = 0;

  setBytes(i: number, b: Uint8Array, s: number, e: number, decode: Decode): void {
    let h = 0x811c9dc5 | 0;
    for (let p = s; p < e; p++) h = Math.imul(h ^ (b[p] as number), 16777619);
    const mask = this.slots.length - 1;
    const len = e - s;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = (this.slots[slot] as number) - 1;
      if (entry < 0) break;
      if (this.hashes[entry] !== h || this.lengths[entry] !== len) continue;
      const at = this.starts[entry] as number;
      let same = true;
      for (let k = 0; k < len; k++)
        if (this.arena[at + k] !== b[s + k]) {
          same = false;
          break;
        }
      if (same) {
        if (i >= this.codes.length) this.codes = grow(this.codes, i + 1);
        this.codes[i] = this.entryCode[entry] as number;
        return;
      }
    }
    const code = this.levelOf(decode(b, s, e));
    this.add(h, b, s, e, code);
    this.setText(i, code);
  }

  reserve(n: number): void {
    this.codes = grow(this.codes, n, true);
  }

  private setText(i: number, code: number): void {
    if (i >= this.codes.length) this.codes = grow(this.codes, i + 1);
    this.codes[i] = code;
  }

  private levelOf(raw: string): number {
    const text = normalizeText(raw);
    let code = this.levelIndex.get(text);
    if (code === undefined) {
      code = this.levels.length;
      this.levels.push(text);
      this.levelIndex.set(text, code);
    }
    return code;
  }

  private add(h: number, b: Uint8Array, s: number, e: number, code: number): void {
    const len = e - s;
    if (this.entries >= this.hashes.length) {
      const size = this.hashes.length * 2;
      this.hashes = grow(this.hashes, size);
      this.starts = grow(this.starts, size);
      this.lengths = grow(this.lengths, size);
      this.entryCode = grow(this.entryCode, size);
    }
    if (this.used + len > this.arena.length) {
      let size = this.arena.length * 2;
      while (size < this.used + len) size *= 2;
      const a = new Uint8Array(size);
      a.set(this.arena.subarray(0, this.used));
      this.arena = a;
    }
    this.arena.set(b.subarray(s, e), this.used);
    const entry = this.entries++;
    this.hashes[entry] = h;
    this.starts[entry] = this.used;
    this.lengths[entry] = len;
    this.entryCode[entry] = code;
    this.used += len;
    if (this.entries * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(entry, this.slots);
  }

  private place(entry: number, slots: Int32Array): void {
    const mask = slots.length - 1;
    let slot = (this.hashes[entry] as number) & mask;
    while ((slots[slot] as number) !== 0) slot = (slot + 1) & mask;
    slots[slot] = entry + 1;
  }

  private rehash(size: number): void {
    const slots = new Int32Array(size);
    for (let entry = 0; entry < this.entries; entry++) this.place(entry, slots);
    this.slots = slots;
  }

  done(n: number) {
    return { codes: fit(this.codes, n), levels: this.levels };
  }
}
