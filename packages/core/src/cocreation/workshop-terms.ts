/**
 * Workshops: who takes part (by kind) and the checks of a workshop record
 * before it is stored (date, place, participants, outputs, what it shaped).
 */
import { defineProblem } from '../errors/define';
import type { Problem } from '../errors/problem';

export const workshopParticipantKinds = [
  'residents',
  'youth',
  'businesses',
  'organisations',
  'from-outside',
  'staff',
] as const;
export type WorkshopParticipantKind = (typeof workshopParticipantKinds)[number];
export const workshopParticipantLabels: Record<WorkshopParticipantKind, { ja: string; en: string }> = {
  residents: { ja: '市民', en: 'Residents' },
  youth: { ja: '高校生・学生', en: 'Students and young people' },
  businesses: { ja: '事業者', en: 'Businesses' },
  organisations: { ja: '団体（自治会・NPO など）', en: 'Organisations (自治会, NPOs, …)' },
  'from-outside': {
    ja: '市外からの参加者（関係人口）',
    en: 'People from outside the city (relationship population)',
  },
  staff: { ja: '市職員', en: 'City staff' },
};

export interface WorkshopInput {
  code: string;
  title: { ja: string; en?: string };
  heldOn: string;
  place: string;
  participants: Partial<Record<string, number>>;
  outputs: string[];
  /** Codes of the desired states (fields) and measures it shaped. */
  shaped: string[];
  sample?: boolean;
}

export const workshopLimits = { title: 200, place: 200, output: 2000, outputs: 50, shaped: 100, files: 10 };

export const workshopProblems = {
  invalid: defineProblem<{ field: string; value: string }>(
    'workshops/invalid',
    'invalid',
    ({ field, value }) => ({
      ja: `${field} の値「${value}」は使えません`,
      en: `The value "${value}" is not valid for ${field}`,
    }),
  ),
};

/** A real calendar day (2023-02-30 is not: the round trip through Date would change it). */
const isIsoDate = (s: string) => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === s;
};

/** Every problem of a workshop record (the plan's codes are checked by the caller). */
export function checkWorkshopInput(w: WorkshopInput): Problem[] {
  const out: Problem[] = [];
  const bad = (field: string, value: unknown) =>
    out.push(workshopProblems.invalid.create({ field, value: String(value).slice(0, 80) }, { field }));
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(w.code)) bad('code', w.code);
  if (!w.title.ja.trim() || w.title.ja.length > workshopLimits.title) bad('title.ja', w.title.ja);
  if (w.title.en !== undefined && w.title.en.length > workshopLimits.title) bad('title.en', w.title.en);
  if (!isIsoDate(w.heldOn)) bad('heldOn', w.heldOn);
  if (!w.place.trim() || w.place.length > workshopLimits.place) bad('place', w.place);
  for (const [kind, n] of Object.entries(w.participants)) {
    if (!(workshopParticipantKinds as readonly string[]).includes(kind)) bad(`participants.${kind}`, kind);
    else if (n === undefined || !Number.isInteger(n) || n < 0 || n > 1_000_000)
      bad(`participants.${kind}`, n);
  }
  if (w.outputs.length > workshopLimits.outputs) bad('outputs', w.outputs.length);
  w.outputs.forEach((o, i) => {
    if (!o.trim() || o.length > workshopLimits.output) bad(`outputs.${i}`, o);
  });
  if (w.shaped.length > workshopLimits.shaped) bad('shaped', w.shaped.length);
  return out;
}
