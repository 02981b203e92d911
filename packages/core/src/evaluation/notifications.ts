/**
 * Who is told about a workflow event: the next reviewer when a sheet moves
 * forward, the department when it is returned or published. The app turns
 * these recipients into mails or in-app notices.
 */
import type { EvaluationRole } from './roles';
import type { SheetEvent } from './sheet-workflow';

export interface Recipient {
  role: EvaluationRole;
  /** Limits the recipients to one department (its editors or section head). */
  departmentCode?: string;
}

export interface Notification {
  sheetId: string;
  event: SheetEvent['action'];
  recipients: Recipient[];
}

export function notificationFor(event: SheetEvent, sheetDepartment: string): Notification {
  const dept = (role: EvaluationRole): Recipient => ({ role, departmentCode: sheetDepartment });
  const recipients: Recipient[] = (() => {
    switch (event.action) {
      case 'submit':
        return [dept('section-head')];
      case 'withdraw':
        return [dept('section-head')];
      case 'return':
        return event.from === 'approved'
          ? [dept('department-editor'), dept('section-head')]
          : [dept('department-editor')];
      case 'approve':
        return [{ role: 'planning-division' }, dept('department-editor')];
      case 'review':
        return [{ role: 'committee' }, dept('section-head')];
      case 'see':
        return [{ role: 'planning-division' }];
      case 'publish':
        return [dept('department-editor'), dept('section-head')];
    }
  })();
  return { sheetId: event.sheetId, event: event.action, recipients };
}
