/**
 * When an indicator's next value is due, and whether it is overdue ("stale")
 * at a reference date. The next value is due one interval after the latest
 * period ends, plus the publication lag (defaults: yearly 6 months, after the
 * accounts close and the June evaluation; quarterly 2; census 14, when the
 * final census counts are out). Irregular indicators are never stale.
 */
import type { CalendarDate } from '../calendar';
import { addMonths, dayNumber, type IndicatorPeriod, periodEnd } from './indicator-period';
import type { IndicatorDefinition, IndicatorFrequency } from './indicator-types';

const intervalMonths: Record<IndicatorFrequency, number | undefined> = {
  yearly: 12,
  quarterly: 3,
  census: 60,
  irregular: undefined,
};

export const defaultPublicationLagMonths: Record<IndicatorFrequency, number> = {
  yearly: 6,
  quarterly: 2,
  census: 14,
  irregular: 0,
};

/** The day the value after `latest` is due, or undefined for irregular indicators. */
export function nextDueDate(
  def: Pick<IndicatorDefinition, 'frequency' | 'publicationLagMonths'>,
  latest: IndicatorPeriod,
): CalendarDate | undefined {
  const interval = intervalMonths[def.frequency];
  if (interval === undefined) return undefined;
  const lag = def.publicationLagMonths ?? defaultPublicationLagMonths[def.frequency];
  return addMonths(periodEnd(latest), interval + lag);
}

/** True when the reference date is past the day the next value was due. */
export function isOverdue(
  def: Pick<IndicatorDefinition, 'frequency' | 'publicationLagMonths'>,
  latest: IndicatorPeriod,
  reference: CalendarDate,
): boolean {
  const due = nextDueDate(def, latest);
  return due !== undefined && dayNumber(reference) > dayNumber(due);
}
