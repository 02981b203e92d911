import { describe, expect, it } from 'vitest';
import { negotiateLang } from './lang';

describe('negotiateLang', () => {
  it('query first, then the cookie, then Japanese', () => {
    expect(negotiateLang('en', 'mirai_lang=ja')).toBe('en');
    expect(negotiateLang(undefined, 'a=1; mirai_lang=en')).toBe('en');
    expect(negotiateLang('fr', 'mirai_lang=xx')).toBe('ja');
    expect(negotiateLang(null, null)).toBe('ja');
  });
});
