// Plan files are read with limits: an alias bomb and an oversized file are catalogued problems, not stack traces.
import { describe, expect, it } from 'vitest';
import { loadPlanText, maxPlanBytes } from './load-plan';

describe('loadPlanText limits', () => {
  it('refuses a YAML alias bomb with plan/too-many-aliases', () => {
    const lines = ['a: &a ["x", "x", "x", "x", "x", "x", "x", "x", "x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(', ')}]`);
    }
    const r = loadPlanText(lines.join('\n'), 'bomb.yaml');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => [p.code, p.where?.file])).toEqual([
      ['plan/too-many-aliases', 'bomb.yaml'],
    ]);
  });

  it('refuses a file over the size limit before parsing it', () => {
    const r = loadPlanText(`# ${'x'.repeat(maxPlanBytes)}`, 'big.yaml');
    expect(!r.ok && r.problems[0]?.code).toBe('plan/too-large');
  });

  it('still reads a few aliases (the problems are about the plan, not the aliases)', () => {
    const r = loadPlanText('x: &x 1\ny: *x\n', 'small.yaml');
    expect(!r.ok && r.problems.every((p) => p.code !== 'plan/too-many-aliases')).toBe(true);
  });
});
