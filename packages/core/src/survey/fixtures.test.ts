/**
 * Loads the R-generated fixtures (CSV data and reference.json from
 * r/make-fixtures.R) for the survey tests; R is not needed at test time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const dir = new URL('./fixtures/', import.meta.url);

export interface Table {
  headers: string[];
  rows: string[][];
  col(name: string): string[];
  num(name: string): Float64Array;
}

export function readCsv(name: string): Table {
  const lines = readFileSync(new URL(name, dir), 'utf8').trim().split(/\r?\n/);
  const headers = (lines[0] as string).split(',').map((h) => h.trim());
  const rows = lines.slice(1).map((l) => l.split(',').map((c) => c.trim()));
  const index = (name: string) => {
    const i = headers.indexOf(name);
    if (i < 0) throw new Error(`no column ${name}`);
    return i;
  };
  return {
    headers,
    rows,
    col: (c) => rows.map((r) => r[index(c)] as string),
    num: (c) => Float64Array.from(rows, (r) => (r[index(c)] === '' ? Number.NaN : Number(r[index(c)]))),
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the reference file is free-form JSON
export const reference: any = JSON.parse(readFileSync(new URL('reference.json', dir), 'utf8'));

/** Relative difference, with an absolute floor for values near zero. */
export function rel(a: number, b: number): number {
  return Math.abs(a - b) / Math.max(Math.abs(b), 1e-12);
}

describe('survey fixtures', () => {
  it('hold the api samples exported from R', () => {
    expect(readCsv('apisrs.csv').rows).toHaveLength(200);
    expect(readCsv('apistrat.csv').rows).toHaveLength(200);
    expect(readCsv('apiclus1.csv').rows).toHaveLength(183);
  });
});
