/**
 * The alignment check of sectoral plans against the comprehensive plan: periods
 * that run across a phase boundary or past the plan, indicators that contradict
 * the plan's (same concept, other direction or target), fields no sectoral plan
 * serves, and sectoral plans due for revision in the review calendar.
 */
import type { IndicatorDefinition } from '../indicators/indicator-types';
import type { Field, Phase, Text } from '../plan/plan-types';
import type { SectoralPlan } from './sectoral-plan-types';

export interface AlignmentPlanView {
  startFiscalYear: number;
  endFiscalYear: number;
  phases: readonly Pick<Phase, 'number' | 'startFiscalYear' | 'endFiscalYear' | 'name'>[];
  fields: readonly Pick<Field, 'code' | 'name'>[];
  indicators: readonly Pick<IndicatorDefinition, 'code' | 'name' | 'direction' | 'targets' | 'baseline'>[];
}

export type AlignmentFinding =
  | { kind: 'crosses-phase-end'; phase: number; phaseEndFiscalYear: number; yearsBeyond: number }
  | { kind: 'outside-plan'; planEndFiscalYear: number; planStartFiscalYear: number }
  | { kind: 'direction-contradicts'; indicator: string; planDirection: string; sectoralDirection: string }
  | {
      kind: 'target-contradicts';
      indicator: string;
      fiscalYear: number;
      sectoralValue: number;
      planValue: number;
      /** `exact`: the plan sets a target for that year; `path`: on the line between the plan's figures. */
      basis: 'exact' | 'path';
    }
  | { kind: 'due-for-revision'; fiscalYear: number; reason: 'ends' | 'phase-review' };

export interface SectoralAlignment {
  code: string;
  name: Text;
  findings: AlignmentFinding[];
}

export interface AlignmentReport {
  plans: SectoralAlignment[];
  fieldsWithoutSectoralPlan: { code: string; name: Text }[];
}

/** The plan's figure for a fiscal year: its target that year, or the straight line between its figures. */
function planValueAt(
  ind: AlignmentPlanView['indicators'][number],
  fy: number,
): { value: number; basis: 'exact' | 'path' } | null {
  const exact = ind.targets.find((t) => t.fiscalYear === fy);
  if (exact) return { value: exact.value, basis: 'exact' };
  const points = ind.targets.map((t) => ({ fy: t.fiscalYear, v: t.value }));
  const baseYear = ind.baseline ? /^(\d{4})/.exec(ind.baseline.asOf)?.[1] : undefined;
  if (ind.baseline && baseYear) points.push({ fy: Number(baseYear), v: ind.baseline.value });
  points.sort((a, b) => a.fy - b.fy);
  for (let i = 1; i < points.length; i++) {
    const a = points[i - 1];
    const b = points[i];
    if (a && b && a.fy < fy && fy < b.fy) {
      return { value: a.v + ((b.v - a.v) * (fy - a.fy)) / (b.fy - a.fy), basis: 'path' };
    }
  }
  return null;
}

/** A sectoral target contradicts the plan when it differs from the plan's own target that year,
 * or, between the plan's figures, when it is less ambitious than the plan's path. */
function contradicts(direction: string, sectoral: number, plan: number, basis: 'exact' | 'path'): boolean {
  const eps = 1e-9 * Math.max(1, Math.abs(plan));
  if (basis === 'exact') return Math.abs(sectoral - plan) > eps;
  if (direction === 'higher-is-better') return sectoral < plan - eps;
  if (direction === 'lower-is-better') return sectoral > plan + eps;
  return false;
}

