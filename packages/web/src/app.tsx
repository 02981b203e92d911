/**
 * The whole page tree for one page model, as the server renders it. The
 * browser hydrates public pages with the public bundle (client/main.tsx) and
 * staff pages with the staff bundle (client/staff.tsx); both build the same tree.
 */
import { PublicPage } from './pages/public-page';
import { isStaffPage, Shell } from './shell';
import { StaffPage } from './staff/staff-page';
import type { PageEnvelope } from './types';

export function App({ envelope }: { envelope: PageEnvelope }) {
  return (
    <Shell envelope={envelope}>
      {isStaffPage(envelope.model.page) ? (
        <StaffPage model={envelope.model} />
      ) : (
        <PublicPage model={envelope.model} />
      )}
    </Shell>
  );
}
