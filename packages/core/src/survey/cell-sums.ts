/**
 * Per-cell sufficient statistics of a mean in one pass over the rows: each
 * row's slot is its combination of codes in a few key columns (stratum,
 * calibration variables); per slot the pass adds respondents, answered, Σy',
 * Σy'² and, with weights, the weighted sums (y' = y − shift). The slots are
 * then gathered into (stratum, cell) sums laid out as `meanFromSums` reads them.
 */

/** Sums per (stratum, cell) in `CellSums.sums`. */
export const S = 10;
// Offsets: respondents, Σs, Σs², answered, Σy', Σs·[y], Σs·y', Σs²·[y], Σs²·y', Σs²·y'² (s = weight).
export const N = 0;
export const B = 1;
export const T = 2;
export const K0 = 3;
export const K1 = 4;
export const A0 = 5;
export const A1 = 6;
export const Q0 = 7;
export const Q1 = 8;
export const Q2 = 9;

/** Most slots a pass keeps (the product of the key columns' level counts). */
export const MAX_SLOTS = 1 << 20;

export interface KeyColumn {
  /** Code per row, 0..levels-1. */
  readonly codes: Int32Array;
  readonly levels: number;
}

export interface SlotSums {
  /** Unit weights: 4 sums per slot (respondents, answered, Σy', Σy'²); weighted: S sums, as above. */
  readonly sums: Float64Array;
  readonly width: 4 | 10;
  /** Slot = Σ code_j·strides[j]. */
  readonly strides: Int32Array;
  readonly space: number;
  readonly shift: number;
  /** Rows whose weight is not a positive finite number (weighted pass only). */
  readonly badWeights: number;
}

/** A shift near the mean (running mean of the first 64 answers) keeps the sums of squares well conditioned. */
export function answerShift(y: Float64Array): number {
  let shift = 0;
  for (let i = 0, seen = 0; i < y.length && seen < 64; i++) {
    const v = y[i] as number;
    if (!Number.isNaN(v)) shift += (v - shift) / ++seen;
  }
  return shift;
}

/** Number of slots the key columns span (may exceed MAX_SLOTS: check before `accumulate`). */
export function slotSpace(cols: readonly KeyColumn[]): number {
  return cols.reduce((a, c) => a * Math.max(1, c.levels), 1);
}

/** The one pass over the rows (w undefined: every weight 1). */
export function accumulate(cols: readonly KeyColumn[], y: Float64Array, w?: Float64Array): SlotSums {
  const n = y.length;
  const M = cols.length;
  const strides = new Int32Array(M);
  let space = 1;
  for (let k = M - 1; k >= 0; k--) {
    strides[k] = space;
    space *= Math.max(1, (cols[k] as KeyColumn).levels);
  }
  // Up to four key columns read in the loop; beyond that, the rest summed into one column first.
  let keyCols: Int32Array[] = cols.map((c) => c.codes);
  let keyStrides: number[] = Array.from(strides);
  if (M > 4) {
    const rest = new Int32Array(n);
    for (let k = 3; k < M; k++) {
      const c = keyCols[k] as Int32Array;
      const s = keyStrides[k] as number;
      for (let i = 0; i < n; i++) rest[i] = (rest[i] as number) + (c[i] as number) * s;
    }
    keyCols = [...keyCols.slice(0, 3), rest];
    keyStrides = [...keyStrides.slice(0, 3), 1];
  }
  const zero = keyCols[0] ?? new Int32Array(n);
  while (keyCols.length < 4) {
    keyCols.push(zero);
    keyStrides.push(0);
  }
  const shift = answerShift(y);
  const [c0, c1, c2, c3] = keyCols as [Int32Array, Int32Array, Int32Array, Int32Array];
  const [s0, s1, s2, s3] = keyStrides as [number, number, number, number];
  if (!w) {
    // Unanswered rows counted in the respondents' place, then respondents = answered + unanswered.
    const sums = new Float64Array(space * 4);
    for (let i = 0; i < n; i++) {
      const o = (c0[i]! * s0 + c1[i]! * s1 + c2[i]! * s2 + c3[i]! * s3) << 2;
      const v = y[i]!;
      if (Number.isNaN(v)) sums[o]! += 1;
      else {
        const d = v - shift;
        sums[o + 1]! += 1;
        sums[o + 2]! += d;
        sums[o + 3]! += d * d;
      }
    }
    for (let o = 0; o < sums.length; o += 4) sums[o]! += sums[o + 1]!;
    return { sums, width: 4, strides, space, shift, badWeights: 0 };
  }
  const sums = new Float64Array(space * S);
  let badWeights = 0;
  for (let i = 0; i < n; i++) {
    const o = (c0[i]! * s0 + c1[i]! * s1 + c2[i]! * s2 + c3[i]! * s3) * S;
    const v = y[i]!;
    const s = w[i]!;
    if (!(s > 0 && s < Number.POSITIVE_INFINITY)) badWeights++;
    const ss = s * s;
    sums[o + N]! += 1;
    sums[o + B]! += s;
    sums[o + T]! += ss;
    if (!Number.isNaN(v)) {
      const d = v - shift;
      sums[o + K0]! += 1;
      sums[o + K1]! += d;
      sums[o + A0]! += s;
      sums[o + A1]! += s * d;
      sums[o + Q0]! += ss;
      sums[o + Q1]! += ss * d;
      sums[o + Q2]! += ss * d * d;
    }
  }
  return { sums, width: 10, strides, space, shift, badWeights };
}