export function checkSectoralAlignment(
  plan: AlignmentPlanView,
  sectoralPlans: readonly SectoralPlan[],
  currentFiscalYear: number,
): AlignmentReport {
  const indicators = new Map(plan.indicators.map((i) => [i.code, i]));
  const reports = sectoralPlans.map((sp): SectoralAlignment => {
    const findings: AlignmentFinding[] = [];
    for (const ph of plan.phases) {
      if (sp.startFiscalYear <= ph.endFiscalYear && sp.endFiscalYear > ph.endFiscalYear) {
        findings.push({
          kind: 'crosses-phase-end',
          phase: ph.number,
          phaseEndFiscalYear: ph.endFiscalYear,
          yearsBeyond: sp.endFiscalYear - ph.endFiscalYear,
        });
      }
    }
    if (sp.startFiscalYear < plan.startFiscalYear || sp.endFiscalYear > plan.endFiscalYear) {
      findings.push({
        kind: 'outside-plan',
        planStartFiscalYear: plan.startFiscalYear,
        planEndFiscalYear: plan.endFiscalYear,
      });
    }
    for (const si of sp.indicators) {
      const pi = si.sameAs ? indicators.get(si.sameAs) : undefined;
      if (!pi) continue;
      if (pi.direction !== si.direction) {
        findings.push({
          kind: 'direction-contradicts',
          indicator: pi.code,
          planDirection: pi.direction,
          sectoralDirection: si.direction,
        });
        continue;
      }
      if (!si.target) continue;
      const pv = planValueAt(pi, si.target.fiscalYear);
      if (pv && contradicts(pi.direction, si.target.value, pv.value, pv.basis)) {
        findings.push({
          kind: 'target-contradicts',
          indicator: pi.code,
          fiscalYear: si.target.fiscalYear,
          sectoralValue: si.target.value,
          planValue: pv.value,
          basis: pv.basis,
        });
      }
    }
    // Revision: when the sectoral plan ends, and at each phase-end review it runs across.
    const revisionYears: { fiscalYear: number; reason: 'ends' | 'phase-review' }[] = [
      { fiscalYear: sp.endFiscalYear, reason: 'ends' },
      ...plan.phases
        .filter((ph) => sp.startFiscalYear <= ph.endFiscalYear && ph.endFiscalYear < sp.endFiscalYear)
        .map((ph) => ({ fiscalYear: ph.endFiscalYear, reason: 'phase-review' as const })),
    ];
    for (const r of revisionYears) {
      if (r.fiscalYear >= currentFiscalYear && r.fiscalYear <= currentFiscalYear + 1) {
        findings.push({ kind: 'due-for-revision', ...r });
      }
    }
    return { code: sp.code, name: sp.name, findings };
  });
  const served = new Set(sectoralPlans.flatMap((sp) => sp.fields));
  return {
    plans: reports,
    fieldsWithoutSectoralPlan: plan.fields
      .filter((f) => !served.has(f.code))
      .map((f) => ({ code: f.code, name: f.name })),
  };
}

/** A finding in words, Japanese and English. */
export function describeFinding(f: AlignmentFinding): Text {
  switch (f.kind) {
    case 'crosses-phase-end':
      return {
        ja: `計画期間が第${f.phase}期の終わり（${f.phaseEndFiscalYear}年度）を${f.yearsBeyond}年越えています`,
        en: `The period runs ${f.yearsBeyond} year(s) past the end of phase ${f.phase} (FY${f.phaseEndFiscalYear})`,
      };
    case 'outside-plan':
      return {
        ja: `計画期間が総合計画の期間（${f.planStartFiscalYear}〜${f.planEndFiscalYear}年度）の外にかかっています`,
        en: `The period extends outside the comprehensive plan (FY${f.planStartFiscalYear}–FY${f.planEndFiscalYear})`,
      };
    case 'direction-contradicts':
      return {
        ja: `指標「${f.indicator}」の向きが総合計画と異なります（総合計画: ${f.planDirection}、個別計画: ${f.sectoralDirection}）`,
        en: `Indicator "${f.indicator}" points the other way (plan: ${f.planDirection}, sectoral plan: ${f.sectoralDirection})`,
      };
    case 'target-contradicts':
      return {
        ja: `指標「${f.indicator}」の${f.fiscalYear}年度の目標 ${f.sectoralValue} が総合計画の${f.basis === 'exact' ? '目標' : '目標までの道筋'} ${round(f.planValue)} と食い違っています`,
        en: `Indicator "${f.indicator}": the FY${f.fiscalYear} target ${f.sectoralValue} contradicts the plan's ${f.basis === 'exact' ? 'target' : 'path to its target'} ${round(f.planValue)}`,
      };
    case 'due-for-revision':
      return f.reason === 'ends'
        ? {
            ja: `${f.fiscalYear}年度で計画期間が終わります。次期計画の策定が必要です`,
            en: `The period ends in FY${f.fiscalYear}; the next plan must be drawn up`,
          }
        : {
            ja: `${f.fiscalYear}年度の見直し評価に合わせて整合を確認してください`,
            en: `Check alignment at the phase review in FY${f.fiscalYear}`,
          };
  }
}

const round = (v: number) => Math.round(v * 100) / 100;
