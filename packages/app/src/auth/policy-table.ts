/**
 * The policy table: one policy per action, saying which roles may perform it.
 * Routes name their action (`withPolicy('indicator:record-actual', ...)`);
 * the API checks the role on every request, and use cases check the item
 * (department, partner links, release) with `authorize()`. Add one line per
 * new action; the route × role test walks this table.
 */
import type { AccountRole } from './roles';

export interface Policy {
  /** Roles allowed to perform the action (on items in their scope). */
  roles: readonly AccountRole[];
  /** Changes data: needs CSRF protection and is audited. */
  write: boolean;
}

const staffEditors = ['admin', 'planning-editor', 'department-editor'] as const;
const staff = ['admin', 'planning-editor', 'department-editor', 'reviewer'] as const;
const everyone = [
  'admin',
  'planning-editor',
  'department-editor',
  'reviewer',
  'committee',
  'partner',
] as const;
const read = (roles: readonly AccountRole[]): Policy => ({ roles, write: false });
const write = (roles: readonly AccountRole[]): Policy => ({ roles, write: true });

export const policyTable = {
  // Own account: who am I, sign out, change my password, my API tokens.
  'account:read-self': read(everyone),
  'account:update-self': write(everyone),
  'tokens:read-own': read(everyone),
  'tokens:manage-own': write(everyone),
  // Background jobs: each account follows the jobs it started (administrators: all).
  'jobs:read-own': read(everyone),
  // Administration.
  'users:read': read(['admin']),
  'users:manage': write(['admin']),
  'tokens:manage-all': write(['admin']),
  'audit:read': read(['admin']),
  'audit:export': read(['admin']),
  // Operations: Prometheus metrics (give a scraper a token scoped to this action only).
  'ops:read-metrics': read(['admin']),
  // E-mail: the outbox (sent, and held when no SMTP server is configured).
  'mail:read-outbox': read(['admin']),
  // The plan: drafts and revisions.
  'plan:read-draft': read([...staff, 'committee']),
  'plan:import': write(['admin', 'planning-editor']),
  // Indicators: department editors only for their department's indicators (see item scopes in the API).
  'indicators:read-internal': read([...staff, 'committee']),
  'indicators:write': write(staffEditors),
  // Evaluation sheets (事務事業評価): drafts by departments, approval by reviewers.
  'evaluation:read-sheet': read([...staff, 'committee']),
  'evaluation:edit-sheet': write(staffEditors),
  'evaluation:submit-sheet': write(staffEditors),
  'evaluation:approve-sheet': write(['admin', 'reviewer']),
  'evaluation:manage-round': write(['admin', 'planning-editor']),
  // Reports (行政評価結果報告書, 中間評価報告書) rendered as background jobs.
  'reports:render': write([...staff, 'committee']),
  // Department editors comment on their own department's sheets (the use case checks the department).
  'evaluation:comment': write(['admin', 'planning-editor', 'department-editor', 'reviewer', 'committee']),
  // Surveys: microdata about residents stays with the planning division.
  'survey:read-microdata': read(['admin', 'planning-editor']),
  'survey:import': write(['admin', 'planning-editor']),
  'survey:read-results': read([...staff, 'committee']),
  // Population projections.
  'population:run': write(['admin', 'planning-editor']),
  'population:read-scenarios': read([...staff, 'committee']),
  // The municipality's census and projection tables (imported from e-Stat or IPSS files).
  'population:import-data': write(['admin', 'planning-editor']),
  // Sectoral plans (個別計画): staff read drafts; the planning division keeps the register.
  'sectoral:read-draft': read([...staff, 'committee']),
  'sectoral:manage': write(['admin', 'planning-editor']),
  // Area boundaries (GeoJSON with source and licence): the planning division imports them.
  'areas:import-boundaries': write(['admin', 'planning-editor']),
  // Co-creation: partners see and comment on the items they are linked to.
  'cocreation:read-linked': read(['admin', 'planning-editor', 'partner']),
  'cocreation:comment': write(['admin', 'planning-editor', 'partner']),
  // Partners report activities on linked items (the use case checks the link); staff review them.
  'cocreation:report': write(['partner']),
  'cocreation:review-reports': write(['admin', 'planning-editor']),
  // Partners, their contacts and links; workshops; moderation of residents' voices.
  'cocreation:read-partners': read([...staff]),
  'cocreation:manage-partners': write(['admin', 'planning-editor']),
  'cocreation:manage-workshops': write(['admin', 'planning-editor']),
  'cocreation:read-internal': read([...staff]),
  'cocreation:moderate': write(['admin', 'planning-editor']),
} as const satisfies Record<`${string}:${string}`, Policy>;

export type Action = keyof typeof policyTable;

export const actions = Object.keys(policyTable) as Action[];

export const isAction = (s: string): s is Action => Object.hasOwn(policyTable, s);
