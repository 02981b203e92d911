// The error catalogue index: with every layer loaded (the server composes them all), each problem
// code is defined exactly once, is `domain/name` in kebab case, and has a known kind.
import { problemCatalogue } from '@mirai/core';
import { expect, it } from 'vitest';
import { buildServer } from './start-server';

const kinds = [
  'invalid',
  'not-found',
  'conflict',
  'forbidden',
  'unauthenticated',
  'too-large',
  'rate-limited',
  'unavailable',
];

it('every problem code in the catalogue index is unique, well formed and of a known kind', () => {
  expect(buildServer).toBeTypeOf('function');
  const all = problemCatalogue();
  expect(all.length).toBeGreaterThan(100);
  const count = new Map<string, number>();
  for (const p of all) count.set(p.code, (count.get(p.code) ?? 0) + 1);
  expect([...count].filter(([, n]) => n > 1).map(([code]) => code)).toEqual([]);
  for (const p of all) {
    expect(p.code).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*\/[a-z0-9]+(-[a-z0-9]+)*$/);
    expect(kinds, p.code).toContain(p.kind);
  }
});
