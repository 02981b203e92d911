/**
 * The static list of migrations, applied in order at start. Never edit a
 * migration after it has landed: add a new one.
 */
import type { Migration } from 'kysely/migration';
import * as m0001 from './0001-plan-and-audit';
import * as m0002 from './0002-indicators';
import * as m0003 from './0003-survey-waves';
import * as m0004 from './0004-population';
import * as m0005 from './0005-evaluation';
import * as m0006 from './0006-accounts';
import * as m0007 from './0007-notifications';
import * as m0010 from './0010-statistical-datasets';
import * as m0015 from './0015-jobs';
import * as m0025 from './0025-report-files';
import * as m0040 from './0040-mail-outbox';
import * as m0041 from './0041-partners-and-reports';
import * as m0042 from './0042-residents-voices';
import * as m0043 from './0043-workshops';
import * as m0044 from './0044-followers';
import * as m0045 from './0045-sectoral-plans';
import * as m0046 from './0046-area-boundaries';
import * as m0055 from './0055-reminders-and-mail-addresses';
import * as m0060 from './0060-current-actuals';
import * as m0080 from './0080-rate-limits';
import * as m0090 from './0090-municipalities-and-tenancy';
import * as m0091 from './0091-actual-import-staging';
import * as m0092 from './0092-job-input-chunks';
import * as m0093 from './0093-current-actual-columns';
import * as m0094 from './0094-review-publication';
import * as m0096 from './0096-municipality-public-url';
import * as m0097 from './0097-restoring-deletes';

export const migrations: Record<string, Migration> = {
  '0001-plan-and-audit': m0001,
  '0002-indicators': m0002,
  '0003-survey-waves': m0003,
  '0004-population': m0004,
  '0005-evaluation': m0005,
  '0006-accounts': m0006,
  '0007-notifications': m0007,
  '0040-mail-outbox': m0040,
  '0015-jobs': m0015,
  '0041-partners-and-reports': m0041,
  '0042-residents-voices': m0042,
  '0043-workshops': m0043,
  '0044-followers': m0044,
  '0045-sectoral-plans': m0045,
  '0046-area-boundaries': m0046,
  '0055-reminders-and-mail-addresses': m0055,
  '0025-report-files': m0025,
  '0010-statistical-datasets': m0010,
  '0080-rate-limits': m0080,
  '0060-current-actuals': m0060,
  '0090-municipalities-and-tenancy': m0090,
  '0091-actual-import-staging': m0091,
  '0092-job-input-chunks': m0092,
  '0093-current-actual-columns': m0093,
  '0094-review-publication': m0094,
  '0096-municipality-public-url': m0096,
  '0097-restoring-deletes': m0097,
};
