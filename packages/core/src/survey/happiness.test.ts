/**
 * The synthetic happiness survey (sample data from r/make-fixtures.R) against
 * R: post-stratified and raked means, the 0–10 distribution, domains, the
 * median, the difference between waves, and the lonely-PSU rules.
 */
import { describe, expect, it } from 'vitest';
import { type CalibrationMargin, postStratify, rake } from './calibrate';
import { createDesign, type LonelyPsu } from './design';
import { surveyDistribution } from './distribution';
import { surveyBy } from './domain';
import { surveyMean } from './estimate';
import { factorize } from './factor';
import { readCsv, reference, rel } from './fixtures.test';
import { surveyQuantile } from './quantile';
import { responseRates, waveDifference } from './waves';

const H = reference.happiness;
const hs = readCsv('happiness.csv');
const n = hs.rows.length;
const y = hs.num('happiness');
const age = factorize(hs.col('age'), ['20s', '30s', '40s', '50s', '60s', '70+']);
const sex = factorize(hs.col('sex'), ['F', 'M']);
const district = factorize(hs.col('district'), ['D1', 'D2', 'D3', 'D4', 'D5']);
const margins: CalibrationMargin[] = [
  { factor: age, population: H.population.age, name: 'age' },
  { factor: sex, population: H.population.sex, name: 'sex' },
  { factor: district, population: H.population.district, name: 'district' },
];
const near = (a: number, b: number, floor = 1e-10) => rel(a, b) <= 1e-9 || Math.abs(a - b) <= floor;

function base() {
  const d = createDesign({ n });
  if (!d.ok) throw new Error('design');
  return d.value;
}

describe('happiness survey (synthetic) matches R', () => {
  it('simple random sample mean', () => {
    const m = surveyMean(base(), y);
    expect(near(m.estimate, H.srs_mean.estimate) && near(m.se, H.srs_mean.se)).toBe(true);
  });
  it('post-stratified by age: mean, distribution 0–10, by age and district, median', () => {
    const ps = postStratify(base(), margins[0]!);
    if (!ps.ok) throw new Error('ps');
    const d = ps.value;
    const m = surveyMean(d, y);
    expect(near(m.estimate, H.poststratified_mean.estimate)).toBe(true);
    expect(near(m.se, H.poststratified_mean.se)).toBe(true);
    expect(near(m.ci[0], H.poststratified_mean.ci[0])).toBe(true);
    const answers = factorize(hs.col('happiness'), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const dist = surveyDistribution(d, answers);
    expect(dist).toHaveLength(11);
    dist.forEach((s, i) => {
      expect(near(s.share, H.poststratified_distribution[i].share)).toBe(true);
      expect(near(s.se, H.poststratified_distribution[i].se)).toBe(true);
    });
    for (const [factor, want] of [
      [age, H.poststratified_by_age],
      [district, H.poststratified_by_district],
    ] as const) {
      surveyBy(d, 'mean', y, factor).rows.forEach((b, i) => {
        expect(b.level).toBe(want[i].level);
        expect(near(b.estimate, want[i].estimate) && near(b.se, want[i].se)).toBe(true);
      });
    }
    const q = surveyQuantile(d, y, 0.5);
    expect(q.estimate).toBe(H.poststratified_quantile.estimate);
    expect(
      near(q.ci[0], H.poststratified_quantile.ci[0]) && near(q.ci[1], H.poststratified_quantile.ci[1]),
    ).toBe(true);
    expect(near(q.se, H.poststratified_quantile.se)).toBe(true);
  });
  it('raked on age, sex and district: mean and by sex', () => {
    const rk = rake(base(), margins);
    if (!rk.ok) throw new Error('rake');
    const m = surveyMean(rk.value.design, y);
    expect(near(m.estimate, H.raked_mean.estimate)).toBe(true);
    expect(near(m.se, H.raked_mean.se)).toBe(true);
    surveyBy(rk.value.design, 'mean', y, sex).rows.forEach((b, i) => {
      expect(near(b.estimate, H.raked_by_sex[i].estimate) && near(b.se, H.raked_by_sex[i].se)).toBe(true);
    });
  });
  it('difference between two waves with its SE (svycontrast)', () => {
    // R: the waves as strata of one design, svyby over wave, then svycontrast(c(-1, 1)).
    const wave = factorize(hs.col('wave'));
    const byWave = createDesign({ n, strata: wave });
    if (!byWave.ok) throw new Error('design');
    const [w1, w2] = surveyBy(byWave.value, 'mean', y, wave).rows;
    expect(near(w1!.estimate, H.wave_means[0].estimate) && near(w1!.se, H.wave_means[0].se)).toBe(true);
    expect(near(w2!.estimate, H.wave_means[1].estimate) && near(w2!.se, H.wave_means[1].se)).toBe(true);
    // Independent waves: the difference's SE is √(se₁² + se₂²).
    const diff = waveDifference(w1!, w2!);
    expect(near(diff.estimate, H.wave_difference.estimate)).toBe(true);
    expect(near(diff.se, H.wave_difference.se)).toBe(true);
  });
});

describe('response rates', () => {
  it('responses by age group count the same respondents as R’s table()', () => {
    const responded: Record<string, number> = {};
    for (const a of hs.col('age')) responded[a] = (responded[a] ?? 0) + 1;
    expect(responded).toEqual(H.response_by_age);
    // Invitations are SAMPLE numbers for the illustration.
    const invited = Object.fromEntries(Object.entries(responded).map(([k, v]) => [k, 2 * v + 1]));
    const r = responseRates(invited, responded);
    expect(r.ok && r.value.overall.responded).toBe(n);
    expect(r.ok && r.value.strata.every((s) => s.rate > 0.45 && s.rate < 0.5)).toBe(true);
  });
});

describe('lonely PSUs', () => {
  const t = readCsv('lonely.csv');
  const api00 = t.num('api00');
  for (const rule of ['remove', 'certainty', 'adjust', 'average'] as LonelyPsu[]) {
    it(`"${rule}" matches survey.lonely.psu = "${rule}" and warns`, () => {
      const d = createDesign({
        n: t.rows.length,
        strata: t.col('stype'),
        weights: t.num('pw'),
        lonelyPsu: rule,
      });
      if (!d.ok) throw new Error('design');
      expect(d.warnings?.[0]?.code).toBe('survey/lonely-psu');
      const m = surveyMean(d.value, api00);
      expect(near(m.estimate, reference.lonely[rule].estimate)).toBe(true);
      expect(near(m.se, reference.lonely[rule].se)).toBe(true);
    });
  }
  it('"fail" (the default) is an error naming the stratum', () => {
    const d = createDesign({
      n: t.rows.length,
      strata: t.col('stype'),
      weights: t.num('pw'),
      where: { columns: { strata: 'stype' } },
    });
    expect(d.ok).toBe(false);
    if (!d.ok) {
      expect(d.problems[0]?.code).toBe('survey/lonely-psu');
      expect(d.problems[0]?.where).toMatchObject({ column: 'stype', field: 'M' });
    }
  });
});
