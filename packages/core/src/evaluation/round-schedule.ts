/**
 * Deadlines of a round: which sheets are overdue on a given day (Asia/Tokyo
 * calendar date) and which reminders fall due, N days before a stage's due date.
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
  /** 0 = due today. */
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

/**
 * Reminders to send on `today`: for each sheet still waiting on a stage, one
 * when the due date is exactly one of `daysBefore` days away (so a daily job
 * sends each reminder once).
 */
export function remindersDue(
  round: EvaluationRound,
  sheets: readonly ScheduledSheet[],
  today: CalendarDate,
  daysBefore: readonly number[] = [7, 1],
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
