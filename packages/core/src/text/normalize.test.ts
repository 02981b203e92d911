import { describe, expect, it } from 'vitest';
import { normalizeText, parseLooseNumber } from './normalize';

describe('parseLooseNumber', () => {
  it('reads numbers as typed in Japanese offices', () => {
    expect(parseLooseNumber('１，２３４．５')).toBe(1234.5);
    expect(parseLooseNumber('65,000')).toBe(65000);
    expect(parseLooseNumber(' 6.77 ')).toBe(6.77);
    expect(parseLooseNumber('－３')).toBe(-3);
    expect(parseLooseNumber('52.2%')).toBe(52.2);
  });
  it('rejects what is ambiguous', () => {
    expect(parseLooseNumber('1,23')).toBeUndefined();
    expect(parseLooseNumber('1.234,5')).toBeUndefined();
    expect(parseLooseNumber('abc')).toBeUndefined();
    expect(parseLooseNumber('')).toBeUndefined();
  });
  it('folds full-width spaces', () => {
    expect(normalizeText('　塩尻　市　')).toBe('塩尻 市');
  });
});
