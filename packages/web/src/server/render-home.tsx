/** Server-side rendering entry used by the server's composition root. */
import { HomePage } from '../pages/home-page';
import type { PlanTreeView } from '../types';
import { renderDocument } from './render-document';

export function renderHomePage(tree: PlanTreeView): string {
  return renderDocument({
    title: `${tree.plan.title.ja}｜${tree.municipality.name.ja}`,
    body: <HomePage tree={tree} />,
  });
}
