/**
 * Item scopes by route: for routes that address one item by id, how to find
 * the item's department / links / release, so the policy middleware can
 * refuse another department's item before the handler runs (guessing ids
 * does not help). Routes acting on many items at once (imports) have no
 * resolver here: their use case checks every row's department (the indicator
 * import does). Add one line per single-item route.
 */
import { type AppContext, actualItem, indicatorItem, type ScopedItem } from '@mirai/app';

export type ItemResolver = (
  ctx: AppContext,
  params: Record<string, string>,
) => Promise<ScopedItem | undefined>;

export const itemScopes: Record<string, ItemResolver> = {
  'POST /api/v1/indicators/{code}/actuals': (ctx, p) => indicatorItem(ctx, p.code ?? ''),
  'POST /api/v1/actuals/{id}/corrections': (ctx, p) => actualItem(ctx, p.id ?? ''),
};

/** The path parameters of a concrete path under an OpenAPI template, or undefined when it does not match. */
export function pathParams(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const pattern = template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{([^}]+)\}/g, (_, n: string) => {
    names.push(n);
    return '([^/]+)';
  });
  const m = new RegExp(`^${pattern}$`).exec(path);
  if (!m) return undefined;
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]));
}
