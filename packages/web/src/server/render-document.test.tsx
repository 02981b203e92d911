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
        },
      },
      'T</title>',
      { scripts: ['/assets/main.js'], preload: ['/assets/x.js'] },
    );

  it('sets the language, escapes the title, shows both calendars, embeds the data and the script', () => {
    const ja = page('ja');
    expect(ja).toContain('<html lang="ja">');
    expect(ja).toContain('<title>T&#60;/title&#62;</title>');
    expect(ja).toContain('令和8年度（2026年度）');
    expect(ja).toContain('<script type="module" src="/assets/main.js"></script>');
    expect(ja).toContain('<link rel="modulepreload" href="/assets/x.js">');
    expect(ja).toContain('id="mirai-data"');
    const en = page('en');
    expect(en).toContain('<html lang="en">');
    expect(en).toContain('FY2026 (令和8年度)');
    expect(en).toContain('Medium-term review');
  });

  it('embedded JSON cannot close its script element', () => {
    const s = jsonForScript({ x: '</script><script>alert(1)</script>\u2028' });
    expect(s).not.toContain('</script>');
    expect(JSON.parse(s)).toEqual({ x: '</script><script>alert(1)</script>\u2028' });
  });
});
