/**
 * Deadlines of a round: which sheets are overdue on a given day (Asia/Tokyo
 * calendar date) and which reminders fall due, N days before a stage's due date
 * or (negative N) N days after it.
 */
import type { CalendarDate } from '../calendar';
import { daysBetween, formatIsoDate } from './local-date';
import { type EvaluationRound, hasCommitteeStage, type RoundStage, stageDue } from './round';
import { awaitingStage, type SheetState } from './sheet-workflow';

export interface ScheduledSheet {
  id: string;
  code: string;
  departmentCode: string;
  state: SheetState;
}

export interface OverdueItem {
  sheetId: string;
  code: string;
  departmentCode: string;
  state: SheetState;
  stage: RoundStage;
  due: string;
  daysOverdue: number;
}

export interface ReminderItem {
  sheetId: string;
  code: string;
  departmentCode: string;
  stage: RoundStage;
  due: string;
  /** 0 = due today; negative: days past the due date. */
  daysLeft: number;
}

function pending(round: EvaluationRound, sheet: ScheduledSheet) {
  const stage = awaitingStage(sheet.state, hasCommitteeStage(round));
  if (!stage) return undefined;
  const due = stageDue(round, stage);
  return due ? { stage, due } : undefined;
}

/**
 * Sheets whose awaited stage is past its due date on `today` (a stage is due
 * through the end of its due day). Only open rounds have overdue sheets.
 */
export function overdueSheets(
  round: EvaluationRound,
  sheets: readonly ScheduledSheet[],
  today: CalendarDate,
): OverdueItem[] {
  if (round.state !== 'open') return [];
  const items: OverdueItem[] = [];
  for (const sheet of sheets) {
    const p = pending(round, sheet);
    if (!p) continue;
    const late = daysBetween(p.due, today);
    if (late > 0) {
      items.push({
        sheetId: sheet.id,
        code: sheet.code,
        departmentCode: sheet.departmentCode,
        state: sheet.state,
        stage: p.stage,
        due: formatIsoDate(p.due),
        daysOverdue: late,
      });
    }
  }
  return items.sort((a, b) => b.daysOverdue - a.daysOverdue || a.code.localeCompare(b.code));
}

/** The default reminder days: a week and a day before the due date, a day and a week after it. */
export const defaultReminderDays: readonly number[] = [7, 1, -1, -7];

/** Reminder days a round may set: whole days from 60 before to 60 after, at most 8, no repeats. */
export function validReminderDays(days: readonly number[]): boolean {
  return (
    days.length <= 8 &&
    new Set(days).size === days.length &&
    days.every((d) => Number.isInteger(d) && d >= -60 && d <= 60)
  );
}

/**
 * Reminders to send on `today`: for each sheet still waiting on a stage, one
 * when the due date is exactly one of `daysBefore` days away, or (negative)
 * that many days past (so a daily job sends each reminder once).
 */
export function remindersDue(
  round: EvaluationRound,
  sheets: readonly ScheduledSheet[],
  today: CalendarDate,
  daysBefore: readonly number[] = defaultReminderDays,
): ReminderItem[] {
  if (round.state !== 'open') return [];
  const items: ReminderItem[] = [];
  for (const sheet of sheets) {
    const p = pending(round, sheet);
    if (!p) continue;
    const left = daysBetween(today, p.due);
    if (daysBefore.includes(left)) {
      items.push({
        sheetId: sheet.id,
        code: sheet.code,
        departmentCode: sheet.departmentCode,
        stage: p.stage,
        due: formatIsoDate(p.due),
        daysLeft: left,
      });
    }
  }
  return items.sort(
    (a, b) => a.departmentCode.localeCompare(b.departmentCode) || a.code.localeCompare(b.code),
  );
}
