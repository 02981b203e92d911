/** Browser entry of the staff workspace: hydrates the staff pages. */

import { Shell } from '../shell';
import { StaffPage } from '../staff/staff-page';
import { hydratePage } from './hydrate';

hydratePage((envelope) => (
  <Shell envelope={envelope}>
    <StaffPage model={envelope.model} />
  </Shell>
));
