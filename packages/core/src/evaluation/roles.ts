/**
 * Who acts in the evaluation cycle: the roles a workflow transition or a round
 * transition is allowed for, and the actor recorded in the audit trail.
 */

export const evaluationRoles = [
  'department-editor',
  'section-head',
  'planning-division',
  'committee',
  'admin',
] as const;
export type EvaluationRole = (typeof evaluationRoles)[number];

export const evaluationRoleLabels: Record<EvaluationRole, { ja: string; en: string }> = {
  'department-editor': { ja: '担当課（入力者）', en: 'Department editor' },
  'section-head': { ja: '所属長', en: 'Section head' },
  'planning-division': { ja: '企画担当課（行政評価担当）', en: 'Planning division' },
  committee: { ja: '行政評価委員会', en: 'Evaluation committee' },
  admin: { ja: 'システム管理者', en: 'Administrator' },
};

/** The person acting; `departmentCode` limits department roles to their own sheets. */
export interface Actor {
  id: string;
  role: EvaluationRole;
  departmentCode?: string;
}
