/**
 * Checks an indicator definition beyond its shape: bands and ranges the right
 * way round, baseline and targets inside the range, one target per fiscal
 * year, a readable baseline date, survey wording for survey indicators.
 * Returns every problem at once; `path` prefixes each `where.path`.
 */
import type { Problem } from '../errors';
import { parsePeriod } from './indicator-period';
import { indicatorProblems as P } from './indicator-problems';
import type { IndicatorDefinition } from './indicator-types';

export function validateIndicatorDefinition(def: IndicatorDefinition, path = ''): Problem[] {
  const problems: Problem[] = [];
  const at = (field: string) => ({ path: path ? `${path}.${field}` : field, field });
  const finite = (field: string, v: unknown): v is number => {
    if (typeof v === 'number' && Number.isFinite(v)) return true;
    problems.push(P.notFinite.create({ field, value: String(v) }, at(field)));
    return false;
  };

  if (!def.code?.trim()) problems.push(P.required.create({ field: 'code' }, at('code')));
  if (!def.name?.ja?.trim()) problems.push(P.required.create({ field: 'name.ja' }, at('name.ja')));
  if (!def.unit?.ja?.trim()) problems.push(P.required.create({ field: 'unit.ja' }, at('unit.ja')));
  if (!def.serves?.trim()) problems.push(P.required.create({ field: 'serves' }, at('serves')));

  const range = def.range;
  if (range) {
    if (range.min !== undefined) finite('range.min', range.min);
    if (range.max !== undefined) finite('range.max', range.max);
    if (range.min !== undefined && range.max !== undefined && range.min > range.max) {
      problems.push(P.inverted.create({ field: 'range', lower: range.min, upper: range.max }, at('range')));
    }
  }
  const inRange = (field: string, v: number) => {
    if (!range) return;
    if ((range.min !== undefined && v < range.min) || (range.max !== undefined && v > range.max)) {
      problems.push(
        P.outOfRange.create(
          { field, value: v, min: String(range.min ?? '-∞'), max: String(range.max ?? '∞') },
          at(field),
        ),
      );
    }
  };

  if (def.direction === 'within-band') {
    if (!def.band) problems.push(P.bandMissing.create({}, at('band')));
    else if (finite('band.lower', def.band.lower) && finite('band.upper', def.band.upper)) {
      if (def.band.lower > def.band.upper) {
        problems.push(
          P.inverted.create({ field: 'band', lower: def.band.lower, upper: def.band.upper }, at('band')),
        );
      }
    }
  }

  if (def.baseline) {
    const b = def.baseline;
    if (finite('baseline.value', b.value)) inRange('baseline.value', b.value);
    if (!b.asOf || !parsePeriod(String(b.asOf))) {
      problems.push(P.asOfUnreadable.create({ text: String(b.asOf ?? '') }, at('baseline.asOf')));
    }
    if (!b.source?.ja?.trim())
      problems.push(P.required.create({ field: 'baseline.source.ja' }, at('baseline.source')));
    if (b.responseRate !== undefined && !(b.responseRate >= 0 && b.responseRate <= 1)) {
      problems.push(
        P.shareOutOfRange.create(
          { field: 'baseline.responseRate', value: b.responseRate },
          at('baseline.responseRate'),
        ),
      );
    }
    if (b.ci && b.ci.lower > b.ci.upper) {
      problems.push(
        P.inverted.create({ field: 'baseline.ci', lower: b.ci.lower, upper: b.ci.upper }, at('baseline.ci')),
      );
    }
  }

  const seen = new Map<number, number>();
  (def.targets ?? []).forEach((t, i) => {
    const field = `targets[${i}]`;
    if (!Number.isInteger(t.fiscalYear))
      problems.push(P.required.create({ field: `${field}.fiscalYear` }, at(field)));
    if (finite(`${field}.value`, t.value)) inRange(`${field}.value`, t.value);
    if (seen.has(t.fiscalYear))
      problems.push(P.duplicateTargetYear.create({ fiscalYear: t.fiscalYear }, at(field)));
    seen.set(t.fiscalYear, t.value);
  });
  if (def.finalTarget) {
    const f = def.finalTarget;
    if (finite('finalTarget.value', f.value)) inRange('finalTarget.value', f.value);
    const yearly = seen.get(f.fiscalYear);
    if (yearly !== undefined && yearly !== f.value) {
      problems.push(
        P.finalTargetConflict.create({ fiscalYear: f.fiscalYear, yearly, final: f.value }, at('finalTarget')),
      );
    }
  }

  if (def.weight !== undefined && !(def.weight > 0)) {
    problems.push(P.weightNonpositive.create({ weight: def.weight }, at('weight')));
  }
  const areas = new Set<string>();
  (def.areas ?? []).forEach((a, i) => {
    if (areas.has(a)) problems.push(P.duplicateArea.create({ area: a }, at(`areas[${i}]`)));
    areas.add(a);
  });
  if (def.kind === 'survey') {
    if (!def.survey?.question?.ja?.trim() || !def.survey.scale)
      problems.push(P.surveyMissing.create({}, at('survey')));
    else if (def.survey.scale.min > def.survey.scale.max) {
      const { min, max } = def.survey.scale;
      problems.push(P.inverted.create({ field: 'survey.scale', lower: min, upper: max }, at('survey.scale')));
    }
  }
  return problems;
}
