import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWaveDescription } from './wave-description';

const sample = readFileSync(
  new URL('../../../../data/shiojiri/survey-wave.sample.yaml', import.meta.url),
  'utf8',
);

describe('wave description file', () => {
  it('reads the shipped sample: happiness and four domain questions, all marked sample, none linked', () => {
    const r = parseWaveDescription(`\uFEFF${sample}`, 'survey-wave.sample.yaml');
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    expect(r.value.code).toBe('SAMPLE-2025');
    expect(r.value.title).toContain('サンプル');
    expect(r.value.questions.map((q) => q.code)).toEqual([
      'happiness',
      'health',
      'income',
      'community',
      'work',
    ]);
    for (const q of r.value.questions) {
      expect(q.wording.ja).toContain('（サンプル）');
      expect(q.wording.en).toContain('(Sample)');
      // A synthetic wave must never be recordable as the top goal's actual.
      expect(q.indicator).toBeUndefined();
    }
    expect(r.value.attributes).toEqual(['district', 'age_group']);
  });

  it('reads JSON too', () => {
    const r = parseWaveDescription(
      JSON.stringify({
        code: 'W1',
        title: 't',
        questions: [{ code: 'q', wording: { ja: 'q' }, scale: { min: 0, max: 10 } }],
        attributes: [],
      }),
    );
    expect(r.ok).toBe(true);
  });

  it('lists every problem with its field path and the file', () => {
    const bad = sample
      .replace(/^title: .*$/m, '')
      .replace('scale: { min: 1, max: 5 }', 'scale: { min: 5, max: 1 }')
      .replace('code: work', 'code: health');
    const r = parseWaveDescription(bad, 'd.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems.map((p) => [p.code, p.where?.path])).toEqual([['survey/description-invalid', 'title']]);
    const r2 = parseWaveDescription(
      sample
        .replace(/^title: .*$/m, 'title: x')
        .replace('scale: { min: 1, max: 5 }', 'scale: { min: 5, max: 1 }')
        .replace('code: work', 'code: health'),
      'd.yaml',
    );
    expect(r2.ok).toBe(false);
    if (r2.ok) return;
    expect(r2.problems.map((p) => [p.code, p.where?.path, p.where?.file])).toEqual([
      ['survey/description-bad-scale', 'questions.1.scale', 'd.yaml'],
      ['survey/description-duplicate-question', 'questions.4.code', 'd.yaml'],
    ]);
  });

  it('says when the file is not YAML or JSON', () => {
    const r = parseWaveDescription('code: [unclosed', 'x.yaml');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe('survey/description-unreadable');
  });
});