export interface CellSums {
  /** nStrata × nCells × S sums, stratum-major. */
  readonly sums: Float64Array;
  readonly nStrata: number;
  readonly nCells: number;
  /** Per margin, the margin's group of each cell. */
  readonly cellGroups: Int32Array[];
  readonly shift: number;
}

/** Where a slot's rows go: stratum, and the group of each margin; undefined when a code has no group. */
export type PlaceSlot = (codes: Int32Array) => { stratum: number; groups: readonly number[] } | undefined;

/**
 * Gathers the occupied slots into (stratum, cell) sums: a cell is a distinct
 * combination of margin groups, cells in the order of those combinations
 * (first margin slowest). `unitScale[h]` is the constant weight of stratum h
 * for a unit-weight pass (default 1). Undefined when a slot cannot be placed.
 */
export function gatherCells(
  acc: SlotSums,
  nStrata: number,
  nGroups: readonly number[],
  place: PlaceSlot,
  unitScale?: Float64Array,
): CellSums | undefined {
  const { sums, width, strides, space } = acc;
  const M = nGroups.length;
  const codes = new Int32Array(strides.length);
  const slotStratum: number[] = [];
  const slotKey: number[] = [];
  const slots: number[] = [];
  const groupStride = new Array<number>(M);
  let keySpace = 1;
  for (let k = M - 1; k >= 0; k--) {
    groupStride[k] = keySpace;
    keySpace *= Math.max(1, nGroups[k] as number);
  }
  for (let slot = 0; slot < space; slot++) {
    if ((sums[slot * width] as number) === 0) continue;
    let rest = slot;
    for (let j = 0; j < strides.length; j++) {
      codes[j] = Math.floor(rest / (strides[j] as number));
      rest -= (codes[j] as number) * (strides[j] as number);
    }
    const where = place(codes);
    if (!where) return undefined;
    let key = 0;
    for (let k = 0; k < M; k++) key += (where.groups[k] as number) * (groupStride[k] as number);
    slots.push(slot);
    slotStratum.push(where.stratum);
    slotKey.push(key);
  }
  const keys = [...new Set(slotKey)].sort((a, b) => a - b);
  const cellOfKey = new Map(keys.map((k, c) => [k, c]));
  const nCells = keys.length;
  const out = new Float64Array(nStrata * nCells * S);
  for (let j = 0; j < slots.length; j++) {
    const h = slotStratum[j] as number;
    const o = (h * nCells + (cellOfKey.get(slotKey[j] as number) as number)) * S;
    const i = (slots[j] as number) * width;
    if (width === S) {
      for (let q = 0; q < S; q++) out[o + q]! += sums[i + q]!;
      continue;
    }
    // Unit pass: every weight is the stratum's constant c.
    const c = unitScale ? (unitScale[h] as number) : 1;
    const cc = c * c;
    const n = sums[i]!;
    const k0 = sums[i + 1]!;
    const k1 = sums[i + 2]!;
    const k2 = sums[i + 3]!;
    out[o + N]! += n;
    out[o + B]! += c * n;
    out[o + T]! += cc * n;
    out[o + K0]! += k0;
    out[o + K1]! += k1;
    out[o + A0]! += c * k0;
    out[o + A1]! += c * k1;
    out[o + Q0]! += cc * k0;
    out[o + Q1]! += cc * k1;
    out[o + Q2]! += cc * k2;
  }
  const cellGroups = Array.from({ length: M }, (_, k) => {
    const g = new Int32Array(nCells);
    for (let c = 0; c < nCells; c++)
      g[c] = Math.floor((keys[c] as number) / (groupStride[k] as number)) % Math.max(1, nGroups[k] as number);
    return g;
  });
  return { sums: out, nStrata, nCells, cellGroups, shift: acc.shift };
}
