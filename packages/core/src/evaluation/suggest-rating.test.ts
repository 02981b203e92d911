import { describe, expect, it } from 'vitest';
import { standardTemplates } from './sheet-template';
import { suggestOverallRating } from './suggest-rating';

const row = (role: 'activity' | 'outcome', achievement: number | null) => ({
  role,
  current: { fiscalYear: 2024, target: null, actual: null, achievement },
});

describe('suggestOverallRating', () => {
  it('uses the outcome rows and the overall scale of the sheet kind', () => {
    const rows = [row('outcome', 0.9), row('outcome', 1.0), row('activity', 3)];
    // measure: S–D bands (mean 0.95 → B); project: A–D bands (0.95 → B as well, 0.8 ≤ x < 1)
    expect(suggestOverallRating(standardTemplates, 'measure', rows)).toEqual({
      rating: 'B',
      meanAchievement: 0.95,
    });
    expect(suggestOverallRating(standardTemplates, 'measure', [row('outcome', 1.2)]).rating).toBe('S');
    expect(suggestOverallRating(standardTemplates, 'project', [row('outcome', 1.2)]).rating).toBe('A');
    expect(suggestOverallRating(standardTemplates, 'project', [row('activity', 1)])).toEqual({
      rating: null,
      meanAchievement: null,
    });
  });
});
