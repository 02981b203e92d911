/**
 * Table types for Kysely. One interface per table; migrations create them.
 * Other aggregates add their tables here next to their migration.
 */
import type { ColumnType, Generated, JSONColumnType } from 'kysely';
import type { AreaBoundaryTables } from './repositories/area-boundary.repository';
import type { CocreationTables } from './repositories/cocreation.repository';
import type { DatasetTables } from './repositories/dataset.repository';
import type { EvaluationTables } from './repositories/evaluation.repository';
import type { JobTables } from './repositories/job.repository';
import type { JobInputTables } from './repositories/job-input.repository';
import type { MailTables } from './repositories/mail.repository';
import type { MunicipalityTables } from './repositories/municipality.repository';
import type { NotificationTables } from './repositories/notification.repository';
import type { PopulationTables } from './repositories/population.repository';
import type { ReportTables } from './repositories/report.repository';
import type { SectoralPlanTables } from './repositories/sectoral-plan.repository';
import type { SurveyTables } from './repositories/survey.repository';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface PlansTable {
  id: Generated<number>;
  code: string;
  municipality_code: string;
  current_version: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlanVersionsTable {
  plan_id: number;
  version: number;
  status: string;
  document: JSONColumnType<Record<string, unknown>>;
  note: string | null;
  created_by: string;
  created_at: Timestamp;
}

/** A derived index of the current version's elements, for lookups and foreign keys. */
export interface PlanNodesTable {
  plan_id: number;
  code: string;
  kind: string;
  parent_code: string | null;
  sort: number;
  name_ja: string;
  name_en: string | null;
  department_code: string | null;
  sample: boolean;
}

export interface AuditLogTable {
  id: Generated<string>;
  at: Timestamp;
  actor: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before: JSONColumnType<object> | null;
  after: JSONColumnType<object> | null;
  details: JSONColumnType<Record<string, unknown>> | null;
}

export interface Database
  extends DatasetTables,
    AreaBoundaryTables,
    SurveyTables,
    PopulationTables,
    EvaluationTables,
    NotificationTables,
    MailTables,
    MunicipalityTables,
    JobTables,
    JobInputTables,
    CocreationTables,
    SectoralPlanTables,
    ReportTables {
  plans: PlansTable;
  plan_versions: PlanVersionsTable;
  plan_nodes: PlanNodesTable;
  audit_log: AuditLogTable;
}
