/** The checked-in WebAssembly binaries are those of their .wat sources (run scripts/build-wasm.js after editing one). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: a plain JavaScript script without type declarations
import { bytesModule, compileWat, SOURCES, targetOf } from './build-wasm.js';

const root = new URL('..', import.meta.url).pathname;

describe('build-wasm', () => {
  it.each(SOURCES as string[])('%s matches its checked-in binary', async (source: string) => {
    const bytes: Uint8Array = await compileWat(join(root, source));
    expect(bytes.length).toBeGreaterThan(8);
    expect(readFileSync(join(root, targetOf(source)), 'utf8')).toBe(bytesModule(source, bytes));
  });
});
