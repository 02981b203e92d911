/**
 * The plan's review calendar, derived from its periods: an administrative
 * evaluation every fiscal year; at the end of each phase (of any length) a review
 * and the drafting of the next phase; the long-term strategy revised if needed
 * at the end of every phase but the last; the next plan drafted in the last year.
 */
import { classicLevelNames } from '../plan/plan-levels';
import type { LevelNames, Text } from '../plan/plan-types';
import { formatFiscalYear } from './fiscal-year';

export type ReviewEventKey =
  | 'annual-evaluation'
  | 'medium-term-review'
  | 'next-phase-drafting'
  | 'long-term-revision-if-needed'
  | 'next-plan-drafting';

/** The events' names in the plan's own words (its phase level, e.g. 基本計画 or 中期戦略). */
export function reviewEventLabels(levels: LevelNames = classicLevelNames): Record<ReviewEventKey, Text> {
  const ja = levels.phase.ja;
  const en = levels.phase.en ?? levels.phase.ja;
  return {
    'annual-evaluation': { ja: '行政評価・改善', en: 'Annual administrative evaluation' },
    'medium-term-review': { ja: `${ja}の見直し評価`, en: `Review of the ${en}` },
    'next-phase-drafting': { ja: `次期${ja}の策定`, en: `Drafting of the next ${en}` },
    'long-term-revision-if-needed': {
      ja: '計画全体（構想・長期戦略）の必要に応じた修正',
      en: 'Revision of the whole plan (vision, long-term strategy) if needed',
    },
    'next-plan-drafting': { ja: '次期総合計画の策定', en: 'Drafting of the next comprehensive plan' },
  };
}

export interface PlanPeriods {
  startFiscalYear: number;
  endFiscalYear: number;
  phases: readonly { number: number; startFiscalYear: number; endFiscalYear: number }[];
}

export interface CalendarYear {
  fiscalYear: number;
  label: string;
  phase: number | null;
  events: ReviewEventKey[];
}

export function reviewCalendar(plan: PlanPeriods): CalendarYear[] {
  const years: CalendarYear[] = [];
  const lastPhase = Math.max(...plan.phases.map((p) => p.number));
  for (let fy = plan.startFiscalYear; fy <= plan.endFiscalYear; fy++) {
    const phase = plan.phases.find((p) => p.startFiscalYear <= fy && fy <= p.endFiscalYear);
    const events: ReviewEventKey[] = ['annual-evaluation'];
    if (phase && fy === phase.endFiscalYear) {
      events.push('medium-term-review', 'next-phase-drafting');
      if (phase.number !== lastPhase) events.push('long-term-revision-if-needed');
    }
    if (fy === plan.endFiscalYear) events.push('next-plan-drafting');
    years.push({ fiscalYear: fy, label: formatFiscalYear(fy), phase: phase?.number ?? null, events });
  }
  return years;
}
