// Compressed forms made on zlib's thread pool (decision 0153) are the bytes the synchronous path
// makes, are made once, and are what the answer then sends.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, it } from 'vitest';
import { bodyFor, compressedLater, entryOf } from './answer-cache';

const text = JSON.stringify(
  Array.from({ length: 2000 }, (_, i) => ({
    code: `K-${i}`,
    name: { ja: `指標${i}`, en: `Indicator ${i}` },
  })),
);
const entry = () => entryOf(new Response(text, { headers: { 'content-type': 'application/json' } }));

it('makes the same bytes off the thread as on it, once, and bodyFor then sends them', async () => {
  for (const encoding of ['gzip', 'br'] as const) {
    const later = await entry();
    const now = await entry();
    const pending = compressedLater(later, encoding);
    expect(pending).toBeInstanceOf(Promise);
    expect(compressedLater(later, encoding)).toBe(pending);
    await pending;
    const made = later[encoding];
    expect(made).toBeDefined();
    expect(Buffer.from(made!).equals(Buffer.from(bodyFor(now, encoding)))).toBe(true);
    expect(bodyFor(later, encoding)).toBe(made);
    expect(compressedLater(later, encoding)).toBeUndefined();
    const back = encoding === 'gzip' ? gunzipSync(made!) : brotliDecompressSync(made!);
    expect(back.toString('utf8')).toBe(text);
  }
  expect(compressedLater(await entry(), 'identity')).toBeUndefined();
});
