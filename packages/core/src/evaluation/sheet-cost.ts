/**
 * The cost block of a project sheet: project cost = sum of its funding sources
 * (national, prefectural, bonds, other, general revenue); staff cost = person-
 * years × average staff cost, rounded to whole money units; total = project +
 * staff; unit cost = total / the unit quantity. Amounts are in the template's unit.
 */
import { fail, ok, type Problem, type Result } from '../errors';
import { sheetProblems as P } from './sheet-problems';
import type { FundingSources, ProjectCostInput } from './sheet-types';

export const fundingSourceKeys = ['national', 'prefectural', 'bonds', 'other', 'generalRevenue'] as const;

export const fundingSourceLabels: Record<keyof FundingSources, { ja: string; en: string }> = {
  national: { ja: '国庫支出金', en: 'National' },
  prefectural: { ja: '県支出金', en: 'Prefectural' },
  bonds: { ja: '地方債', en: 'Bonds' },
  other: { ja: 'その他', en: 'Other' },
  generalRevenue: { ja: '一般財源', en: 'General revenue' },
};

export interface CostSummary {
  basis: ProjectCostInput['basis'];
  funding: FundingSources;
  projectCost: number;
  staffCost: number;
  totalCost: number;
  /** Null when there is no positive unit quantity. */
  unitCost: number | null;
  unitQuantity: { value: number; unit: string } | null;
}

const isAmount = (v: number) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** Computes the cost block; every invalid amount is reported, with its path under `path`. */
export function computeProjectCost(input: ProjectCostInput, path = 'cost'): Result<CostSummary> {
  const problems: Problem[] = [];
  const warnings: Problem[] = [];
  const check = (field: string, value: number) => {
    if (!isAmount(value))
      problems.push(P.amountInvalid.create({ field, value: String(value) }, { path: `${path}.${field}` }));
  };
  for (const key of fundingSourceKeys) check(`funding.${key}`, input.funding[key]);
  check('personYears', input.personYears);
  check('averageStaffCost', input.averageStaffCost);
  if (input.declaredProjectCost !== undefined) check('declaredProjectCost', input.declaredProjectCost);
  if (problems.length > 0) return fail(problems);
  const projectCost = fundingSourceKeys.reduce((sum, key) => sum + input.funding[key], 0);
  // Tolerate floating-point noise in amounts with decimals (e.g. 千円 with one decimal).
  if (input.declaredProjectCost !== undefined && Math.abs(input.declaredProjectCost - projectCost) > 1e-6) {
    return fail(
      P.fundingMismatch.create(
        { declared: input.declaredProjectCost, sum: projectCost },
        { path: `${path}.declaredProjectCost` },
      ),
    );
  }
  const staffCost = roundHalfUp(input.personYears * input.averageStaffCost);
  const totalCost = projectCost + staffCost;
  let unitCost: number | null = null;
  let unitQuantity: CostSummary['unitQuantity'] = null;
  if (input.unitQuantity) {
    const q = input.unitQuantity.value;
    if (Number.isFinite(q) && q > 0) {
      unitCost = totalCost / q;
      unitQuantity = { ...input.unitQuantity };
    } else {
      warnings.push(
        P.unitQuantityInvalid.create({ value: String(q) }, { path: `${path}.unitQuantity.value` }, 'warning'),
      );
    }
  }
  return ok(
    {
      basis: input.basis,
      funding: { ...input.funding },
      projectCost,
      staffCost,
      totalCost,
      unitCost,
      unitQuantity,
    },
    warnings,
  );
}

/** Rounds half up on non-negative amounts, after removing float noise (0.35 × 8000 = 2800). */
function roundHalfUp(x: number): number {
  return Math.round(Number(x.toPrecision(12)));
}
