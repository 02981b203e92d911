/**
 * A schematic tile map of the districts, for municipalities that ship no
 * boundaries: each district is a square on a grid, at the position the plan
 * gives (`tile`) or, where none is given, filled in row by row. Also the
 * classes of a choropleth (equal intervals, so the legend reads plainly).
 */
export interface TileInput {
  code: string;
  tile?: { col: number; row: number };
}

export interface Tile {
  code: string;
  col: number;
  row: number;
}

export function tileLayout(areas: readonly TileInput[]): { tiles: Tile[]; cols: number; rows: number } {
  const placed: Tile[] = [];
  const taken = new Set<string>();
  for (const a of areas) {
    if (a.tile) {
      placed.push({ code: a.code, col: a.tile.col, row: a.tile.row });
      taken.add(`${a.tile.col},${a.tile.row}`);
    }
  }
  const rest = areas.filter((a) => !a.tile);
  const width = Math.max(1, Math.ceil(Math.sqrt(areas.length)), ...placed.map((t) => t.col + 1));
  let cursor = 0;
  for (const a of rest) {
    while (taken.has(`${cursor % width},${Math.floor(cursor / width)}`)) cursor++;
    const t = { code: a.code, col: cursor % width, row: Math.floor(cursor / width) };
    taken.add(`${t.col},${t.row}`);
    placed.push(t);
  }
  const cols = Math.max(0, ...placed.map((t) => t.col + 1));
  const rows = Math.max(0, ...placed.map((t) => t.row + 1));
  return { tiles: placed, cols, rows };
}

export interface ChoroplethClass {
  index: number;
  lower: number;
  upper: number;
}

/** Equal-interval classes over the values (at most `k`; one class when all values are equal). */
export function choroplethClasses(values: readonly number[], k = 5): ChoroplethClass[] {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return [];
  const min = Math.min(...finite);
  const max = Math.max(...finite);
  if (min === max) return [{ index: 0, lower: min, upper: max }];
  const n = Math.max(1, Math.min(k, finite.length));
  const step = (max - min) / n;
  return Array.from({ length: n }, (_, i) => ({
    index: i,
    lower: min + step * i,
    upper: i === n - 1 ? max : min + step * (i + 1),
  }));
}

export function classOf(classes: readonly ChoroplethClass[], value: number): number {
  for (const c of classes) if (value <= c.upper) return c.index;
  return classes.length - 1;
}
