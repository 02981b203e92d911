/**
 * A round's results in brief, as plain data kept per year for the medium-term
 * review: per measure the overall rating, direction, indicator achievement and
 * theory findings; per project the rating, direction and total cost.
 */
import { type IndicatorRow, meanAchievement } from './indicator-rows';
import type { MeasureSheetContent, ProjectSheetContent } from './sheet-types';
import type { LinkFinding } from './theory-types';

export interface MeasureYear {
  measureCode: string;
  name: string;
  fieldCode: string;
  overallRating: string | null;
  direction: string | null;
  /** Mean of the outcome indicators' achievement (1 = 100%), or null. */
  meanAchievement: number | null;
  indicators: { code: string; target: number | null; actual: number | null; achievement: number | null }[];
  findings: LinkFinding[];
}

export interface ProjectYear {
  projectCode: string;
  measureCode: string;
  overallRating: string | null;
  direction: string | null;
  totalCost: number | null;
}

export interface RoundDigest {
  /** The evaluated fiscal year. */
  fiscalYear: number;
  measures: MeasureYear[];
  projects: ProjectYear[];
}

export interface DigestInput {
  fiscalYear: number;
  measures: { content: MeasureSheetContent; indicatorRows: readonly IndicatorRow[] }[];
  projects: { content: ProjectSheetContent; totalCost?: number | null }[];
}

export function digestRound(input: DigestInput): RoundDigest {
  return {
    fiscalYear: input.fiscalYear,
    measures: input.measures
      .map(({ content, indicatorRows }) => {
        const outcomes = indicatorRows.filter((r) => r.role === 'outcome');
        return {
          measureCode: content.measureCode,
          name: content.name,
          fieldCode: content.fieldCode,
          overallRating: content.overallRating ?? null,
          direction: content.direction ?? null,
          meanAchievement: meanAchievement(outcomes),
          indicators: outcomes.map((r) => ({
            code: r.code,
            target: r.current.target,
            actual: r.current.actual,
            achievement: r.current.achievement,
          })),
          findings: content.theoryFindings.map((f) => ({ ...f })),
        };
      })
      .sort((a, b) => a.measureCode.localeCompare(b.measureCode)),
    projects: input.projects
      .map(({ content, totalCost }) => ({
        projectCode: content.projectCode,
        measureCode: content.measureCode,
        overallRating: content.overallRating ?? null,
        direction: content.direction ?? null,
        totalCost: totalCost ?? null,
      }))
      .sort((a, b) => a.projectCode.localeCompare(b.projectCode)),
  };
}
