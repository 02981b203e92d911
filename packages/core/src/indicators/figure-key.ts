/**
 * The key a printed figure carries in the markup (`data-figure`), naming what
 * it is so that the same figure can be compared across pages:
 * `subject:series:year` — subject an indicator code (with `@AREA` for an
 * area's figure), series `census`, `baseline`, `actual`, `target` or a
 * projection's code (lower case, letters and digits only: IPSS-2018 and
 * ipss2018 are one series), year a calendar or fiscal year.
 */
export function figureKey(subject: string, series: string, year: number | string): string {
  return `${subject}:${series.toLowerCase().replace(/[^a-z0-9]/g, '')}:${year}`;
}

/** Several keys for one figure (e.g. the 2020 census that the plan also names as its baseline). */
export const figureKeys = (...keys: (string | null | undefined | false)[]): string =>
  keys.filter((k): k is string => typeof k === 'string' && k.length > 0).join(' ');

/** The series of an indicator's baseline: a census indicator's baseline is a census figure. */
export const baselineSeries = (frequency: string | undefined): string =>
  frequency === 'census' ? 'census' : 'baseline';
