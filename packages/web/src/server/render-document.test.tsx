import { classicLevelNames } from '@mirai/core';
import { describe, expect, it } from 'vitest';
import { jsonForScript, renderPage } from './render-document';

describe('renderPage', () => {
  const page = (lang: 'ja' | 'en') =>
    renderPage(
      {
        lang,
        path: '/calendar',
        model: {
          page: 'calendar',
          planTitle: { ja: '計画', en: 'Plan' },
          years: [{ fiscalYear: 2026, phase: 1, events: ['annual-evaluation', 'medium-term-review'] }],
          phases: [{ number: 1, name: { ja: '前期基本計画', en: 'First basic plan' } }],
        },
        site: {
          title: { ja: 'みどり野町総合計画', en: 'Midorino plan' },
          municipality: { ja: 'みどり野町' },
          levelNames: { ...classicLevelNames, phase: { ja: '基本計画', en: 'Basic plan' } },
        },
      },
      'T</title>',
      { scripts: ['/assets/main.js'], preload: ['/assets/x.js'] },
    );

  it('sets the language, escapes the title, shows both calendars in the plan’s own names, embeds the data and the script', () => {
    const ja = page('ja');
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('<title>T&#60;/title&#62;</title>');
    expect(ja).toContain('令和8年度（2026年度）');
    expect(ja).toContain('<script type="module" src="/assets/main.js"></script>');
    expect(ja).toContain('<link rel="modulepreload" href="/assets/x.js">');
    expect(ja).toContain('id="mirai-data"');
    // The plan's own names: the site name, the phase's name, the review named after the phase level.
    expect(ja).toContain('みどり野町総合計画 進捗');
    expect(ja).toContain('前期基本計画');
    expect(ja).toContain('基本計画の見直し評価');
    const en = page('en');
    expect(en).toContain('<html lang="en">');
    // The 和暦 year is marked Japanese on an English page (React separates text nodes with comments).
    expect(en).toMatch(/FY(<!-- -->)?2026(<!-- -->)? \(<span lang="ja">令和8年度<\/span>\)/);
    expect(en).toContain('Review of the Basic plan');
    expect(en).toContain('First basic plan');
    expect(en).toContain('Midorino plan: progress');
  });

  it('embedded JSON cannot close its script element', () => {
    const s = jsonForScript({ x: '</script><script>alert(1)</script>\u2028' });
    expect(s).not.toContain('</script>');
    expect(JSON.parse(s)).toEqual({ x: '</script><script>alert(1)</script>\u2028' });
  });
});
