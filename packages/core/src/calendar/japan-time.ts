/** Timestamps in Japan time (UTC+9, no daylight saving), ISO 8601 with the offset written out. */
const NINE_HOURS = 9 * 60 * 60 * 1000;

/** `2026-12-06T21:42:05+09:00` for the instant `d`. */
export function japanTime(d: Date): string {
  const shifted = new Date(d.getTime() + NINE_HOURS).toISOString();
  return `${shifted.slice(0, 19)}+09:00`;
}
