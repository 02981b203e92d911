/** Browser entry of the public site: hydrates public pages only (the staff pages are another bundle). */
import { PublicPage } from '../pages/public-page';
import { Shell } from '../shell';
import { hydratePage } from './hydrate';

hydratePage((envelope) => (
  <Shell envelope={envelope}>
    <PublicPage model={envelope.model} />
  </Shell>
));
