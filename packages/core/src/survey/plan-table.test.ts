/**
 * The plan's table: its age-group means follow from the shares it prints (to
 * rounding), and the microdata path reproduces R on the synthetic survey.
 */
import { describe, expect, it } from 'vitest';
import { postStratify } from './calibrate';
import { createDesign } from './design';
import { factorize } from './factor';
import { readCsv, reference, rel } from './fixtures.test';
import { meanFromShares, planTableFromMicrodata, populationWeightedMean } from './plan-table';

/** 【年代別の幸福度の回答比率と平均幸福度】 from the plan (reference/…long-term-strategy.ja.txt). */
const PLAN = [
  {
    group: '20歳代',
    shares: [2.8, 0.0, 0.0, 5.6, 5.6, 12.7, 14.1, 32.4, 15.5, 7.0, 4.2],
    publishedMean: 6.44,
  },
  {
    group: '30歳代',
    shares: [0.9, 0.9, 1.9, 2.8, 2.8, 12.1, 7.5, 23.4, 25.2, 9.3, 13.1],
    publishedMean: 7.1,
  },
  {
    group: '40歳代',
    shares: [1.0, 0.0, 2.0, 4.0, 3.5, 17.7, 9.1, 22.7, 23.2, 8.6, 8.1],
    publishedMean: 6.76,
  },
  {
    group: '50歳代',
    shares: [0.5, 0.5, 1.4, 4.1, 4.1, 18.1, 13.1, 20.8, 22.6, 8.1, 6.8],
    publishedMean: 6.69,
  },
  {
    group: '60歳代',
    shares: [0.8, 1.6, 1.2, 2.8, 3.3, 16.3, 13.4, 19.5, 26.0, 7.3, 7.7],
    publishedMean: 6.75,
  },
  {
    group: '70歳代以上',
    shares: [0.7, 0.5, 1.2, 1.7, 3.5, 22.0, 10.9, 19.9, 20.6, 9.0, 10.2],
    publishedMean: 6.83,
  },
  { group: '全体', shares: [1.0, 0.6, 1.3, 3.2, 3.7, 17.4, 11.2, 22.4, 22.1, 8.4, 8.6], publishedMean: 6.77 },
];

describe('the plan’s table from its published shares', () => {
  it('each age group’s mean (6.44, 7.10, 6.76, 6.69, 6.75, 6.83) follows from its shares to rounding', () => {
    for (const row of PLAN) {
      const r = meanFromShares(row);
      if (!r.ok) throw new Error(row.group);
      expect(r.value.consistent, `${row.group}: ${r.value.lower}–${r.value.upper}`).toBe(true);
      // The normalised mean is within 0.015 of the published one, and the rounding range is narrow.
      expect(Math.abs(r.value.mean - row.publishedMean)).toBeLessThan(0.015);
      expect(r.value.upper - r.value.lower).toBeLessThan(0.06);
    }
  });
  it('a misprinted mean is detected', () => {
    const r = meanFromShares({ ...PLAN[0]!, publishedMean: 6.54 });
    expect(r.ok && r.value.consistent).toBe(false);
  });
  it('shares that cannot add to 100 are a problem', () => {
    const r = meanFromShares({ group: 'x', shares: [50, 40] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.code).toBe('survey/shares-invalid');
  });
  it('the overall value is the population-weighted mean of group means (sample counts, illustrative)', () => {
    // SAMPLE population counts, not Shiojiri's: the plan does not publish them.
    const sampleCounts = [5200, 6100, 8300, 8600, 8400, 13400];
    const means = PLAN.slice(0, 6).map((r) => r.publishedMean);
    const overall = populationWeightedMean(means, sampleCounts);
    expect(overall).toBeGreaterThan(Math.min(...means));
    expect(overall).toBeLessThan(Math.max(...means));
    expect(populationWeightedMean([1, 3], [1, 1])).toBe(2);
  });
});

describe('the plan’s table from microdata (synthetic survey)', () => {
  it('matches R: group means, 0–10 shares and the post-stratified overall mean', () => {
    const hs = readCsv('happiness.csv');
    const H = reference.happiness;
    const d = createDesign({ n: hs.rows.length });
    if (!d.ok) throw new Error('design');
    const age = factorize(hs.col('age'), ['20s', '30s', '40s', '50s', '60s', '70+']);
    const ps = postStratify(d.value, { factor: age, population: H.population.age });
    if (!ps.ok) throw new Error('ps');
    const answer = factorize(hs.col('happiness'), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    const t = planTableFromMicrodata(ps.value, answer, age);
    if (!t.ok) throw new Error('table');
    expect(rel(t.value.overall.estimate, H.poststratified_mean.estimate)).toBeLessThan(1e-9);
    expect(rel(t.value.overall.se, H.poststratified_mean.se)).toBeLessThan(1e-9);
    t.value.rows.forEach((r, i) => {
      expect(rel(r.estimate, H.poststratified_by_age[i].estimate)).toBeLessThan(1e-9);
      const total = r.shares.reduce((a, s) => a + s.share, 0);
      expect(Math.abs(total - 1)).toBeLessThan(1e-12);
      // The group's mean follows from its shares exactly.
      const fromShares = r.shares.reduce((a, s) => a + Number(s.value) * s.share, 0);
      expect(Math.abs(fromShares - r.estimate)).toBeLessThan(1e-12);
    });
    t.value.overall.shares.forEach((s, i) => {
      expect(rel(s.share, H.poststratified_distribution[i].share)).toBeLessThan(1e-9);
    });
  });
});
