/**
 * Factors: a categorical column as integer codes (Int32Array) plus its levels,
 * so that hot loops index typed arrays instead of hashing strings per row.
 */

export interface Factor {
  readonly codes: Int32Array;
  /** Level labels; `codes[i]` indexes this array. */
  readonly levels: readonly string[];
}

/**
 * Codes a column; levels are sorted as R sorts factor levels of numbers and
 * strings (numeric order when every label is a number, otherwise code-point order).
 */
export function factorize(values: readonly string[], levels?: readonly string[]): Factor {
  const order = levels ? [...levels] : sortLevels([...new Set(values)]);
  const index = new Map<string, number>();
  order.forEach((level, i) => {
    index.set(level, i);
  });
  const codes = new Int32Array(values.length);
  if (order.length <= 16) {
    // Few levels: a linear scan beats hashing every row.
    for (let i = 0; i < values.length; i++) {
      const v = values[i] as string;
      let code = -1;
      for (let k = 0; k < order.length; k++) {
        if (order[k] === v) {
          code = k;
          break;
        }
      }
      codes[i] = code;
    }
    return { codes, levels: order };
  }
  for (let i = 0; i < values.length; i++) {
    const code = index.get(values[i] as string);
    codes[i] = code === undefined ? -1 : code;
  }
  return { codes, levels: order };
}

function sortLevels(levels: string[]): string[] {
  const numeric = levels.every((l) => l.trim() !== '' && Number.isFinite(Number(l)));
  return numeric
    ? levels.sort((a, b) => Number(a) - Number(b))
    : levels.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

/** Accepts either labels or an already coded factor. */
export function asFactor(column: Factor | readonly string[]): Factor {
  return Array.isArray(column) ? factorize(column as readonly string[]) : (column as Factor);
}

/** Combines several factors into one whose levels are their crossings ("a × b"). */
export function crossFactors(factors: readonly Factor[], separator = ' × '): Factor {
  if (factors.length === 1) return factors[0] as Factor;
  const n = factors[0]?.codes.length ?? 0;
  const space = factors.reduce((a, f) => a * f.levels.length, 1);
  const codes = new Int32Array(n);
  const levelKeys: number[] = [];
  const keyOf = (i: number): number => {
    let key = 0;
    for (const f of factors) {
      const c = f.codes[i] as number;
      key = c < 0 || key < 0 ? -1 : key * f.levels.length + c;
    }
    return key;
  };
  if (space <= 1 << 22) {
    // Dense lookup table over all possible crossings (keys stored in codes first).
    for (let i = 0; i < n; i++) codes[i] = keyOf(i);
    const table = new Int32Array(space).fill(-1);
    for (let i = 0; i < n; i++) {
      const key = codes[i] as number;
      if (key < 0) continue;
      let code = table[key] as number;
      if (code < 0) {
        code = levelKeys.length;
        table[key] = code;
        levelKeys.push(key);
      }
      codes[i] = code;
    }
  } else {
    const seen = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const key = keyOf(i);
      if (key < 0) {
        codes[i] = -1;
        continue;
      }
      let code = seen.get(key);
      if (code === undefined) {
        code = levelKeys.length;
        seen.set(key, code);
        levelKeys.push(key);
      }
      codes[i] = code;
    }
  }
  const labelOf = (key: number): string => {
    const parts: string[] = [];
    for (let j = factors.length - 1; j >= 0; j--) {
      const f = factors[j] as Factor;
      parts.unshift(f.levels[key % f.levels.length] as string);
      key = Math.floor(key / f.levels.length);
    }
    return parts.join(separator);
  };
  // Order levels by the lexicographic order of the component codes (R's interaction order differs; callers label by name).
  const order = levelKeys.map((k, i) => [k, i] as const).sort((a, b) => a[0] - b[0]);
  const remap = new Int32Array(levelKeys.length);
  order.forEach(([, old], i) => {
    remap[old] = i;
  });
  for (let i = 0; i < n; i++) if ((codes[i] as number) >= 0) codes[i] = remap[codes[i] as number] as number;
  return { codes, levels: order.map(([k]) => labelOf(k)) };
}
