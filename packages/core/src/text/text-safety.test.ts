import { describe, expect, it } from 'vitest';
import { checkText, checkTextTree, defaultMaxLength } from './text-safety';

describe('text safety', () => {
  it('refuses NUL, other controls and lone surrogates, naming the field', () => {
    expect(checkText('a\u0000b', 'login')?.code).toBe('text/control-character');
    expect(checkText('a\u0000b', 'login')?.where?.field).toBe('login');
    expect(checkText('a\u001bb', 'note')?.details).toMatchObject({ codePoint: 'U+001B' });
    expect(checkText('a\u0085', 'note')?.code).toBe('text/control-character');
    expect(checkText('x\ud800', 'name')?.code).toBe('text/invalid-unicode');
    expect(checkText('\udc00x', 'name')?.code).toBe('text/invalid-unicode');
  });
  it('accepts tabs, newlines, Japanese, and surrogate pairs (emoji)', () => {
    expect(checkText('塩尻市\t第六次\r\n計画 😀 𠮷', 'note')).toBeUndefined();
  });
  it('applies the declared maximum of a field, else the default', () => {
    expect(checkText('x'.repeat(65), 'login')?.code).toBe('text/too-long');
    expect(checkText('x'.repeat(64), 'login')).toBeUndefined();
    expect(checkText('😀'.repeat(64), 'login')).toBeUndefined(); // characters, not UTF-16 units
    expect(checkText('x'.repeat(defaultMaxLength + 1), 'whatever')?.code).toBe('text/too-long');
  });
  it('walks a JSON body and names each path', () => {
    const problems = checkTextTree({ items: [{ note: 'ok' }, { note: 'bad\u0000' }], ['k\u0001']: 1 });
    expect(problems.map((p) => p.where?.field)).toEqual(['items.1.note', 'k\u0001']);
  });
});
